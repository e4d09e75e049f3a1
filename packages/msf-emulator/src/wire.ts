import type { OperationFailure, StoredApplication, StoredOperation } from './storedState';
import type {
  ApplicationDetail,
  ApplicationOperationInfo,
  ApplicationOperationInfoDetails,
  ApplicationSummary,
  OperationFailureDetails,
} from './types';

/** AWS JSON 1.1 timestamps are epoch seconds; fractions keep the millisecond precision. */
function epochSeconds(date: Date): number {
  return date.getTime() / 1000;
}

/** `ApplicationDetail` as DescribeApplication returns it; always a fresh object. */
function toApplicationDetail(app: StoredApplication): ApplicationDetail {
  return {
    ApplicationARN: app.arn,
    ...(app.description === undefined ? {} : { ApplicationDescription: app.description }),
    ApplicationName: app.name,
    RuntimeEnvironment: app.runtime,
    ServiceExecutionRole: app.role,
    ApplicationStatus: app.status,
    ApplicationVersionId: app.versionId,
    CreateTimestamp: epochSeconds(app.createTime),
    LastUpdateTimestamp: epochSeconds(app.lastUpdateTime),
    ApplicationConfigurationDescription: {
      FlinkApplicationConfigurationDescription: {
        CheckpointConfigurationDescription: {
          ConfigurationType: app.checkpoint.configurationType,
          CheckpointingEnabled: app.checkpoint.checkpointingEnabled,
          CheckpointInterval: app.checkpoint.checkpointInterval,
          MinPauseBetweenCheckpoints: app.checkpoint.minPauseBetweenCheckpoints,
        },
        MonitoringConfigurationDescription: {
          ConfigurationType: app.monitoring.configurationType,
          MetricsLevel: app.monitoring.metricsLevel,
          LogLevel: app.monitoring.logLevel,
        },
        ParallelismConfigurationDescription: {
          ConfigurationType: app.parallelism.configurationType,
          Parallelism: app.parallelism.parallelism,
          ParallelismPerKPU: app.parallelism.parallelismPerKpu,
          CurrentParallelism: app.currentParallelism,
          AutoScalingEnabled: app.parallelism.autoScalingEnabled,
        },
      },
      ApplicationSnapshotConfigurationDescription: { SnapshotsEnabled: app.snapshotsEnabled },
      ApplicationSystemRollbackConfigurationDescription: { RollbackEnabled: app.rollbackEnabled },
    },
    ...(app.versionUpdatedFrom === undefined ? {} : { ApplicationVersionUpdatedFrom: app.versionUpdatedFrom }),
    ...(app.versionRolledBackFrom === undefined ? {} : { ApplicationVersionRolledBackFrom: app.versionRolledBackFrom }),
    ...(app.versionRolledBackTo === undefined ? {} : { ApplicationVersionRolledBackTo: app.versionRolledBackTo }),
    ConditionalToken: app.conditionalToken,
    ApplicationMode: app.mode,
  };
}

/** `ApplicationSummary` as ListApplications returns it (no parallelism, as on AWS). */
function toApplicationSummary(app: StoredApplication): ApplicationSummary {
  return {
    ApplicationName: app.name,
    ApplicationARN: app.arn,
    ApplicationStatus: app.status,
    ApplicationVersionId: app.versionId,
    RuntimeEnvironment: app.runtime,
    ApplicationMode: app.mode,
  };
}

/** `ApplicationOperationInfo` (ListApplicationOperations). EndTime only once the operation ended. */
function toOperationInfo(operation: StoredOperation): ApplicationOperationInfo {
  return {
    Operation: operation.operation,
    OperationId: operation.id,
    StartTime: epochSeconds(operation.startTime),
    ...(operation.endTime === undefined ? {} : { EndTime: epochSeconds(operation.endTime) }),
    OperationStatus: operation.status,
  };
}

/** `OperationFailureDetails`: RollbackOperationId only when a system rollback ran. */
function toFailureDetails(failure: OperationFailure): OperationFailureDetails {
  return {
    ...(failure.rollbackOperationId === undefined ? {} : { RollbackOperationId: failure.rollbackOperationId }),
    ErrorInfo: { ErrorString: failure.errorString },
  };
}

/** `ApplicationOperationInfoDetails` (DescribeApplicationOperation); OperationFailureDetails only for a FAILED one. */
function toOperationDetails(operation: StoredOperation): ApplicationOperationInfoDetails {
  return {
    Operation: operation.operation,
    StartTime: epochSeconds(operation.startTime),
    ...(operation.endTime === undefined ? {} : { EndTime: epochSeconds(operation.endTime) }),
    OperationStatus: operation.status,
    ...(operation.versionChange === undefined
      ? {}
      : {
          ApplicationVersionChangeDetails: {
            ApplicationVersionUpdatedFrom: operation.versionChange.from,
            ApplicationVersionUpdatedTo: operation.versionChange.to,
          },
        }),
    ...(operation.failure === undefined ? {} : { OperationFailureDetails: toFailureDetails(operation.failure) }),
  };
}

export { epochSeconds, toApplicationDetail, toApplicationSummary, toOperationDetails, toOperationInfo };
