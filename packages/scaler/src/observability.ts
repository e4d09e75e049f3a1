import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Defaults, EnvVar } from './constants';
import { OUTCOME_METRIC, OUTCOMES, ROWS_TOTAL_METRIC } from './core/outcome';
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

/** One structured log line per row: the outcome, its reason and the figures. */
function logOutcome(logger: Logger, outcome: RowOutcome): void {
  const { rowId, outcome: result, reason, ...figures } = outcome;
  const attributes = { appName: rowId, outcome: result, reason, ...figures };
  if (result === 'error' || result === 'invalid') logger.error(`${rowId}: ${result}`, attributes);
  else logger.info(`${rowId}: ${result}`, attributes);
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

export { createObservability, logOutcome, publishRunMetrics };
