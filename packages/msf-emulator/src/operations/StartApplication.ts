import { statusConflict } from '../errors';
import {
  ApplicationNameShape,
  ApplicationRestoreConfigurationShape,
  FlinkRunConfigurationShape,
  OpaqueStructureShape,
  required,
} from '../shapes';
import { runWithConfiguredParallelism, type Store } from '../store';
import { ApplicationStatus, type JsonObject, RecordedOperation } from '../types';
import type { ConstraintTable } from '../validation';

/** `StartApplicationRequest` constraints, from the API model. */
const StartApplicationConstraints = {
  ApplicationName: required(ApplicationNameShape),
  RunConfiguration: {
    type: 'structure',
    members: {
      FlinkRunConfiguration: FlinkRunConfigurationShape,
      SqlRunConfigurations: { type: 'list', member: OpaqueStructureShape },
      ApplicationRestoreConfiguration: ApplicationRestoreConfigurationShape,
    },
  },
} as const satisfies ConstraintTable;

interface StartApplicationRequest {
  readonly ApplicationName: string;
}

/**
 * StartApplication: READY → STARTING → RUNNING (the job then runs with the configured
 * Parallelism). Any other status gives ResourceInUseException. RunConfiguration is accepted
 * and ignored.
 */
function startApplication(input: StartApplicationRequest, store: Store): JsonObject {
  const app = store.get(input.ApplicationName);
  if (app.status !== ApplicationStatus.READY) {
    throw statusConflict(app, 'started', 'only a READY application can be started');
  }
  const operation = store.recordOperation(app, RecordedOperation.StartApplication);
  store.transition(app, ApplicationStatus.STARTING, runWithConfiguredParallelism, operation);
  return { OperationId: operation.id };
}

export { StartApplicationConstraints, startApplication };
