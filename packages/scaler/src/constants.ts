/** Defaults shared by the handler, the CLI and the infrastructure. */
const Defaults = {
  /** Schedule table name when neither `--table` nor `SCHEDULE_TABLE` is given. */
  TABLE_NAME: 'msf-scaler-schedules',
  /**
   * Most rows in flight at once. The run starts at {@link Defaults.INITIAL_CONCURRENCY}, adds one
   * after each row the service did not throttle, and halves on throttling.
   */
  CONCURRENCY: 32,
  /** Rows in flight when a run starts. */
  INITIAL_CONCURRENCY: 8,
  /** Attempts per AWS call (standard retry mode: throttling and 5xx are retried with backoff). */
  MAX_ATTEMPTS: 5,
  /** Highest `--concurrency` / `SCALER_CONCURRENCY` accepted; also the sockets each client may open. */
  MAX_CONCURRENCY: 64,
  /** Longest wait for a TCP connection to an AWS endpoint before the attempt fails (and is retried). */
  CONNECTION_TIMEOUT_MS: 3_000,
  /**
   * Longest wait for a response once a request is sent. MSF's control plane and a Scan page
   * answer in well under a second; a call that hangs is cut here, retried like a 5xx, and
   * then becomes the row's `error` instead of holding the run until Lambda kills it.
   */
  REQUEST_TIMEOUT_MS: 10_000,
  /**
   * Time the handler keeps back from Lambda's deadline: rows still in flight finish in it, then
   * the outcomes are logged and the metrics published, so a long run still reports every row.
   */
  DEADLINE_MARGIN_MS: 15_000,
  /**
   * Timeout of the deployed Lambda function, in seconds. With {@link Defaults.DEADLINE_MARGIN_MS}
   * it bounds a run; `pnpm bench` says how many applications fit in it at the measured rates.
   */
  LAMBDA_TIMEOUT_SECONDS: 300,
  /** Highest `maxKPUPerApplication` accepted (MSF quotas can be raised; this stops a runaway value). */
  MAX_KPU_LIMIT: 10_000,
  /** Highest `maxTotalKPU` accepted. */
  MAX_TOTAL_KPU_LIMIT: 1_000_000,
  /** Longest `--deadline` accepted, in seconds. */
  MAX_DEADLINE_SECONDS: 86_400,
  /** Powertools service name (logs' `service`, the metrics' `service` dimension). */
  SERVICE_NAME: 'msf-scheduled-scaler',
  /** CloudWatch namespace of the scaler's metrics. */
  METRICS_NAMESPACE: 'MsfScheduledScaler',
  /**
   * History (audit trail) table name when neither `--history-table` nor `HISTORY_TABLE` is
   * given: the stack, the local world and the CLI all use it.
   */
  HISTORY_TABLE: 'msf-scaler-history',
  /** Days a history item is kept before DynamoDB's TTL removes it. */
  HISTORY_TTL_DAYS: 90,
  /**
   * Longest time a run spends writing its history after the rows, and how far past the run's
   * deadline it may go (well inside {@link Defaults.DEADLINE_MARGIN_MS}): a slow or throttled
   * history table costs at most this, never the Lambda's timeout.
   */
  HISTORY_WRITE_BUDGET_MS: 5_000,
  /**
   * Longest time a run spends publishing its EventBridge events, alongside its history (both run
   * at once, so together they still fit well inside {@link Defaults.DEADLINE_MARGIN_MS}).
   */
  EVENTS_PUBLISH_BUDGET_MS: 5_000,
} as const;

/** Environment variables the scaler reads. */
const EnvVar = {
  TABLE: 'SCHEDULE_TABLE',
  CONCURRENCY: 'SCALER_CONCURRENCY',
  MAX_KPU_PER_APPLICATION: 'SCALER_MAX_KPU_PER_APPLICATION',
  MAX_TOTAL_KPU: 'SCALER_MAX_TOTAL_KPU',
  REQUIRED_TAG: 'SCALER_REQUIRED_TAG',
  HISTORY_TABLE: 'HISTORY_TABLE',
  /** `on` or `off`: whether the Lambda publishes one EventBridge event per scaled or failed row (default `on`). */
  EVENTS: 'SCALER_EVENTS',
  SERVICE_NAME: 'POWERTOOLS_SERVICE_NAME',
  METRICS_NAMESPACE: 'POWERTOOLS_METRICS_NAMESPACE',
} as const;

export { Defaults, EnvVar };
