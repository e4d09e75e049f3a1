/**
 * Wire types of the MSF control plane (KinesisAnalytics_20180523), taken from the official API
 * model. Only the members the emulator produces are declared. Timestamps are epoch seconds
 * (JSON numbers, possibly fractional), as on the wire.
 */

/**
 * Every `ApplicationStatus` value of the API model.
 *
 * @example
 * emulator.forceStatus('orders', ApplicationStatus.AUTOSCALING);
 */
const ApplicationStatus = {
  DELETING: 'DELETING',
  STARTING: 'STARTING',
  STOPPING: 'STOPPING',
  READY: 'READY',
  RUNNING: 'RUNNING',
  UPDATING: 'UPDATING',
  AUTOSCALING: 'AUTOSCALING',
  FORCE_STOPPING: 'FORCE_STOPPING',
  ROLLING_BACK: 'ROLLING_BACK',
  MAINTENANCE: 'MAINTENANCE',
  ROLLED_BACK: 'ROLLED_BACK',
} as const;
type ApplicationStatus = (typeof ApplicationStatus)[keyof typeof ApplicationStatus];

/** Every `OperationStatus` value of the API model. */
const OperationStatus = {
  IN_PROGRESS: 'IN_PROGRESS',
  CANCELLED: 'CANCELLED',
  SUCCESSFUL: 'SUCCESSFUL',
  FAILED: 'FAILED',
} as const;
type OperationStatus = (typeof OperationStatus)[keyof typeof OperationStatus];

/** Every `ConfigurationType` value of the API model. */
const ConfigurationType = {
  DEFAULT: 'DEFAULT',
  CUSTOM: 'CUSTOM',
} as const;
type ConfigurationType = (typeof ConfigurationType)[keyof typeof ConfigurationType];

/** Every `ApplicationMode` value of the API model. */
const ApplicationMode = {
  STREAMING: 'STREAMING',
  INTERACTIVE: 'INTERACTIVE',
} as const;
type ApplicationMode = (typeof ApplicationMode)[keyof typeof ApplicationMode];

/** Every `RuntimeEnvironment` value of the API model (the emulator only runs the `FLINK-*` ones). */
const RUNTIME_ENVIRONMENTS = [
  'SQL-1_0',
  'FLINK-1_6',
  'FLINK-1_8',
  'ZEPPELIN-FLINK-1_0',
  'FLINK-1_11',
  'FLINK-1_13',
  'ZEPPELIN-FLINK-2_0',
  'FLINK-1_15',
  'ZEPPELIN-FLINK-3_0',
  'FLINK-1_18',
  'FLINK-1_19',
  'FLINK-1_20',
  'FLINK-2_2',
] as const;
type RuntimeEnvironment = (typeof RUNTIME_ENVIRONMENTS)[number];

/**
 * The operations the emulator records (ListApplicationOperations / DescribeApplicationOperation).
 * `RollbackApplication` is the system rollback MSF runs when an update fails with
 * `ApplicationSystemRollbackConfiguration.RollbackEnabled` on (it has the name of the API
 * operation, as MSF reports it).
 */
const RecordedOperation = {
  UpdateApplication: 'UpdateApplication',
  StartApplication: 'StartApplication',
  StopApplication: 'StopApplication',
  RollbackApplication: 'RollbackApplication',
} as const;
type RecordedOperation = (typeof RecordedOperation)[keyof typeof RecordedOperation];

/** `ParallelismConfigurationDescription` of the model. */
interface ParallelismConfigurationDescription {
  readonly ConfigurationType: ConfigurationType;
  readonly Parallelism: number;
  readonly ParallelismPerKPU: number;
  readonly CurrentParallelism: number;
  readonly AutoScalingEnabled: boolean;
}

/** `CheckpointConfigurationDescription` of the model. */
interface CheckpointConfigurationDescription {
  readonly ConfigurationType: ConfigurationType;
  readonly CheckpointingEnabled: boolean;
  readonly CheckpointInterval: number;
  readonly MinPauseBetweenCheckpoints: number;
}

/** `MonitoringConfigurationDescription` of the model. */
interface MonitoringConfigurationDescription {
  readonly ConfigurationType: ConfigurationType;
  readonly MetricsLevel: string;
  readonly LogLevel: string;
}

/** `FlinkApplicationConfigurationDescription` of the model. */
interface FlinkApplicationConfigurationDescription {
  readonly CheckpointConfigurationDescription: CheckpointConfigurationDescription;
  readonly MonitoringConfigurationDescription: MonitoringConfigurationDescription;
  readonly ParallelismConfigurationDescription: ParallelismConfigurationDescription;
  readonly JobPlanDescription?: string;
}

/** `ApplicationConfigurationDescription` of the model (the members the emulator keeps). */
interface ApplicationConfigurationDescription {
  readonly FlinkApplicationConfigurationDescription: FlinkApplicationConfigurationDescription;
  readonly ApplicationSnapshotConfigurationDescription: { readonly SnapshotsEnabled: boolean };
  readonly ApplicationSystemRollbackConfigurationDescription: { readonly RollbackEnabled: boolean };
}

/** `ApplicationDetail` of the model, as the emulator returns it. */
interface ApplicationDetail {
  readonly ApplicationARN: string;
  readonly ApplicationDescription?: string;
  readonly ApplicationName: string;
  readonly RuntimeEnvironment: RuntimeEnvironment;
  readonly ServiceExecutionRole: string;
  readonly ApplicationStatus: ApplicationStatus;
  readonly ApplicationVersionId: number;
  readonly CreateTimestamp: number;
  readonly LastUpdateTimestamp: number;
  readonly ApplicationConfigurationDescription: ApplicationConfigurationDescription;
  readonly ApplicationVersionUpdatedFrom?: number;
  readonly ApplicationVersionRolledBackFrom?: number;
  readonly ApplicationVersionRolledBackTo?: number;
  readonly ConditionalToken: string;
  readonly ApplicationMode: ApplicationMode;
}

/** `ApplicationSummary` of the model. */
interface ApplicationSummary {
  readonly ApplicationName: string;
  readonly ApplicationARN: string;
  readonly ApplicationStatus: ApplicationStatus;
  readonly ApplicationVersionId: number;
  readonly RuntimeEnvironment: RuntimeEnvironment;
  readonly ApplicationMode: ApplicationMode;
}

/** `ApplicationVersionSummary` of the model (ListApplicationVersions). */
interface ApplicationVersionSummary {
  readonly ApplicationVersionId: number;
  readonly ApplicationStatus: ApplicationStatus;
}

/** `ApplicationOperationInfo` of the model. */
interface ApplicationOperationInfo {
  readonly Operation: RecordedOperation;
  readonly OperationId: string;
  readonly StartTime: number;
  readonly EndTime?: number;
  readonly OperationStatus: OperationStatus;
}

/** `ApplicationOperationInfoDetails` of the model. */
interface ApplicationOperationInfoDetails {
  readonly Operation: RecordedOperation;
  readonly StartTime: number;
  readonly EndTime?: number;
  readonly OperationStatus: OperationStatus;
  readonly ApplicationVersionChangeDetails?: {
    readonly ApplicationVersionUpdatedFrom: number;
    readonly ApplicationVersionUpdatedTo: number;
  };
  readonly OperationFailureDetails?: OperationFailureDetails;
}

/** `OperationFailureDetails` of the model: why an operation ended FAILED. */
interface OperationFailureDetails {
  /** The system rollback MSF ran because of this failure; absent when none ran. */
  readonly RollbackOperationId?: string;
  readonly ErrorInfo: { readonly ErrorString: string };
}

/** A parsed JSON object (request or response body). */
type JsonObject = { [member: string]: unknown };

/** Every operation of the API model; the emulator implements a subset (see `operations/registry.ts`). */
const MODEL_OPERATIONS = [
  'AddApplicationCloudWatchLoggingOption',
  'AddApplicationInput',
  'AddApplicationInputProcessingConfiguration',
  'AddApplicationOutput',
  'AddApplicationReferenceDataSource',
  'AddApplicationVpcConfiguration',
  'CreateApplication',
  'CreateApplicationPresignedUrl',
  'CreateApplicationSnapshot',
  'DeleteApplication',
  'DeleteApplicationCloudWatchLoggingOption',
  'DeleteApplicationInputProcessingConfiguration',
  'DeleteApplicationOutput',
  'DeleteApplicationReferenceDataSource',
  'DeleteApplicationSnapshot',
  'DeleteApplicationVpcConfiguration',
  'DescribeApplication',
  'DescribeApplicationOperation',
  'DescribeApplicationSnapshot',
  'DescribeApplicationVersion',
  'DiscoverInputSchema',
  'ListApplicationOperations',
  'ListApplicationSnapshots',
  'ListApplicationVersions',
  'ListApplications',
  'ListTagsForResource',
  'RollbackApplication',
  'StartApplication',
  'StopApplication',
  'TagResource',
  'UntagResource',
  'UpdateApplication',
  'UpdateApplicationMaintenanceConfiguration',
] as const;
type ModelOperation = (typeof MODEL_OPERATIONS)[number];

export type {
  ApplicationConfigurationDescription,
  ApplicationDetail,
  ApplicationOperationInfo,
  ApplicationOperationInfoDetails,
  ApplicationSummary,
  ApplicationVersionSummary,
  CheckpointConfigurationDescription,
  FlinkApplicationConfigurationDescription,
  JsonObject,
  ModelOperation,
  MonitoringConfigurationDescription,
  OperationFailureDetails,
  ParallelismConfigurationDescription,
  RuntimeEnvironment,
};
export {
  ApplicationMode,
  ApplicationStatus,
  ConfigurationType,
  MODEL_OPERATIONS,
  OperationStatus,
  RecordedOperation,
  RUNTIME_ENVIRONMENTS,
};
