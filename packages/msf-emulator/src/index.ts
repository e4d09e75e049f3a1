export {
  type FaultOptions,
  type MsfEmulator,
  type MsfEmulatorOptions,
  startMsfEmulator,
} from './server';
export {
  type ApplicationDetail,
  type ApplicationOperationInfo,
  type ApplicationOperationInfoDetails,
  ApplicationStatus,
  type ApplicationSummary,
  OperationStatus,
  type ParallelismConfigurationDescription,
} from './types';
