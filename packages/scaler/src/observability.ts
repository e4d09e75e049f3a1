import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Defaults, EnvVar } from './constants';
import { FAILING_OUTCOMES, OUTCOME_METRIC, OUTCOMES, ROWS_TOTAL_METRIC } from './core/outcome';
import { describeEventsFailure, type EventPublishResult } from './run/events';
import { describeHistoryFailure, type HistoryWriteResult } from './run/history';
import type { RowOutcome, RunSummary } from './run/types';

/**
 * The scaler's one Logger and one Metrics. Service name and namespace come from the
 * Powertools variables the stack sets, with our defaults for local runs.
 */
function createObservability(env: Readonly<Record<string, string | undefined>>) {
  const serviceName = env[EnvVar.SERVICE_NAME] ?? Defaults.SERVICE_NAME;
  return {
    logger: new Logger({ serviceName }),
    metrics: new Metrics({
      serviceName,
      namespace: env[EnvVar.METRICS_NAMESPACE] ?? Defaults.METRICS_NAMESPACE,
    }),
  };
}

/**
 * The fields of a row's log line that queries rely on (the dashboard's Logs Insights query
 * among them): the same names as in {@link RowOutcome} and `--json`, so one row is found
 * under one name everywhere.
 */
const LogField = {
  /** The row's appName, or `row #N` when it has none. */
  ROW_ID: 'rowId',
  OUTCOME: 'outcome',
  REASON: 'reason',
  /**
   * The schedule rule that decided the target (`override until ...`, `holiday ...`,
   * `window ...`, `outside every window`); absent when no decision was made (an invalid or
   * disabled row, a failed describe).
   */
  RULE: 'rule',
} as const satisfies Record<string, keyof RowOutcome>;

/** Warnings kept in a row's log line; the rest are counted (`warningsNotLogged`). */
const MAX_LOGGED_WARNINGS = 10;

/**
 * A row's outcome as its log line carries it: the issues without the raw values (their
 * messages quote them, cut to a readable length) and at most 10 warnings, so a 400 KB item
 * still gives a line of a few KB (CloudWatch cuts events at 256 KB).
 */
function toLogAttributes(outcome: RowOutcome): Record<string, unknown> {
  const { issues, warnings, ...rest } = outcome;
  return {
    ...rest,
    ...(issues === undefined
      ? {}
      : { issues: issues.map(({ attribute, rule, message }) => ({ attribute, rule, message })) }),
    warnings: warnings.slice(0, MAX_LOGGED_WARNINGS),
    ...(warnings.length > MAX_LOGGED_WARNINGS ? { warningsNotLogged: warnings.length - MAX_LOGGED_WARNINGS } : {}),
  };
}

/** One structured log line per row: the outcome, its reason and the figures, under the outcome's own field names. */
function logOutcome(logger: Logger, outcome: RowOutcome): void {
  const message = `${outcome[LogField.ROW_ID]}: ${outcome[LogField.OUTCOME]}`;
  if (FAILING_OUTCOMES.has(outcome.outcome)) logger.error(message, toLogAttributes(outcome));
  else logger.info(message, toLogAttributes(outcome));
}

/**
 * Metric (EMF, unit Count) with the history entries a run could not write (0 when it wrote them
 * all, or in a dry run, which writes none): the audit trail has a gap when it is above 0.
 */
const HISTORY_WRITE_FAILURES_METRIC = 'HistoryWriteFailures';

/**
 * Logs a history write that left entries out, as an ERROR line naming the history table, the
 * counts and the problem with its fix; a complete write logs nothing.
 */
function logHistory(logger: Logger, result: HistoryWriteResult): void {
  if (result.failed === 0) return;
  logger.error(describeHistoryFailure(result), {
    historyTable: result.table,
    historyWritten: result.written,
    historyFailed: result.failed,
    ...(result.problem === undefined ? {} : { problem: result.problem }),
  });
}

/**
 * Metric (EMF, unit Count) with the EventBridge events a run could not publish (0 when it
 * published them all, with events off, or in a dry run, which publishes none).
 */
const EVENT_PUBLISH_FAILURES_METRIC = 'EventPublishFailures';

/**
 * Logs a publish that left events out, as an ERROR line naming the bus, the counts and the
 * problem with its fix; a complete publish logs nothing.
 */
function logEvents(logger: Logger, result: EventPublishResult): void {
  if (result.failed === 0) return;
  logger.error(describeEventsFailure(result), {
    eventBus: result.bus,
    eventsPublished: result.published,
    eventsFailed: result.failed,
    ...(result.problem === undefined ? {} : { problem: result.problem }),
  });
}

/**
 * Emits one Count metric per outcome (zeros included, so alarms always have data), the row
 * total, the history entries not written (`HistoryWriteFailures`) and the events not published
 * (`EventPublishFailures`), as one EMF blob.
 */
function publishRunMetrics(metrics: Metrics, summary: RunSummary, historyFailures = 0, eventFailures = 0): void {
  for (const outcome of OUTCOMES) {
    metrics.addMetric(OUTCOME_METRIC[outcome], MetricUnit.Count, summary.counts[outcome]);
  }
  metrics.addMetric(ROWS_TOTAL_METRIC, MetricUnit.Count, summary.total);
  metrics.addMetric(HISTORY_WRITE_FAILURES_METRIC, MetricUnit.Count, historyFailures);
  metrics.addMetric(EVENT_PUBLISH_FAILURES_METRIC, MetricUnit.Count, eventFailures);
  metrics.publishStoredMetrics();
}

export {
  createObservability,
  EVENT_PUBLISH_FAILURES_METRIC,
  HISTORY_WRITE_FAILURES_METRIC,
  LogField,
  logEvents,
  logHistory,
  logOutcome,
  publishRunMetrics,
  toLogAttributes,
};
