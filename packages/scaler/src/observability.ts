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

/** One structured log line per row: the outcome, its reason and the figures, under the outcome's own field names. */
function logOutcome(logger: Logger, outcome: RowOutcome): void {
  const message = `${outcome[LogField.ROW_ID]}: ${outcome[LogField.OUTCOME]}`;
  if (FAILING_OUTCOMES.has(outcome.outcome)) logger.error(message, { ...outcome });
  else logger.info(message, { ...outcome });
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

export { createObservability, LogField, logOutcome, publishRunMetrics };
