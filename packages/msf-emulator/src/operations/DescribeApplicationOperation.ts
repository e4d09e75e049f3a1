import { ErrorCode, ServiceError } from '../errors';
import { ApplicationNameShape, OperationIdShape, required } from '../shapes';
import type { Store } from '../store';
import type { JsonObject } from '../types';
import { type ConstraintTable, validateInput } from '../validation';
import { toOperationDetails } from '../wire';

/** `DescribeApplicationOperationRequest` constraints, from the API model. */
export const describeApplicationOperationConstraints: ConstraintTable = {
  ApplicationName: required(ApplicationNameShape),
  OperationId: required(OperationIdShape),
};

interface DescribeApplicationOperationRequest {
  readonly ApplicationName: string;
  readonly OperationId: string;
}

/**
 * DescribeApplicationOperation: one recorded operation, with ApplicationVersionChangeDetails
 * for updates. EndTime is absent while the operation is IN_PROGRESS.
 */
export function describeApplicationOperation(body: JsonObject, store: Store): JsonObject {
  const input = validateInput<DescribeApplicationOperationRequest>(body, describeApplicationOperationConstraints);
  const app = store.get(input.ApplicationName);
  const operation = app.operations.find((candidate) => candidate.id === input.OperationId);
  if (operation === undefined) {
    throw new ServiceError(
      ErrorCode.ResourceNotFoundException,
      `Operation ${input.OperationId} not found for application ${app.name}; list them with ListApplicationOperations`,
    );
  }
  return { ApplicationOperationInfoDetails: toOperationDetails(operation) };
}
