export type { OwnedScalerClients, ScalerClientOptions, ScalerClients } from './adapters/clients';
export { createScalerClients } from './adapters/clients';
export type { EventBusOptions } from './adapters/eventBus';
export { createEventBus, DEFAULT_EVENT_BUS, EVENTBRIDGE_ACTIONS, PUT_EVENTS_BATCH } from './adapters/eventBus';
export type { HistoryQuery, HistoryRead, HistoryTableOptions } from './adapters/historyTable';
export {
  createHistoryTable,
  HISTORY_TABLE_ACTIONS,
  HistoryAttribute,
  RUN_PARTITION,
  readHistory,
} from './adapters/historyTable';
export type { ApplicationsPort, OperationsQuery } from './adapters/msfApplications';
export {
  createMsfApplications,
  MSF_OPERATIONS,
  toSnapshot,
  toUpdateApplicationInput,
} from './adapters/msfApplications';
export { readNumber } from './adapters/readNumber';
export { readScheduleItems, scanScheduleTable } from './adapters/scheduleTable';
export type {
  CalendarWrite,
  EnabledWrite,
  OverridesWrite,
  RowDelete,
  RowReplace,
  WriteResult,
} from './adapters/scheduleWrites';
export {
  createRow,
  deleteRow,
  listCalendarItems,
  putCalendar,
  replaceRow,
  toWireItem,
  WriteRefusal,
  writeEnabled,
  writeOverrides,
} from './adapters/scheduleWrites';
export { ScalerBundle } from './bundle';
export type { Env } from './config';
export {
  optionalRequiredTag,
  parseInstant,
  readString,
  resolveConcurrency,
  resolveEvents,
  resolveHistoryTable,
  resolveMaxKpuPerApplication,
  resolveMaxTotalKpu,
} from './config';
export { Defaults, EnvVar } from './constants';
export type { Decision, DecisionFigures, ScalePlan } from './core/decide';
export { decide } from './core/decide';
export { describeSchedule, highestKpuOf } from './core/describeSchedule';
export type { ScheduleEvaluation } from './core/evaluateSchedule';
export { evaluateSchedule } from './core/evaluateSchedule';
export { kpuFor, parallelismFor } from './core/kpu';
export type { NextChangesOptions, ScheduleChange } from './core/nextChanges';
export { NEXT_CHANGES_HORIZON_DAYS, nextChanges } from './core/nextChanges';
export type { BackoffVerdict, OperationRecord, ScalingAttempt } from './core/operationHistory';
export {
  BackoffPolicy,
  backoffDelayMs,
  backoffVerdict,
  describeFailedAttempt,
  describeScaling,
} from './core/operationHistory';
export {
  ATTENTION_OUTCOMES,
  FAILING_OUTCOMES,
  OUTCOME_METRIC,
  OUTCOMES,
  Outcome,
  ROWS_TOTAL_METRIC,
} from './core/outcome';
export type { Calendars, ScheduleRow } from './core/preparedSchedule';
export type { DecidingRule } from './core/scheduleRule';
export { describeRule, RuleKind } from './core/scheduleRule';
export type { SimulatedRow } from './core/simulateSchedule';
export { Pricing, simulateSchedule } from './core/simulateSchedule';
export type { AppSnapshot } from './core/snapshot';
export type { LocalClock, PeakEvaluation, PeakWindow, WindowStart } from './core/window';
export {
  describeHours,
  describeWindow,
  evaluatePeak,
  localClockAt,
  windowHours,
  windowStartAt,
} from './core/window';
export {
  ApplicationBusyError,
  ApplicationNotFoundError,
  ConcurrentModificationError,
  ConfigError,
  MsfCallError,
  ScalerError,
  ScheduleTableError,
} from './errors';
export { preferSmallHeap } from './memoryMode';
export { EVENT_PUBLISH_FAILURES_METRIC, HISTORY_WRITE_FAILURES_METRIC, LogField } from './observability';
export type { DrainableStream } from './output/chunkedWriter';
export { chunked, writeChunks } from './output/chunkedWriter';
export type { AttentionRow, CompactSummary } from './output/compactSummary';
export { compactSummary } from './output/compactSummary';
export type { HistoryRenderOptions } from './output/historyLines';
export { renderHistoryLines } from './output/historyLines';
export { jsonChunks, jsonReplacer, toJson } from './output/json';
export type { FitTableOptions, TableRow } from './output/table';
export { fitTable, OUTCOME_STYLE } from './output/table';
export { escapeControl, truncateTo } from './output/text';
export type { TimelineApp, TimelineCell, TimelineData, TimelineOptions } from './output/timeline';
export { cellsFromTargets, dayLabel, renderTimeline } from './output/timeline';
export { quietPinnedSdkNotice } from './quietSdkNotice';
export type { RequiredTag } from './requiredTag';
export { parseRequiredTag } from './requiredTag';
export type { EventPublishResult, EventsPort, ScalerEvent } from './run/events';
export {
  describeEventsFailure,
  EVENT_SOURCE,
  EventDetailType,
  EventLimits,
  eventDetailTypeOf,
  scalerEvents,
} from './run/events';
export type { HistoryEntry, HistoryPort, HistoryWriteResult, RecordedRow, RowEntry, RunEntry } from './run/history';
export { describeHistoryFailure, HistoryLimits, historyEntries, isRecorded, newRunId } from './run/history';
export { mapWithConcurrency } from './run/mapWithConcurrency';
export { recentScalings } from './run/operationHistory';
export type { CalendarsRead } from './run/readCalendars';
export { readCalendars } from './run/readCalendars';
export type { ReconcileOptions } from './run/reconcile';
export { reconcile } from './run/reconcile';
export type { RunScalerOptions } from './run/runScaler';
export { runScaler } from './run/runScaler';
export type { RowOutcome, RunSummary } from './run/types';
