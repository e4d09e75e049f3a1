/**
 * The one outcome every row ends a run with.
 *
 * - `scaled`: UpdateApplication was accepted (or, in a dry run, would be sent).
 * - `unchanged`: the application already runs at the target KPU.
 * - `skipped`: the row is disabled, or the application is not RUNNING.
 * - `busy`: MSF refused the update because the application is busy; the next run retries.
 * - `invalid`: the row breaks the schema; nothing was called for it.
 * - `error`: a call failed (application not found, access denied, ...).
 * - `deferred`: not reached before the run's deadline; the next run starts with it.
 */
const Outcome = {
  SCALED: 'scaled',
  UNCHANGED: 'unchanged',
  SKIPPED: 'skipped',
  BUSY: 'busy',
  INVALID: 'invalid',
  ERROR: 'error',
  DEFERRED: 'deferred',
} as const;

type Outcome = (typeof Outcome)[keyof typeof Outcome];

/** Every outcome, in the order summaries list them. */
const OUTCOMES: readonly Outcome[] = Object.values(Outcome);

/** Outcomes that make a run fail (CLI exit code 1, alarms in AWS). */
const FAILING_OUTCOMES: ReadonlySet<Outcome> = new Set([Outcome.INVALID, Outcome.ERROR]);

/**
 * Outcomes an operator has to look at: the failing ones, and `busy`, retried next run but
 * worth a look if it repeats. The handler's result lists these rows; the dashboard shows them.
 */
const ATTENTION_OUTCOMES: ReadonlySet<Outcome> = new Set([Outcome.BUSY, Outcome.DEFERRED, ...FAILING_OUTCOMES]);

/**
 * The CloudWatch metric (EMF, unit Count) that counts each outcome per run.
 * The infra alarms read these names: change them in one place only.
 */
const OUTCOME_METRIC: Readonly<Record<Outcome, string>> = {
  scaled: 'RowsScaled',
  unchanged: 'RowsUnchanged',
  skipped: 'RowsSkipped',
  busy: 'RowsBusy',
  invalid: 'RowsInvalid',
  error: 'RowsErrored',
  deferred: 'RowsDeferred',
};

/** Metric with the number of rows a run read. */
const ROWS_TOTAL_METRIC = 'RowsTotal';

export { ATTENTION_OUTCOMES, FAILING_OUTCOMES, OUTCOME_METRIC, OUTCOMES, Outcome, ROWS_TOTAL_METRIC };
