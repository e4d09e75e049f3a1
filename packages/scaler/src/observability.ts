import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Defaults, EnvVar } from './constants';
import { FAILING_OUTCOMES, OUTCOME_METRIC, OUTCOMES, ROWS_TOTAL_METRIC } from './core/outcome';
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
 * Emits one Count metric per outcome (zeros included, so alarms always have data) and the
 * row total, as one EMF blob.
 */
function publishRunMetrics(metrics: Metrics, summary: RunSummary): void {
  for (const outcome of OUTCOMES) {
    metrics.addMetric(OUTCOME_METRIC[outcome], MetricUnit.Count, summary.counts[outcome]);
  }
  metrics.addMetric(ROWS_TOTAL_METRIC, MetricUnit.Count, summary.total);
  metrics.publishStoredMetrics();
}

export { createObservability, LogField, logOutcome, publishRunMetrics, toLogAttributes };
