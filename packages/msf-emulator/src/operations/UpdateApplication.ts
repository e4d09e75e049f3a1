import { checkParallelismLimits } from '../capacity';
import { ErrorCode, ServiceError, statusConflict } from '../errors';
import {
  ApplicationNameShape,
  ApplicationRestoreConfigurationShape,
  ApplicationVersionIdShape,
  BooleanObjectShape,
  ConditionalTokenShape,
  ConfigurationTypeShape,
  EnvironmentPropertiesShape,
  FlinkRunConfigurationShape,
  IdShape,
  LogLevelShape,
  MetricsLevelShape,
  OpaqueStructureShape,
  ParallelismShape,
  ResourceArnShape,
  RuntimeEnvironmentShape,
  required,
} from '../shapes';
import {
  applyConfiguredParallelism,
  Defaults,
  newConditionalToken,
  type ParallelismSettings,
  runWithConfiguredParallelism,
  type Store,
  type StoredApplication,
  type StoredOperation,
} from '../store';
import { ApplicationStatus, ConfigurationType, type JsonObject, OperationStatus, RecordedOperation } from '../types';
import type { ConstraintTable } from '../validation';
import { toApplicationDetail } from '../wire';

/** `UpdateApplicationRequest` constraints, from the API model. */
const UpdateApplicationConstraints = {
  ApplicationName: required(ApplicationNameShape),
  CurrentApplicationVersionId: ApplicationVersionIdShape,
  ApplicationConfigurationUpdate: {
    type: 'structure',
    members: {
      SqlApplicationConfigurationUpdate: OpaqueStructureShape,
      ApplicationCodeConfigurationUpdate: {
        type: 'structure',
        members: {
          CodeContentTypeUpdate: { type: 'string', enum: ['PLAINTEXT', 'ZIPFILE'] },
          CodeContentUpdate: {
            type: 'structure',
            members: {
              TextContentUpdate: { type: 'string', min: 0, max: 102400 },
              ZipFileContentUpdate: { type: 'blob', min: 0, max: 52428800 },
              S3ContentLocationUpdate: {
                type: 'structure',
                members: {
                  BucketARNUpdate: ResourceArnShape,
                  FileKeyUpdate: { type: 'string', min: 1, max: 1024 },
                  ObjectVersionUpdate: { type: 'string', min: 0, max: 1024 },
                },
              },
            },
          },
        },
      },
      FlinkApplicationConfigurationUpdate: {
        type: 'structure',
        members: {
          CheckpointConfigurationUpdate: {
            type: 'structure',
            members: {
              ConfigurationTypeUpdate: ConfigurationTypeShape,
              CheckpointingEnabledUpdate: BooleanObjectShape,
              CheckpointIntervalUpdate: { type: 'long', min: 1 },
              MinPauseBetweenCheckpointsUpdate: { type: 'long', min: 0 },
            },
          },
          MonitoringConfigurationUpdate: {
            type: 'structure',
            members: {
              ConfigurationTypeUpdate: ConfigurationTypeShape,
              MetricsLevelUpdate: MetricsLevelShape,
              LogLevelUpdate: LogLevelShape,
            },
          },
          ParallelismConfigurationUpdate: {
            type: 'structure',
            members: {
              ConfigurationTypeUpdate: ConfigurationTypeShape,
              ParallelismUpdate: ParallelismShape,
              ParallelismPerKPUUpdate: ParallelismShape,
              AutoScalingEnabledUpdate: BooleanObjectShape,
            },
          },
        },
      },
      EnvironmentPropertyUpdates: EnvironmentPropertiesShape,
      ApplicationSnapshotConfigurationUpdate: {
        type: 'structure',
        members: { SnapshotsEnabledUpdate: required(BooleanObjectShape) },
      },
      ApplicationSystemRollbackConfigurationUpdate: {
        type: 'structure',
        members: { RollbackEnabledUpdate: required(BooleanObjectShape) },
      },
      VpcConfigurationUpdates: {
        type: 'list',
        member: {
          type: 'structure',
          members: {
            VpcConfigurationId: required(IdShape),
            SubnetIdUpdates: { type: 'list', min: 1, max: 16, member: { type: 'string' } },
            SecurityGroupIdUpdates: { type: 'list', min: 1, max: 5, member: { type: 'string' } },
          },
        },
      },
      ZeppelinApplicationConfigurationUpdate: OpaqueStructureShape,
      ApplicationEncryptionConfigurationUpdate: {
        type: 'structure',
        members: {
          KeyIdUpdate: { type: 'string', min: 1, max: 2048 },
          KeyTypeUpdate: { type: 'string', enum: ['AWS_OWNED_KEY', 'CUSTOMER_MANAGED_KEY'], required: true },
        },
      },
    },
  },
  ServiceExecutionRoleUpdate: ResourceArnShape,
  RunConfigurationUpdate: {
    type: 'structure',
    members: {
      FlinkRunConfiguration: FlinkRunConfigurationShape,
      ApplicationRestoreConfiguration: ApplicationRestoreConfigurationShape,
    },
  },
  CloudWatchLoggingOptionUpdates: {
    type: 'list',
    member: {
      type: 'structure',
      members: {
        CloudWatchLoggingOptionId: required(IdShape),
        LogStreamARNUpdate: ResourceArnShape,
      },
    },
  },
  ConditionalToken: ConditionalTokenShape,
  RuntimeEnvironmentUpdate: RuntimeEnvironmentShape,
} as const satisfies ConstraintTable;

interface ParallelismConfigurationUpdate {
  readonly ConfigurationTypeUpdate?: ConfigurationType;
  readonly ParallelismUpdate?: number;
  readonly ParallelismPerKPUUpdate?: number;
  readonly AutoScalingEnabledUpdate?: boolean;
}

interface UpdateApplicationRequest {
  readonly ApplicationName: string;
  readonly CurrentApplicationVersionId?: number;
  readonly ConditionalToken?: string;
  readonly ApplicationConfigurationUpdate?: {
    readonly ApplicationSystemRollbackConfigurationUpdate?: { readonly RollbackEnabledUpdate: boolean };
    readonly FlinkApplicationConfigurationUpdate?: {
      readonly ParallelismConfigurationUpdate?: ParallelismConfigurationUpdate;
      readonly [member: string]: unknown;
    };
    readonly [member: string]: unknown;
  };
  readonly ServiceExecutionRoleUpdate?: string;
  readonly [member: string]: unknown;
}

/** Statuses in which MSF accepts an update. */
const UPDATABLE: ReadonlySet<ApplicationStatus> = new Set([ApplicationStatus.RUNNING, ApplicationStatus.READY]);

/** The members of ApplicationConfigurationUpdate the emulator applies. */
const SUPPORTED_CONFIGURATION_UPDATES: ReadonlySet<string> = new Set([
  'FlinkApplicationConfigurationUpdate',
  'ApplicationSystemRollbackConfigurationUpdate',
]);

const SUPPORTED =
  'The MSF emulator only supports ParallelismConfigurationUpdate ' +
  '(ApplicationConfigurationUpdate.FlinkApplicationConfigurationUpdate.ParallelismConfigurationUpdate), ' +
  'ApplicationConfigurationUpdate.ApplicationSystemRollbackConfigurationUpdate, ' +
  'ServiceExecutionRoleUpdate and RunConfigurationUpdate in UpdateApplication';

/** What a failed update puts back: the application as it was before the update. */
interface UpdatedState {
  readonly versionId: number;
  readonly versionUpdatedFrom: number | undefined;
  readonly versionRolledBackFrom: number | undefined;
  readonly versionRolledBackTo: number | undefined;
  readonly parallelism: ParallelismSettings;
  readonly role: string;
  readonly rollbackEnabled: boolean;
}

/**
 * UpdateApplication, limited to parallelism (plus the execution role and the system rollback
 * setting). Checks, in order:
 * constraints (the pipeline validates `UpdateApplicationConstraints` first), existence,
 * unsupported updates, ParallelismConfigurationUpdate rules, CurrentApplicationVersionId /
 * ConditionalToken (ConcurrentModificationException when stale), status (RUNNING or READY, else
 * ResourceInUseException).
 *
 * A READY application takes the new settings at once and stays READY. A RUNNING one goes to
 * UPDATING and back to RUNNING after `transitionMs`; only then does CurrentParallelism take the
 * new Parallelism. Every accepted update bumps ApplicationVersionId and issues a new
 * ConditionalToken.
 *
 * An update with a failure injected (`failNextUpdate`) is accepted all the same; see
 * `failUpdate` for how it ends.
 */
function updateApplication(input: UpdateApplicationRequest, store: Store): JsonObject {
  const app = store.get(input.ApplicationName);

  rejectUnsupported(input);
  const update =
    input.ApplicationConfigurationUpdate?.FlinkApplicationConfigurationUpdate?.ParallelismConfigurationUpdate;
  const parallelism = update === undefined ? app.parallelism : applyParallelismUpdate(app.parallelism, update);
  checkParallelismLimits(parallelism.parallelism, parallelism.parallelismPerKpu);
  checkVersion(app, input);
  if (!UPDATABLE.has(app.status)) {
    throw statusConflict(app, 'updated', 'retry when it is RUNNING or READY');
  }

  const failure = store.takeUpdateFailure(app);
  // The version this update supersedes, as it last was.
  store.recordVersion(app);
  const before = updatedState(app);
  const from = app.versionId;
  app.versionId = from + 1;
  app.versionUpdatedFrom = from;
  delete app.versionRolledBackFrom;
  delete app.versionRolledBackTo;
  app.conditionalToken = newConditionalToken();
  app.lastUpdateTime = store.now();
  app.parallelism = { ...parallelism };
  if (input.ServiceExecutionRoleUpdate !== undefined) {
    app.role = input.ServiceExecutionRoleUpdate;
  }
  const rollbackUpdate = input.ApplicationConfigurationUpdate?.ApplicationSystemRollbackConfigurationUpdate;
  if (rollbackUpdate !== undefined) {
    app.rollbackEnabled = rollbackUpdate.RollbackEnabledUpdate;
  }
  const operation = store.recordOperation(app, RecordedOperation.UpdateApplication, { from, to: app.versionId });
  if (failure !== undefined) {
    if (app.status === ApplicationStatus.READY) {
      failUpdate(store, app, operation, { before, errorString: failure.errorString, running: false });
    } else {
      store.transition(
        app,
        ApplicationStatus.UPDATING,
        (updating) =>
          failUpdate(store, updating, operation, { before, errorString: failure.errorString, running: true }),
        operation,
      );
    }
  } else if (app.status === ApplicationStatus.READY) {
    // Nothing runs, so there is nothing to restart: the new settings apply at once.
    applyConfiguredParallelism(app);
    store.endOperation(operation, OperationStatus.SUCCESSFUL);
  } else {
    store.transition(app, ApplicationStatus.UPDATING, runWithConfiguredParallelism, operation);
  }
  if (app.versionId === from + 1) {
    // The new version (a failed update without rollback has already put the old one back).
    store.recordVersion(app);
  }
  return { ApplicationDetail: toApplicationDetail(app), OperationId: operation.id };
}

function updatedState(app: StoredApplication): UpdatedState {
  return {
    versionId: app.versionId,
    versionUpdatedFrom: app.versionUpdatedFrom,
    versionRolledBackFrom: app.versionRolledBackFrom,
    versionRolledBackTo: app.versionRolledBackTo,
    parallelism: { ...app.parallelism },
    role: app.role,
    rollbackEnabled: app.rollbackEnabled,
  };
}

/** Puts back the configuration of `before` (not its version). */
function restoreConfiguration(app: StoredApplication, before: UpdatedState): void {
  app.parallelism = { ...before.parallelism };
  app.role = before.role;
  app.rollbackEnabled = before.rollbackEnabled;
}

/** Sets or removes an optional version member (exactOptionalPropertyTypes forbids assigning undefined). */
function setVersionMember(
  app: StoredApplication,
  member: 'versionUpdatedFrom' | 'versionRolledBackFrom' | 'versionRolledBackTo',
  value: number | undefined,
): void {
  if (value === undefined) {
    delete app[member];
  } else {
    app[member] = value;
  }
}

/** How a failing update ends: the state before it, the error, and whether the job was running. */
interface UpdateFailureContext {
  readonly before: UpdatedState;
  readonly errorString: string;
  /** The update restarted a running job (its UPDATING transition completes now). */
  readonly running: boolean;
}

/**
 * Ends a failing update as MSF does: the UpdateApplication operation is FAILED with
 * `ErrorInfo.ErrorString`. When the job was running and system rollback is enabled (as the
 * update left it), a RollbackApplication operation starts: a new version (the failed one + 1,
 * ApplicationVersionRolledBackFrom the failed one, ApplicationVersionRolledBackTo the one
 * before) with the configuration from before the update, ROLLING_BACK, then RUNNING at that
 * parallelism, SUCCESSFUL. Otherwise the application is READY with the configuration and
 * version from before the update (a new ConditionalToken all the same).
 */
function failUpdate(
  store: Store,
  app: StoredApplication,
  operation: StoredOperation,
  { before, errorString, running }: UpdateFailureContext,
): void {
  store.endOperation(operation, OperationStatus.FAILED);
  // The failed version keeps the configuration it attempted.
  store.recordVersion(app);
  const failedVersion = app.versionId;
  const rollback = running && app.rollbackEnabled;
  restoreConfiguration(app, before);
  app.conditionalToken = newConditionalToken();
  app.lastUpdateTime = store.now();
  if (!rollback) {
    app.versionId = before.versionId;
    setVersionMember(app, 'versionUpdatedFrom', before.versionUpdatedFrom);
    setVersionMember(app, 'versionRolledBackFrom', before.versionRolledBackFrom);
    setVersionMember(app, 'versionRolledBackTo', before.versionRolledBackTo);
    app.status = ApplicationStatus.READY;
    applyConfiguredParallelism(app);
    operation.failure = { errorString };
    store.recordVersion(app);
    return;
  }
  app.versionId = failedVersion + 1;
  app.versionUpdatedFrom = failedVersion;
  app.versionRolledBackFrom = failedVersion;
  app.versionRolledBackTo = before.versionId;
  const rollbackOperation = store.recordOperation(app, RecordedOperation.RollbackApplication, {
    from: failedVersion,
    to: app.versionId,
  });
  operation.failure = { errorString, rollbackOperationId: rollbackOperation.id };
  store.transition(app, ApplicationStatus.ROLLING_BACK, runWithConfiguredParallelism, rollbackOperation);
  store.recordVersion(app);
}

function rejectUnsupported(input: UpdateApplicationRequest): void {
  const unsupported: string[] = [];
  const configuration = input.ApplicationConfigurationUpdate ?? {};
  for (const [member, value] of Object.entries(configuration)) {
    if (!SUPPORTED_CONFIGURATION_UPDATES.has(member) && value !== undefined) {
      unsupported.push(`ApplicationConfigurationUpdate.${member}`);
    }
  }
  for (const [member, value] of Object.entries(configuration.FlinkApplicationConfigurationUpdate ?? {})) {
    if (member !== 'ParallelismConfigurationUpdate' && value !== undefined) {
      unsupported.push(`ApplicationConfigurationUpdate.FlinkApplicationConfigurationUpdate.${member}`);
    }
  }
  for (const member of ['CloudWatchLoggingOptionUpdates', 'RuntimeEnvironmentUpdate']) {
    if (input[member] !== undefined) {
      unsupported.push(member);
    }
  }
  if (unsupported.length > 0) {
    throw new ServiceError(ErrorCode.InvalidArgumentException, `${SUPPORTED}; remove ${unsupported.join(', ')}`);
  }
}

/** ConfigurationTypeUpdate CUSTOM is needed to change anything; DEFAULT alone resets to the defaults. */
function applyParallelismUpdate(
  current: ParallelismSettings,
  update: ParallelismConfigurationUpdate,
): ParallelismSettings {
  const changed = (
    [
      ['ParallelismUpdate', update.ParallelismUpdate],
      ['ParallelismPerKPUUpdate', update.ParallelismPerKPUUpdate],
      ['AutoScalingEnabledUpdate', update.AutoScalingEnabledUpdate],
    ] as const
  )
    .filter(([, value]) => value !== undefined)
    .map(([member]) => member);
  const type = update.ConfigurationTypeUpdate;
  if (changed.length > 0 && type !== ConfigurationType.CUSTOM) {
    throw new ServiceError(
      ErrorCode.InvalidArgumentException,
      `ParallelismConfigurationUpdate.ConfigurationTypeUpdate is ${type ?? 'missing'}; ` +
        `set it to CUSTOM to change ${changed.join(', ')}`,
    );
  }
  if (type === ConfigurationType.DEFAULT) {
    return { ...Defaults.PARALLELISM };
  }
  if (type === ConfigurationType.CUSTOM) {
    return {
      configurationType: ConfigurationType.CUSTOM,
      parallelism: update.ParallelismUpdate ?? current.parallelism,
      parallelismPerKpu: update.ParallelismPerKPUUpdate ?? current.parallelismPerKpu,
      autoScalingEnabled: update.AutoScalingEnabledUpdate ?? current.autoScalingEnabled,
    };
  }
  return current;
}

function checkVersion(app: StoredApplication, input: UpdateApplicationRequest): void {
  if (input.CurrentApplicationVersionId === undefined && input.ConditionalToken === undefined) {
    throw new ServiceError(
      ErrorCode.InvalidArgumentException,
      'UpdateApplication needs CurrentApplicationVersionId or ConditionalToken; read them with DescribeApplication',
    );
  }
  if (input.CurrentApplicationVersionId !== undefined && input.CurrentApplicationVersionId !== app.versionId) {
    throw new ServiceError(
      ErrorCode.ConcurrentModificationException,
      `CurrentApplicationVersionId ${input.CurrentApplicationVersionId} is stale: application ${app.name} ` +
        `is at version ${app.versionId}; describe it again and retry`,
    );
  }
  if (input.ConditionalToken !== undefined && input.ConditionalToken !== app.conditionalToken) {
    throw new ServiceError(
      ErrorCode.ConcurrentModificationException,
      `ConditionalToken is stale: application ${app.name} was updated since it was read; describe it again and retry`,
    );
  }
}

export { UpdateApplicationConstraints, updateApplication };
