import type {
  ApplicationMode,
  ApplicationStatus,
  ConfigurationType,
  OperationStatus,
  RecordedOperation,
  RuntimeEnvironment,
} from './types';

/**
 * The state the emulator's store holds per application and operation: plain data, read by the
 * store that changes it and by the wire mapping that shows it (so neither imports the other's code).
 */

/** Parallelism settings as configured (not what the job currently runs with). */
interface ParallelismSettings {
  configurationType: ConfigurationType;
  parallelism: number;
  parallelismPerKpu: number;
  autoScalingEnabled: boolean;
}

/** Checkpoint settings (`CheckpointConfigurationDescription`). */
interface CheckpointSettings {
  readonly configurationType: ConfigurationType;
  readonly checkpointingEnabled: boolean;
  readonly checkpointInterval: number;
  readonly minPauseBetweenCheckpoints: number;
}

/** Monitoring settings (`MonitoringConfigurationDescription`). */
interface MonitoringSettings {
  readonly configurationType: ConfigurationType;
  readonly metricsLevel: string;
  readonly logLevel: string;
}

/** Why an operation ended FAILED (`OperationFailureDetails`). */
interface OperationFailure {
  readonly errorString: string;
  /** The system rollback run because of the failure, if one ran. */
  readonly rollbackOperationId?: string;
}

/** A failure injected into the application's next UpdateApplication (see `failNextUpdate`). */
interface UpdateFailure {
  /** `ErrorInfo.ErrorString` of the failed operation. */
  readonly errorString: string;
  /** Every update fails until cleared, not only the next one. */
  readonly always: boolean;
}

/** One recorded UpdateApplication / StartApplication / StopApplication / RollbackApplication operation. */
interface StoredOperation {
  readonly id: string;
  readonly operation: RecordedOperation;
  /** Creation order across the store; breaks ties between equal start times. */
  readonly seq: number;
  readonly startTime: Date;
  status: OperationStatus;
  endTime?: Date;
  readonly versionChange?: { readonly from: number; readonly to: number };
  /** Set when the operation ended FAILED. */
  failure?: OperationFailure;
}

/** A transition in flight: completes after `transitionMs`, or is cancelled by the next one. */
interface PendingTransition {
  readonly operation?: StoredOperation;
  readonly complete: (app: StoredApplication) => void;
  timer?: NodeJS.Timeout;
}

/** The state the emulator keeps per application; rendered to the wire by `wire.ts`. */
interface StoredApplication {
  readonly name: string;
  readonly arn: string;
  readonly description?: string;
  readonly runtime: RuntimeEnvironment;
  readonly mode: ApplicationMode;
  readonly createTime: Date;
  role: string;
  status: ApplicationStatus;
  versionId: number;
  versionUpdatedFrom?: number;
  /** Set by a system rollback: the failed version it rolled back from, and the version it restored. */
  versionRolledBackFrom?: number;
  versionRolledBackTo?: number;
  lastUpdateTime: Date;
  conditionalToken: string;
  parallelism: ParallelismSettings;
  /** What the job runs with; follows `parallelism.parallelism` when a transition completes. */
  currentParallelism: number;
  readonly checkpoint: CheckpointSettings;
  readonly monitoring: MonitoringSettings;
  readonly snapshotsEnabled: boolean;
  /** `ApplicationSystemRollbackConfiguration.RollbackEnabled`: a failed update is rolled back. */
  rollbackEnabled: boolean;
  /** The failure injected into the next UpdateApplication, if any. */
  updateFailure?: UpdateFailure;
  /** Oldest first. */
  readonly operations: StoredOperation[];
  pending?: PendingTransition;
}

export type {
  CheckpointSettings,
  MonitoringSettings,
  OperationFailure,
  ParallelismSettings,
  PendingTransition,
  StoredApplication,
  StoredOperation,
  UpdateFailure,
};
