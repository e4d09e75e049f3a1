export type { FaultOptions } from './faults';
export type { MsfEmulator, MsfEmulatorOptions } from './server';
export { startMsfEmulator } from './server';
export type {
  ApplicationDetail,
  ApplicationOperationInfo,
  ApplicationOperationInfoDetails,
  ApplicationSummary,
  ParallelismConfigurationDescription,
} from './types';
export { ApplicationStatus, OperationStatus } from './types';
