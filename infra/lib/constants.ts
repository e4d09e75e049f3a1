import { Defaults, FAILING_OUTCOMES, OUTCOME_METRIC, ROWS_TOTAL_METRIC } from '@msf-scaler/scaler';
import type { RowAttribute } from '@msf-scaler/schema';

/**
 * Names the stack shares with the scaler Lambda. The scaler owns them (`@msf-scaler/scaler`):
 * the alarms must read exactly the metrics it emits, since an alarm on a metric nobody
 * emits never fires, and with missing data not breaching it would never say so either.
 */

/** `POWERTOOLS_SERVICE_NAME` of the scaler; Powertools adds it as the `service` dimension. */
const SERVICE_NAME: string = Defaults.SERVICE_NAME;

/** `POWERTOOLS_METRICS_NAMESPACE` of the scaler. */
const METRICS_NAMESPACE: string = Defaults.METRICS_NAMESPACE;

/**
 * The per-run EMF metrics (unit Count) that mean rows were not reconciled: one per failing
 * outcome of the scaler (`RowsErrored`, `RowsInvalid`). The scaler emits every outcome
 * metric on every run, zeros included.
 */
const FAILING_ROW_METRICS: readonly string[] = [...FAILING_OUTCOMES].map((outcome) => OUTCOME_METRIC[outcome]);

/**
 * The per-run EMF metric (unit Count) with the rows a run did not reach before its deadline
 * (outcome `deferred`); the next run starts with them. Emitted on every run, zeros included.
 */
const DEFERRED_ROWS_METRIC: string = OUTCOME_METRIC.deferred;

/**
 * The per-run EMF metric with the number of rows a run read. Every run that completes emits
 * exactly one data point, an empty table included (value 0), so its SampleCount counts the
 * completed runs: the `ScalerNotRunning` alarm's heartbeat.
 */
const RUNS_METRIC: string = ROWS_TOTAL_METRIC;

/** Partition key of the schedule table: one row per MSF application, keyed by its name. */
const TABLE_PARTITION_KEY = 'appName' satisfies RowAttribute;

/** Default name of the schedule table (context `tableName`), the scaler's default too. */
const DEFAULT_TABLE_NAME: string = Defaults.TABLE_NAME;

/** Default name of the history table (context `historyTableName`), the scaler's and the CLI's default too. */
const DEFAULT_HISTORY_TABLE_NAME: string = Defaults.HISTORY_TABLE;

/** Default EventBridge schedule (context `schedule`): every hour at minute 0, UTC. */
const DEFAULT_SCHEDULE = 'cron(0 * * * ? *)';

/**
 * Default of context `heartbeatHours`: `ScalerNotRunning` goes off after 2 whole hours without
 * a completed run, so with the hourly default schedule one missed run is tolerated, two are not.
 */
const DEFAULT_HEARTBEAT_HOURS = 2;

/**
 * Largest `heartbeatHours`. A day without a run leaves every application at the wrong KPU for a
 * whole peak cycle; a schedule that runs less often than daily should turn the alarm off (0).
 */
const MAX_HEARTBEAT_HOURS = 24;

export {
  DEFAULT_HEARTBEAT_HOURS,
  DEFAULT_HISTORY_TABLE_NAME,
  DEFAULT_SCHEDULE,
  DEFAULT_TABLE_NAME,
  DEFERRED_ROWS_METRIC,
  FAILING_ROW_METRICS,
  MAX_HEARTBEAT_HOURS,
  METRICS_NAMESPACE,
  RUNS_METRIC,
  SERVICE_NAME,
  TABLE_PARTITION_KEY,
};
