/**
 * Constraints of the API model's shared shapes (kinesisanalyticsv2-2018-05-23.service-2.json),
 * composed by the per-operation constraint tables. Names follow the model's shape names.
 */
import { ApplicationMode, ConfigurationType, OperationStatus, RUNTIME_ENVIRONMENTS } from './types';
import type { Constraint } from './validation';

const ApplicationNameShape = {
  type: 'string',
  min: 1,
  max: 128,
  pattern: '[a-zA-Z0-9_.-]+',
} as const satisfies Constraint;

const ApplicationDescriptionShape = { type: 'string', min: 0, max: 1024 } as const satisfies Constraint;

const RuntimeEnvironmentShape = { type: 'string', enum: RUNTIME_ENVIRONMENTS } as const satisfies Constraint;

const ResourceArnShape = { type: 'string', min: 1, max: 2048, pattern: 'arn:.*' } as const satisfies Constraint;

const ApplicationModeShape = {
  type: 'string',
  enum: Object.values(ApplicationMode),
} as const satisfies Constraint;

const ConfigurationTypeShape = {
  type: 'string',
  enum: Object.values(ConfigurationType),
} as const satisfies Constraint;

const BooleanObjectShape = { type: 'boolean' } as const satisfies Constraint;

const TimestampShape = { type: 'timestamp' } as const satisfies Constraint;

const ParallelismShape = { type: 'integer', min: 1 } as const satisfies Constraint;

const ApplicationVersionIdShape = { type: 'long', min: 1, max: 999999999 } as const satisfies Constraint;

const ConditionalTokenShape = {
  type: 'string',
  min: 1,
  max: 512,
  pattern: '[a-zA-Z0-9-_+/=]+',
} as const satisfies Constraint;

const IdShape = { type: 'string', min: 1, max: 50, pattern: '[a-zA-Z0-9_.-]+' } as const satisfies Constraint;

const OperationIdShape = { type: 'string', min: 1, max: 64 } as const satisfies Constraint;

const OperationShape = { type: 'string', min: 1, max: 64 } as const satisfies Constraint;

const OperationStatusShape = {
  type: 'string',
  enum: Object.values(OperationStatus),
} as const satisfies Constraint;

const NextTokenShape = { type: 'string', min: 1, max: 512 } as const satisfies Constraint;

const MetricsLevelShape = {
  type: 'string',
  enum: ['APPLICATION', 'TASK', 'OPERATOR', 'PARALLELISM'],
} as const satisfies Constraint;

const LogLevelShape = { type: 'string', enum: ['INFO', 'WARN', 'ERROR', 'DEBUG'] } as const satisfies Constraint;

const S3ContentLocationShape = {
  type: 'structure',
  members: {
    BucketARN: { ...ResourceArnShape, required: true },
    FileKey: { type: 'string', min: 1, max: 1024, required: true },
    ObjectVersion: { type: 'string', min: 0, max: 1024 },
  },
} as const satisfies Constraint;

const ApplicationCodeConfigurationShape = {
  type: 'structure',
  members: {
    CodeContent: {
      type: 'structure',
      members: {
        TextContent: { type: 'string', min: 0, max: 102400 },
        ZipFileContent: { type: 'blob', min: 0, max: 52428800 },
        S3ContentLocation: S3ContentLocationShape,
      },
    },
    CodeContentType: { type: 'string', enum: ['PLAINTEXT', 'ZIPFILE'], required: true },
  },
} as const satisfies Constraint;

const PropertyGroupsShape = {
  type: 'list',
  max: 50,
  member: {
    type: 'structure',
    members: {
      PropertyGroupId: { ...IdShape, required: true },
      PropertyMap: { type: 'map', min: 1, max: 50, required: true, value: { type: 'string', min: 1, max: 2048 } },
    },
  },
} as const satisfies Constraint;

const EnvironmentPropertiesShape = {
  type: 'structure',
  members: { PropertyGroups: { ...PropertyGroupsShape, required: true } },
} as const satisfies Constraint;

const CheckpointConfigurationShape = {
  type: 'structure',
  members: {
    ConfigurationType: { ...ConfigurationTypeShape, required: true },
    CheckpointingEnabled: BooleanObjectShape,
    CheckpointInterval: { type: 'long', min: 1 },
    MinPauseBetweenCheckpoints: { type: 'long', min: 0 },
  },
} as const satisfies Constraint;

const MonitoringConfigurationShape = {
  type: 'structure',
  members: {
    ConfigurationType: { ...ConfigurationTypeShape, required: true },
    MetricsLevel: MetricsLevelShape,
    LogLevel: LogLevelShape,
  },
} as const satisfies Constraint;

const ParallelismConfigurationShape = {
  type: 'structure',
  members: {
    ConfigurationType: { ...ConfigurationTypeShape, required: true },
    Parallelism: ParallelismShape,
    ParallelismPerKPU: ParallelismShape,
    AutoScalingEnabled: BooleanObjectShape,
  },
} as const satisfies Constraint;

const VpcConfigurationsShape = {
  type: 'list',
  member: {
    type: 'structure',
    members: {
      SubnetIds: { type: 'list', min: 1, max: 16, required: true, member: { type: 'string' } },
      SecurityGroupIds: { type: 'list', min: 1, max: 5, required: true, member: { type: 'string' } },
    },
  },
} as const satisfies Constraint;

const ApplicationEncryptionConfigurationShape = {
  type: 'structure',
  members: {
    KeyId: { type: 'string', min: 1, max: 2048 },
    KeyType: { type: 'string', enum: ['AWS_OWNED_KEY', 'CUSTOMER_MANAGED_KEY'], required: true },
  },
} as const satisfies Constraint;

const CloudWatchLoggingOptionsShape = {
  type: 'list',
  member: {
    type: 'structure',
    members: { LogStreamARN: { ...ResourceArnShape, required: true } },
  },
} as const satisfies Constraint;

const TagsShape = {
  type: 'list',
  min: 1,
  max: 200,
  member: {
    type: 'structure',
    members: {
      Key: { type: 'string', min: 1, max: 128, required: true },
      Value: { type: 'string', min: 0, max: 256 },
    },
  },
} as const satisfies Constraint;

const ApplicationRestoreConfigurationShape = {
  type: 'structure',
  members: {
    ApplicationRestoreType: {
      type: 'string',
      enum: ['SKIP_RESTORE_FROM_SNAPSHOT', 'RESTORE_FROM_LATEST_SNAPSHOT', 'RESTORE_FROM_CUSTOM_SNAPSHOT'],
      required: true,
    },
    SnapshotName: { type: 'string', min: 1, max: 256, pattern: '[a-zA-Z0-9_.-]+' },
  },
} as const satisfies Constraint;

const FlinkRunConfigurationShape = {
  type: 'structure',
  members: { AllowNonRestoredState: BooleanObjectShape },
} as const satisfies Constraint;

/**
 * A structure the emulator does not model member by member (SQL and Zeppelin configurations):
 * it is only checked to be a JSON object, and its presence is rejected by the operation.
 */
const OpaqueStructureShape = { type: 'structure', members: {} } as const satisfies Constraint;

/** Convenience for tables: marks a shape as required. */
function required<C extends Constraint>(shape: C): C & { readonly required: true } {
  return { ...shape, required: true };
}

export {
  ApplicationCodeConfigurationShape,
  ApplicationDescriptionShape,
  ApplicationEncryptionConfigurationShape,
  ApplicationModeShape,
  ApplicationNameShape,
  ApplicationRestoreConfigurationShape,
  ApplicationVersionIdShape,
  BooleanObjectShape,
  CheckpointConfigurationShape,
  CloudWatchLoggingOptionsShape,
  ConditionalTokenShape,
  ConfigurationTypeShape,
  EnvironmentPropertiesShape,
  FlinkRunConfigurationShape,
  IdShape,
  LogLevelShape,
  MetricsLevelShape,
  MonitoringConfigurationShape,
  NextTokenShape,
  OpaqueStructureShape,
  OperationIdShape,
  OperationShape,
  OperationStatusShape,
  ParallelismConfigurationShape,
  ParallelismShape,
  ResourceArnShape,
  RuntimeEnvironmentShape,
  required,
  S3ContentLocationShape,
  TagsShape,
  TimestampShape,
  VpcConfigurationsShape,
};
