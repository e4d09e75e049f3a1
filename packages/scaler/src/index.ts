export type { OwnedScalerClients, ScalerClientOptions, ScalerClients } from './adapters/clients';
export { createScalerClients } from './adapters/clients';
export type { ApplicationsPort } from './adapters/msfApplications';
export { createMsfApplications, toSnapshot, toUpdateApplicationInput } from './adapters/msfApplications';
export { scanScheduleTable } from './adapters/scheduleTable';
export { ScalerBundle } from './bundle';
export { exitCodeFor } from './cli/exitCode';
export type { CliIo } from './cli/program';
export { main } from './cli/program';
export { quietPinnedSdkNotice } from './cli/quietSdkNotice';
export { Defaults, EnvVar } from './constants';
export type { Decision, DecisionFigures, ScalePlan } from './core/decide';
export { decide } from './core/decide';
export { kpuFor, parallelismFor } from './core/kpu';
export {
  ATTENTION_OUTCOMES,
  FAILING_OUTCOMES,
  OUTCOME_METRIC,
  OUTCOMES,
  Outcome,
  ROWS_TOTAL_METRIC,
} from './core/outcome';
export type { AppSnapshot } from './core/snapshot';
export type { PeakEvaluation, PeakWindow } from './core/window';
export { describeWindow, evaluatePeak, windowHours } from './core/window';
export {
  ApplicationBusyError,
  ApplicationNotFoundError,
  ConcurrentModificationError,
  ConfigError,
  MsfCallError,
  ScalerError,
  ScheduleTableError,
} from './errors';
export { LogField } from './observability';
export type { AttentionRow, CompactSummary } from './output/compactSummary';
export { compactSummary } from './output/compactSummary';
export { jsonReplacer, toJson } from './output/json';
export { escapeControl, truncateTo } from './output/text';
export type { RequiredTag } from './requiredTag';
export { parseRequiredTag } from './requiredTag';
export { mapWithConcurrency } from './run/mapWithConcurrency';
export type { ReconcileOptions } from './run/reconcile';
export { reconcile } from './run/reconcile';
export type { RunScalerOptions } from './run/runScaler';
export { runScaler } from './run/runScaler';
export type { RowOutcome, RunSummary } from './run/types';
