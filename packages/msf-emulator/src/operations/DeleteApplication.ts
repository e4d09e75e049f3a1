import { ErrorCode, ServiceError, statusConflict } from '../errors';
import { ApplicationNameShape, required, TimestampShape } from '../shapes';
import type { Store } from '../store';
import { ApplicationStatus, type JsonObject } from '../types';
import type { ConstraintTable } from '../validation';
import { epochSeconds } from '../wire';

/** `DeleteApplicationRequest` constraints, from the API model. */
const DeleteApplicationConstraints = {
  ApplicationName: required(ApplicationNameShape),
  CreateTimestamp: required(TimestampShape),
} as const satisfies ConstraintTable;

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
function deleteApplication(input: DeleteApplicationRequest, store: Store): JsonObject {
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

export { DeleteApplicationConstraints, deleteApplication };
