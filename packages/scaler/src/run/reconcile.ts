import { rowIdOf } from '@msf-scaler/schema';
import type { ApplicationsPort } from '../adapters/msfApplications';
import type { ThrottleCounter } from '../adapters/retryStrategy';
import { Defaults } from '../constants';
import { OUTCOMES, Outcome } from '../core/outcome';
import { createAdaptiveLimit, mapAdaptive } from './adaptiveConcurrency';
import { reconcileRow } from './reconcileRow';
import { runOrder } from './runOrder';
import type { RowOutcome, RunSummary } from './types';

/** Options of one reconciliation run. */
interface ReconcileOptions {
  /** The raw rows, in scan order. */
  readonly items: readonly unknown[];
  /**
   * The run may drop each raw row from `items` once the row is reconciled, so a large table is
   * not held twice (raw and as outcomes) until the run ends. Only for an array the caller owns
   * and does not read again. @default false
   */
  readonly releaseItems?: boolean;
  readonly applications: ApplicationsPort;
  /** The instant the schedule is evaluated at (the scheduled event's time, or `--at`). */
  readonly instant: Date;
  /** Same decisions, no UpdateApplication. @default false */
  readonly dryRun?: boolean;
  /** Most rows in flight at once; the run starts at 8 (or this, if lower) and adapts. @default 32 */
  readonly concurrency?: number;
  /** Throttling responses met by the clients: a row that sees the count rise halves the concurrency. */
  readonly throttles?: ThrottleCounter;
  /** Most KPU a row may ask for; rows above it are invalid. @default 64 */
  readonly maxKPUPerApplication?: number;
  /** Table name, for the summary. */
  readonly table: string;
  /** Called once per row as soon as its outcome is known (for logs and progress). */
  readonly onOutcome?: (outcome: RowOutcome) => void;
  /**
   * Epoch milliseconds by which the run must be done. No row is started once the time left
   * could not fit one more (the longest row of this run so far); rows in flight finish (every
   * call is bounded) and every row not started ends `deferred`. @default no deadline
   */
  readonly deadline?: number;
  /** The clock the deadline is read against, in epoch milliseconds. @default Date.now */
  readonly clock?: () => number;
}

/** Reason of a row the run did not reach. */
const DEFERRED_REASON = "not reached before the run's deadline; the next run starts with it";

function countOutcomes(outcomes: readonly RowOutcome[]): Record<Outcome, number> {
  const counts = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number>;
  for (const { outcome } of outcomes) counts[outcome] += 1;
  return counts;
}

/**
 * One level-triggered reconciliation: every row is brought to the KPU its schedule asks for
 * at `instant`, rows in parallel (bounded), each ending with exactly one outcome.
 *
 * @example
 * const summary = await reconcile({ items, applications, instant, table: 'msf-scaler-schedules' });
 * summary.counts.scaled; // 2
 */
async function reconcile(options: ReconcileOptions): Promise<RunSummary> {
  const dryRun = options.dryRun ?? false;
  const context = {
    applications: options.applications,
    instant: options.instant,
    dryRun,
    ...(options.maxKPUPerApplication === undefined ? {} : { maxKPUPerApplication: options.maxKPUPerApplication }),
  };
  const clock = options.clock ?? Date.now;
  const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
  let longestRowMs = 0;
  const order = runOrder(options.items.length, options.instant);
  const max = options.concurrency ?? Defaults.CONCURRENCY;
  const limit = createAdaptiveLimit({ initial: Math.min(Defaults.INITIAL_CONCURRENCY, max), max });
  function throttleCount(): number {
    return options.throttles?.count ?? 0;
  }
  const { results: visited, peakInFlight } = await mapAdaptive(order, limit, async (position) => {
    const item = options.items[position];
    const started = clock();
    const throttlesBefore = throttleCount();
    let outcome: RowOutcome;
    if (started + longestRowMs >= deadline) {
      outcome = { rowId: rowIdOf(item, position), outcome: Outcome.DEFERRED, reason: DEFERRED_REASON, warnings: [] };
    } else {
      outcome = await reconcileRow(item, position, context);
      longestRowMs = Math.max(longestRowMs, clock() - started);
      if (options.releaseItems === true) (options.items as unknown[])[position] = undefined;
    }
    options.onOutcome?.(outcome);
    return { value: outcome, throttled: throttleCount() > throttlesBefore };
  });
  // Back to scan order, whatever order the rows were visited in.
  const outcomes = new Array<RowOutcome>(visited.length);
  order.forEach((position, index) => {
    outcomes[position] = visited[index] as RowOutcome;
  });
  return {
    table: options.table,
    at: options.instant.toISOString(),
    dryRun,
    total: outcomes.length,
    counts: countOutcomes(outcomes),
    peakConcurrency: peakInFlight,
    outcomes,
  };
}

export type { ReconcileOptions };
export { reconcile };
