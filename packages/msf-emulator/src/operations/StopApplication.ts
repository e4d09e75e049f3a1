import { statusConflict } from '../errors';
import { ApplicationNameShape, BooleanObjectShape, required } from '../shapes';
import type { Store } from '../store';
import { ApplicationStatus, type JsonObject, RecordedOperation } from '../types';
import type { ConstraintTable } from '../validation';

/** `StopApplicationRequest` constraints, from the API model. */
const StopApplicationConstraints = {
  ApplicationName: required(ApplicationNameShape),
  Force: BooleanObjectShape,
} as const satisfies ConstraintTable;

interface StopApplicationRequest {
  readonly ApplicationName: string;
  readonly Force?: boolean;
}

/** Per the model: "The application must be in the STARTING, UPDATING, STOPPING, AUTOSCALING, or RUNNING status." */
const FORCE_STOPPABLE: ReadonlySet<ApplicationStatus> = new Set([
  ApplicationStatus.STARTING,
  ApplicationStatus.UPDATING,
  ApplicationStatus.STOPPING,
  ApplicationStatus.AUTOSCALING,
  ApplicationStatus.RUNNING,
]);

/**
 * StopApplication: RUNNING → STOPPING → READY. With `Force`, also from STARTING, UPDATING,
 * STOPPING and AUTOSCALING, through FORCE_STOPPING; the transition in flight is cancelled
 * (its operation becomes CANCELLED). Other statuses give ResourceInUseException.
 */
function stopApplication(input: StopApplicationRequest, store: Store): JsonObject {
  const app = store.get(input.ApplicationName);
  const force = input.Force === true;
  if (force ? !FORCE_STOPPABLE.has(app.status) : app.status !== ApplicationStatus.RUNNING) {
    const hint =
      !force && FORCE_STOPPABLE.has(app.status)
        ? 'only a RUNNING application can be stopped without Force; set Force to stop it now'
        : `it can be stopped only in ${force ? [...FORCE_STOPPABLE].join(', ') : 'RUNNING'} state`;
    throw statusConflict(app, 'stopped', hint);
  }
  const operation = store.recordOperation(app, RecordedOperation.StopApplication);
  store.transition(
    app,
    force ? ApplicationStatus.FORCE_STOPPING : ApplicationStatus.STOPPING,
    (stopped) => {
      stopped.status = ApplicationStatus.READY;
    },
    operation,
  );
  return { OperationId: operation.id };
}

export { StopApplicationConstraints, stopApplication };
