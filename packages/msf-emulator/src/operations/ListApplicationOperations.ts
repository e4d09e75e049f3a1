import { ErrorCode, ServiceError } from '../errors';
import { ApplicationNameShape, NextTokenShape, OperationShape, OperationStatusShape, required } from '../shapes';
import type { Store } from '../store';
import type { JsonObject, OperationStatus } from '../types';
import type { ConstraintTable } from '../validation';
import { toOperationInfo } from '../wire';

/** `ListApplicationOperationsRequest` constraints, from the API model. */
const ListApplicationOperationsConstraints = {
  ApplicationName: required(ApplicationNameShape),
  Limit: { type: 'integer', min: 1, max: 50 },
  NextToken: NextTokenShape,
  Operation: OperationShape,
  OperationStatus: OperationStatusShape,
} as const satisfies ConstraintTable;

interface ListApplicationOperationsRequest {
  readonly ApplicationName: string;
  readonly Limit?: number;
  readonly NextToken?: string;
  readonly Operation?: string;
  readonly OperationStatus?: OperationStatus;
}

/** Page size when the request has no Limit (the model's maximum). */
const DEFAULT_OPERATIONS_LIMIT = 50;

const TOKEN_PREFIX = 'op:';

function encodeToken(seq: number): string {
  return Buffer.from(`${TOKEN_PREFIX}${seq}`).toString('base64url');
}

function decodeToken(token: string): number {
  const text = Buffer.from(token, 'base64url').toString();
  const seq = Number(text.slice(TOKEN_PREFIX.length));
  if (!text.startsWith(TOKEN_PREFIX) || !Number.isSafeInteger(seq) || seq < 1) {
    throw new ServiceError(
      ErrorCode.InvalidArgumentException,
      `NextToken '${token}' is not valid; pass the NextToken of the previous ListApplicationOperations response`,
    );
  }
  return seq;
}

/**
 * ListApplicationOperations: the application's recorded operations, newest first, optionally
 * filtered by Operation name and OperationStatus. NextToken is opaque (it encodes where the
 * next page starts).
 */
function listApplicationOperations(input: ListApplicationOperationsRequest, store: Store): JsonObject {
  const startSeq = input.NextToken === undefined ? undefined : decodeToken(input.NextToken);
  const app = store.get(input.ApplicationName);
  const limit = input.Limit ?? DEFAULT_OPERATIONS_LIMIT;
  const matching = [...app.operations]
    .reverse()
    .filter(
      (operation) =>
        (startSeq === undefined || operation.seq <= startSeq) &&
        (input.Operation === undefined || operation.operation === input.Operation) &&
        (input.OperationStatus === undefined || operation.status === input.OperationStatus),
    );
  const page = matching.slice(0, limit);
  const next = matching[limit];
  return {
    ApplicationOperationInfoList: page.map(toOperationInfo),
    ...(next === undefined ? {} : { NextToken: encodeToken(next.seq) }),
  };
}

export { ListApplicationOperationsConstraints, listApplicationOperations };
