import { ErrorCode, ServiceError } from '../errors';
import { ApplicationNameShape, OperationIdShape, required } from '../shapes';
import type { Store } from '../store';
import type { JsonObject } from '../types';
import type { ConstraintTable } from '../validation';
import { toOperationDetails } from '../wire';

/** `DescribeApplicationOperationRequest` constraints, from the API model. */
const DescribeApplicationOperationConstraints = {
  ApplicationName: required(ApplicationNameShape),
  OperationId: required(OperationIdShape),
} as const satisfies ConstraintTable;

interface DescribeApplicationOperationRequest {
  readonly ApplicationName: string;
  readonly OperationId: string;
}

/**
 * DescribeApplicationOperation: one recorded operation, with ApplicationVersionChangeDetails
 * for updates. EndTime is absent while the operation is IN_PROGRESS.
 */
function describeApplicationOperation(input: DescribeApplicationOperationRequest, store: Store): JsonObject {
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

export { DescribeApplicationOperationConstraints, describeApplicationOperation };
