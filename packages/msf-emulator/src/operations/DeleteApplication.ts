import { ErrorCode, ServiceError, statusConflict } from '../errors';
import { ApplicationNameShape, required, TimestampShape } from '../shapes';
import type { Store } from '../store';
import { ApplicationStatus, type JsonObject } from '../types';
import { type ConstraintTable, validateInput } from '../validation';
import { epochSeconds } from '../wire';

/** `DeleteApplicationRequest` constraints, from the API model. */
export const deleteApplicationConstraints: ConstraintTable = {
  ApplicationName: required(ApplicationNameShape),
  CreateTimestamp: required(TimestampShape),
};

interface DeleteApplicationRequest {
  readonly ApplicationName: string;
  /** Epoch seconds. */
  readonly CreateTimestamp: number;
}

/** Settled statuses; an application in any other (transitional) status cannot be deleted. */
const DELETABLE: ReadonlySet<ApplicationStatus> = new Set([
  ApplicationStatus.READY,
  ApplicationStatus.RUNNING,
  ApplicationStatus.ROLLED_BACK,
]);

/**
 * DeleteApplication: the caller proves it means this incarnation of the name by sending its
 * CreateTimestamp (compared to the millisecond). READY/RUNNING/ROLLED_BACK → DELETING → gone.
 */
export function deleteApplication(body: JsonObject, store: Store): JsonObject {
  const input = validateInput<DeleteApplicationRequest>(body, deleteApplicationConstraints);
  const app = store.get(input.ApplicationName);
  const created = epochSeconds(app.createTime);
  if (Math.round(input.CreateTimestamp * 1000) !== Math.round(created * 1000)) {
    throw new ServiceError(
      ErrorCode.InvalidArgumentException,
      `CreateTimestamp ${input.CreateTimestamp} does not match the creation time of application ${app.name} ` +
        `(${created}); use CreateTimestamp from DescribeApplication`,
    );
  }
  if (!DELETABLE.has(app.status)) {
    throw statusConflict(app, 'deleted', `wait until it is ${[...DELETABLE].join(', ')}`);
  }
  store.transition(app, ApplicationStatus.DELETING, (deleted) => {
    store.remove(deleted);
  });
  return {};
}
