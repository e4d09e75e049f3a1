import { Metric, type MetricOptions, Stats } from 'aws-cdk-lib/aws-cloudwatch';
import { METRICS_NAMESPACE, SERVICE_NAME } from './constants';

/**
 * One of the scaler's own EMF metrics (`RowsScaled`, `RowsErrored`, ...): namespace
 * {@link METRICS_NAMESPACE}, dimension `service` = {@link SERVICE_NAME} (Powertools adds it),
 * statistic Sum unless `options` says otherwise. The alarms and the dashboard both read the
 * metrics through this, so they cannot drift apart on the namespace or the dimension.
 *
 * @param metricName - e.g. `OUTCOME_METRIC.error` (`RowsErrored`)
 * @param options - period, label, color, ...; @default - Sum over 5 minutes (the CDK default period)
 *
 * @example
 * ```ts
 * const errored = scalerMetric('RowsErrored', { period: Duration.hours(1) });
 * ```
 */
function scalerMetric(metricName: string, options: MetricOptions = {}): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName,
    dimensionsMap: { service: SERVICE_NAME },
    statistic: Stats.SUM,
    ...options,
  });
}

export { scalerMetric };
