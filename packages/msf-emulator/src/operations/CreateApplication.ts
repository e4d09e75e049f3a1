import { checkParallelismLimits } from '../capacity';
import { ErrorCode, ServiceError } from '../errors';
import {
  ApplicationCodeConfigurationShape,
  ApplicationDescriptionShape,
  ApplicationEncryptionConfigurationShape,
  ApplicationModeShape,
  ApplicationNameShape,
  BooleanObjectShape,
  CheckpointConfigurationShape,
  CloudWatchLoggingOptionsShape,
  EnvironmentPropertiesShape,
  MonitoringConfigurationShape,
  OpaqueStructureShape,
  ParallelismConfigurationShape,
  ResourceArnShape,
  RuntimeEnvironmentShape,
  required,
  TagsShape,
  VpcConfigurationsShape,
} from '../shapes';
import {
  type CheckpointSettings,
  Defaults,
  type MonitoringSettings,
  newConditionalToken,
  type ParallelismSettings,
  type Store,
  type StoredApplication,
} from '../store';
import {
  ApplicationMode,
  ApplicationStatus,
  ConfigurationType,
  type JsonObject,
  RUNTIME_ENVIRONMENTS,
  type RuntimeEnvironment,
} from '../types';
import type { ConstraintTable } from '../validation';
import { toApplicationDetail } from '../wire';

/** `CreateApplicationRequest` constraints, from the API model. */
const CreateApplicationConstraints = {
  ApplicationName: required(ApplicationNameShape),
  ApplicationDescription: ApplicationDescriptionShape,
  RuntimeEnvironment: required(RuntimeEnvironmentShape),
  ServiceExecutionRole: required(ResourceArnShape),
  ApplicationConfiguration: {
    type: 'structure',
    members: {
      SqlApplicationConfiguration: OpaqueStructureShape,
      FlinkApplicationConfiguration: {
        type: 'structure',
        members: {
          CheckpointConfiguration: CheckpointConfigurationShape,
          MonitoringConfiguration: MonitoringConfigurationShape,
          ParallelismConfiguration: ParallelismConfigurationShape,
        },
      },
      EnvironmentProperties: EnvironmentPropertiesShape,
      ApplicationCodeConfiguration: ApplicationCodeConfigurationShape,
      ApplicationSnapshotConfiguration: {
        type: 'structure',
        members: { SnapshotsEnabled: required(BooleanObjectShape) },
      },
      ApplicationSystemRollbackConfiguration: {
        type: 'structure',
        members: { RollbackEnabled: required(BooleanObjectShape) },
      },
      VpcConfigurations: VpcConfigurationsShape,
      ZeppelinApplicationConfiguration: OpaqueStructureShape,
      ApplicationEncryptionConfiguration: ApplicationEncryptionConfigurationShape,
    },
  },
  CloudWatchLoggingOptions: CloudWatchLoggingOptionsShape,
  Tags: TagsShape,
  ApplicationMode: ApplicationModeShape,
} as const satisfies ConstraintTable;

interface CreateApplicationRequest {
  readonly ApplicationName: string;
  readonly ApplicationDescription?: string;
  readonly RuntimeEnvironment: RuntimeEnvironment;
  readonly ServiceExecutionRole: string;
  readonly ApplicationConfiguration?: {
    readonly SqlApplicationConfiguration?: JsonObject;
    readonly FlinkApplicationConfiguration?: {
      readonly CheckpointConfiguration?: {
        readonly ConfigurationType: ConfigurationType;
        readonly CheckpointingEnabled?: boolean;
        readonly CheckpointInterval?: number;
        readonly MinPauseBetweenCheckpoints?: number;
      };
      readonly MonitoringConfiguration?: {
        readonly ConfigurationType: ConfigurationType;
        readonly MetricsLevel?: string;
        readonly LogLevel?: string;
      };
      readonly ParallelismConfiguration?: {
        readonly ConfigurationType: ConfigurationType;
        readonly Parallelism?: number;
        readonly ParallelismPerKPU?: number;
        readonly AutoScalingEnabled?: boolean;
      };
    };
    readonly ApplicationSnapshotConfiguration?: { readonly SnapshotsEnabled: boolean };
    readonly ApplicationSystemRollbackConfiguration?: { readonly RollbackEnabled: boolean };
    readonly ZeppelinApplicationConfiguration?: JsonObject;
  };
  readonly ApplicationMode?: ApplicationMode;
}

const FLINK_RUNTIMES = RUNTIME_ENVIRONMENTS.filter((runtime) => runtime.startsWith('FLINK-'));

/**
 * CreateApplication: a Flink application in READY status, version 1.
 * Only `FLINK-*` runtimes and STREAMING mode; SQL and Zeppelin configurations are refused.
 * Configuration parts the emulator does not model (code, environment properties, VPC, logging,
 * tags, encryption) are validated and then ignored. `ApplicationSystemRollbackConfiguration` is
 * kept (system rollback of failed updates; off unless it turns it on).
 */
function createApplication(input: CreateApplicationRequest, store: Store): JsonObject {
  if (!input.RuntimeEnvironment.startsWith('FLINK-')) {
    throw new ServiceError(
      ErrorCode.InvalidArgumentException,
      `RuntimeEnvironment ${input.RuntimeEnvironment} is not supported by the MSF emulator; ` +
        `use one of ${FLINK_RUNTIMES.join(', ')}`,
    );
  }
  const mode = input.ApplicationMode ?? ApplicationMode.STREAMING;
  if (mode !== ApplicationMode.STREAMING) {
    throw new ServiceError(
      ErrorCode.InvalidArgumentException,
      `ApplicationMode ${mode} needs a ZEPPELIN-FLINK runtime; use STREAMING with ${input.RuntimeEnvironment}`,
    );
  }
  const configuration = input.ApplicationConfiguration;
  for (const member of ['SqlApplicationConfiguration', 'ZeppelinApplicationConfiguration'] as const) {
    if (configuration?.[member] !== undefined) {
      throw new ServiceError(
        ErrorCode.InvalidArgumentException,
        `ApplicationConfiguration.${member} is not valid for RuntimeEnvironment ${input.RuntimeEnvironment}; remove it`,
      );
    }
  }
  const flink = configuration?.FlinkApplicationConfiguration;
  const parallelism = parallelismSettings(flink?.ParallelismConfiguration);
  checkParallelismLimits(parallelism.parallelism, parallelism.parallelismPerKpu);

  const now = store.now();
  const app: StoredApplication = {
    name: input.ApplicationName,
    arn: store.arn(input.ApplicationName),
    ...(input.ApplicationDescription === undefined ? {} : { description: input.ApplicationDescription }),
    runtime: input.RuntimeEnvironment,
    mode,
    createTime: now,
    role: input.ServiceExecutionRole,
    status: ApplicationStatus.READY,
    versionId: 1,
    lastUpdateTime: now,
    conditionalToken: newConditionalToken(),
    parallelism,
    currentParallelism: parallelism.parallelism,
    checkpoint: checkpointSettings(flink?.CheckpointConfiguration),
    monitoring: monitoringSettings(flink?.MonitoringConfiguration),
    // The API leaves snapshots off unless ApplicationSnapshotConfiguration turns them on.
    snapshotsEnabled: configuration?.ApplicationSnapshotConfiguration?.SnapshotsEnabled ?? false,
    // System rollback is opt-in: off unless ApplicationSystemRollbackConfiguration turns it on.
    rollbackEnabled: configuration?.ApplicationSystemRollbackConfiguration?.RollbackEnabled ?? false,
    operations: [],
  };
  store.add(app);
  store.recordVersion(app);
  return { ApplicationDetail: toApplicationDetail(app) };
}

type FlinkConfiguration = NonNullable<
  NonNullable<CreateApplicationRequest['ApplicationConfiguration']>['FlinkApplicationConfiguration']
>;

function parallelismSettings(config: FlinkConfiguration['ParallelismConfiguration']): ParallelismSettings {
  // With DEFAULT, MSF uses its defaults even when values are also given.
  if (config === undefined || config.ConfigurationType === ConfigurationType.DEFAULT) {
    return { ...Defaults.PARALLELISM };
  }
  return {
    configurationType: ConfigurationType.CUSTOM,
    parallelism: config.Parallelism ?? Defaults.PARALLELISM.parallelism,
    parallelismPerKpu: config.ParallelismPerKPU ?? Defaults.PARALLELISM.parallelismPerKpu,
    autoScalingEnabled: config.AutoScalingEnabled ?? false,
  };
}

function checkpointSettings(config: FlinkConfiguration['CheckpointConfiguration']): CheckpointSettings {
  if (config === undefined || config.ConfigurationType === ConfigurationType.DEFAULT) {
    return Defaults.CHECKPOINT;
  }
  return {
    configurationType: ConfigurationType.CUSTOM,
    checkpointingEnabled: config.CheckpointingEnabled ?? Defaults.CHECKPOINT.checkpointingEnabled,
    checkpointInterval: config.CheckpointInterval ?? Defaults.CHECKPOINT.checkpointInterval,
    minPauseBetweenCheckpoints: config.MinPauseBetweenCheckpoints ?? Defaults.CHECKPOINT.minPauseBetweenCheckpoints,
  };
}

function monitoringSettings(config: FlinkConfiguration['MonitoringConfiguration']): MonitoringSettings {
  if (config === undefined || config.ConfigurationType === ConfigurationType.DEFAULT) {
    return Defaults.MONITORING;
  }
  return {
    configurationType: ConfigurationType.CUSTOM,
    metricsLevel: config.MetricsLevel ?? Defaults.MONITORING.metricsLevel,
    logLevel: config.LogLevel ?? Defaults.MONITORING.logLevel,
  };
}

export { CreateApplicationConstraints, createApplication };
