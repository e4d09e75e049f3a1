/**
 * Constraints of the API model's shared shapes (kinesisanalyticsv2-2018-05-23.service-2.json),
 * composed by the per-operation constraint tables. Names follow the model's shape names.
 */
import { ApplicationMode, ConfigurationType, OperationStatus, RUNTIME_ENVIRONMENTS } from './types';
import type { Constraint } from './validation';

export const ApplicationNameShape = {
  type: 'string',
  min: 1,
  max: 128,
  pattern: '[a-zA-Z0-9_.-]+',
} as const satisfies Constraint;

export const ApplicationDescriptionShape = { type: 'string', min: 0, max: 1024 } as const satisfies Constraint;

export const RuntimeEnvironmentShape = { type: 'string', enum: RUNTIME_ENVIRONMENTS } as const satisfies Constraint;

export const ResourceArnShape = { type: 'string', min: 1, max: 2048, pattern: 'arn:.*' } as const satisfies Constraint;

export const ApplicationModeShape = {
  type: 'string',
  enum: Object.values(ApplicationMode),
} as const satisfies Constraint;

export const ConfigurationTypeShape = {
  type: 'string',
  enum: Object.values(ConfigurationType),
} as const satisfies Constraint;

export const BooleanObjectShape = { type: 'boolean' } as const satisfies Constraint;

export const TimestampShape = { type: 'timestamp' } as const satisfies Constraint;

export const ParallelismShape = { type: 'integer', min: 1 } as const satisfies Constraint;

export const ApplicationVersionIdShape = { type: 'long', min: 1, max: 999999999 } as const satisfies Constraint;

export const ConditionalTokenShape = {
  type: 'string',
  min: 1,
  max: 512,
  pattern: '[a-zA-Z0-9-_+/=]+',
} as const satisfies Constraint;

export const IdShape = { type: 'string', min: 1, max: 50, pattern: '[a-zA-Z0-9_.-]+' } as const satisfies Constraint;

export const OperationIdShape = { type: 'string', min: 1, max: 64 } as const satisfies Constraint;

export const OperationShape = { type: 'string', min: 1, max: 64 } as const satisfies Constraint;

export const OperationStatusShape = {
  type: 'string',
  enum: Object.values(OperationStatus),
} as const satisfies Constraint;

export const NextTokenShape = { type: 'string', min: 1, max: 512 } as const satisfies Constraint;

export const MetricsLevelShape = {
  type: 'string',
  enum: ['APPLICATION', 'TASK', 'OPERATOR', 'PARALLELISM'],
} as const satisfies Constraint;

export const LogLevelShape = { type: 'string', enum: ['INFO', 'WARN', 'ERROR', 'DEBUG'] } as const satisfies Constraint;

export const S3ContentLocationShape = {
  type: 'structure',
  members: {
    BucketARN: { ...ResourceArnShape, required: true },
    FileKey: { type: 'string', min: 1, max: 1024, required: true },
    ObjectVersion: { type: 'string', min: 0, max: 1024 },
  },
} as const satisfies Constraint;

export const ApplicationCodeConfigurationShape = {
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

export const EnvironmentPropertiesShape = {
  type: 'structure',
  members: { PropertyGroups: { ...PropertyGroupsShape, required: true } },
} as const satisfies Constraint;

export const CheckpointConfigurationShape = {
  type: 'structure',
  members: {
    ConfigurationType: { ...ConfigurationTypeShape, required: true },
    CheckpointingEnabled: BooleanObjectShape,
    CheckpointInterval: { type: 'long', min: 1 },
    MinPauseBetweenCheckpoints: { type: 'long', min: 0 },
  },
} as const satisfies Constraint;

export const MonitoringConfigurationShape = {
  type: 'structure',
  members: {
    ConfigurationType: { ...ConfigurationTypeShape, required: true },
    MetricsLevel: MetricsLevelShape,
    LogLevel: LogLevelShape,
  },
} as const satisfies Constraint;

export const ParallelismConfigurationShape = {
  type: 'structure',
  members: {
    ConfigurationType: { ...ConfigurationTypeShape, required: true },
    Parallelism: ParallelismShape,
    ParallelismPerKPU: ParallelismShape,
    AutoScalingEnabled: BooleanObjectShape,
  },
} as const satisfies Constraint;

export const VpcConfigurationsShape = {
  type: 'list',
  member: {
    type: 'structure',
    members: {
      SubnetIds: { type: 'list', min: 1, max: 16, required: true, member: { type: 'string' } },
      SecurityGroupIds: { type: 'list', min: 1, max: 5, required: true, member: { type: 'string' } },
    },
  },
} as const satisfies Constraint;

export const ApplicationEncryptionConfigurationShape = {
  type: 'structure',
  members: {
    KeyId: { type: 'string', min: 1, max: 2048 },
    KeyType: { type: 'string', enum: ['AWS_OWNED_KEY', 'CUSTOMER_MANAGED_KEY'], required: true },
  },
} as const satisfies Constraint;

export const CloudWatchLoggingOptionsShape = {
  type: 'list',
  member: {
    type: 'structure',
    members: { LogStreamARN: { ...ResourceArnShape, required: true } },
  },
} as const satisfies Constraint;

export const TagsShape = {
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

export const ApplicationRestoreConfigurationShape = {
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

export const FlinkRunConfigurationShape = {
  type: 'structure',
  members: { AllowNonRestoredState: BooleanObjectShape },
} as const satisfies Constraint;

/**
 * A structure the emulator does not model member by member (SQL and Zeppelin configurations):
 * it is only checked to be a JSON object, and its presence is rejected by the operation.
 */
export const OpaqueStructureShape = { type: 'structure', members: {} } as const satisfies Constraint;

/** Convenience for tables: marks a shape as required. */
export function required<C extends Constraint>(shape: C): C & { readonly required: true } {
  return { ...shape, required: true };
}
