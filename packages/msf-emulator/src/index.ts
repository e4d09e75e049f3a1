export type { FailUpdateOptions, FaultOptions } from './faults';
export { DEFAULT_UPDATE_ERROR } from './faults';
export type { MsfEmulator, MsfEmulatorOptions } from './server';
export { startMsfEmulator } from './server';
export type {
  ApplicationDetail,
  ApplicationOperationInfo,
  ApplicationOperationInfoDetails,
  ApplicationSummary,
  OperationFailureDetails,
  ParallelismConfigurationDescription,
} from './types';
export { ApplicationStatus, OperationStatus, RecordedOperation } from './types';
