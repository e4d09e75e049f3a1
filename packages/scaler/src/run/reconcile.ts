import { rowIdOf } from '@msf-scaler/schema';
import type { ApplicationsPort } from '../adapters/msfApplications';
import type { ThrottleCounter } from '../adapters/retryStrategy';
import { Defaults } from '../constants';
import { decide } from '../core/decide';
import { OUTCOMES, Outcome } from '../core/outcome';
import { createAdaptiveLimit, mapAdaptive } from './adaptiveConcurrency';
import { createKpuBudget, heldKpu } from './kpuBudget';
import { readCalendars } from './readCalendars';
import { finishRow, type PreparedRow, prepareRow, type RowContext, reconcileRow } from './reconcileRow';
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
  /**
   * Most KPU the table's running applications may hold together. With it, every row is described
   * first, scale-downs go first, and a scale-up that would take the total above it is refused
   * (an `error` with the figures). @default no limit
   */
  readonly maxTotalKPU?: number;
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
  /**
   * The real time in epoch milliseconds: the deadline is read against it, and MSF's operation
   * times are compared with it (the failed-scaling back-off). @default Date.now
   */
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
  const clock = options.clock ?? Date.now;
  let context: RowContext = {
    applications: options.applications,
    instant: options.instant,
    dryRun,
    clock,
    ...(options.maxKPUPerApplication === undefined ? {} : { maxKPUPerApplication: options.maxKPUPerApplication }),
  };
  const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
  let longestRowMs = 0;
  // Calendar items share the table (and the scan) with the rows: read them first, as data.
  const { calendars, calendarOutcomes, rowPositions } = readCalendars(options.items);
  for (const [position, outcome] of calendarOutcomes) {
    if (options.releaseItems === true) (options.items as unknown[])[position] = undefined;
    options.onOutcome?.(outcome);
  }
  if (options.releaseItems === true) {
    for (const calendar of calendars.read) (options.items as unknown[])[calendar.position] = undefined;
  }
  context = { ...context, calendars: calendars.byName };
  const order = runOrder(rowPositions.length, options.instant).map((index) => rowPositions[index] as number);
  const max = options.concurrency ?? Defaults.CONCURRENCY;
  const limit = createAdaptiveLimit({ initial: Math.min(Defaults.INITIAL_CONCURRENCY, max), max });
  function throttleCount(): number {
    return options.throttles?.count ?? 0;
  }
  function positionOf(index: number): number {
    return order[index] as number;
  }
  function deferredOutcome(index: number): RowOutcome {
    const position = positionOf(index);
    return {
      rowId: rowIdOf(options.items[position], position),
      outcome: Outcome.DEFERRED,
      reason: DEFERRED_REASON,
      warnings: [],
    };
  }
  let peakInFlight = 0;
  /**
   * Runs `work` for the rows at `indices` (into the run order) with the run's adaptive
   * concurrency; `done` hears each result, or `undefined` for a row not started because the
   * time left could not fit one more (the longest row so far).
   */
  async function pass<T>(
    indices: readonly number[],
    work: (index: number) => Promise<T>,
    done: (index: number, result: T | undefined) => void,
  ): Promise<void> {
    const run = await mapAdaptive(indices, limit, async (index) => {
      const throttlesBefore = throttleCount();
      const started = clock();
      let result: T | undefined;
      if (started + longestRowMs < deadline) {
        result = await work(index);
        longestRowMs = Math.max(longestRowMs, clock() - started);
      }
      done(index, result);
      return { value: undefined, throttled: throttleCount() > throttlesBefore };
    });
    peakInFlight = Math.max(peakInFlight, run.peakInFlight);
  }
  /** The row's outcome is final: its raw item may go, and the caller hears of it. */
  function settle(index: number, outcome: RowOutcome): void {
    visited[index] = outcome;
    if (options.releaseItems === true) (options.items as unknown[])[positionOf(index)] = undefined;
    options.onOutcome?.(outcome);
  }
  /** A row's first outcome: final, unless a transient failure that the end of the run tries again. */
  function firstTry(index: number, outcome: RowOutcome | undefined): void {
    const result = outcome ?? deferredOutcome(index);
    if (result.transient === true) visited[index] = result;
    else settle(index, result);
  }

  const visited = new Array<RowOutcome>(order.length);
  let retryContext = context;
  const everyRow = order.map((_, index) => index);
  if (options.maxTotalKPU === undefined) {
    await pass(
      everyRow,
      (index) => reconcileRow(options.items[positionOf(index)], positionOf(index), context),
      firstTry,
    );
  } else {
    // The table-wide guard needs every application's KPU before the first scale-up: describe
    // all rows first, then scale down (freeing KPU), then scale up within what is left.
    const described = new Map<number, Extract<PreparedRow, { kind: 'described' }>>();
    await pass(
      everyRow,
      (index) => prepareRow(options.items[positionOf(index)], positionOf(index), context),
      (index, prepared) => {
        if (prepared?.kind === 'described') described.set(index, prepared);
        else firstTry(index, prepared?.outcome);
      },
    );
    const budget = createKpuBudget(
      options.maxTotalKPU,
      heldKpu([...described.values()].map(({ snapshot }) => snapshot)),
    );
    const within = { ...context, budget };
    const ups = [...described.keys()].filter((index) => {
      const { row, snapshot } = described.get(index) as Extract<PreparedRow, { kind: 'described' }>;
      const decision = decide(row, snapshot, options.instant, calendars.byName);
      return decision.action === 'scale' && decision.figures.targetKPU > decision.figures.currentKPU;
    });
    const upSet = new Set(ups);
    const rest = [...described.keys()].filter((index) => !upSet.has(index));
    for (const indices of [rest, ups]) {
      await pass(
        indices,
        (index) => finishRow(described.get(index) as Extract<PreparedRow, { kind: 'described' }>, within),
        firstTry,
      );
    }
    retryContext = within;
  }
  // Rows that met throttling, a 5xx or a timeout get one more try at the end of the run, at the
  // concurrency the run has settled on: a storm then costs few rows their scaling until next hour.
  const again = everyRow.filter((index) => visited[index]?.transient === true);
  await pass(
    again,
    (index) => reconcileRow(options.items[positionOf(index)], positionOf(index), retryContext),
    // A row the deadline stops from trying again keeps the error of its first try.
    (index, outcome) => settle(index, outcome ?? (visited[index] as RowOutcome)),
  );
  // Back to scan order, whatever order the rows were visited in; valid calendars are not rows.
  const byPosition = new Array<RowOutcome | undefined>(options.items.length);
  order.forEach((position, index) => {
    byPosition[position] = visited[index] as RowOutcome;
  });
  for (const [position, outcome] of calendarOutcomes) byPosition[position] = outcome;
  const outcomes = byPosition.filter((outcome): outcome is RowOutcome => outcome !== undefined);
  return {
    table: options.table,
    at: options.instant.toISOString(),
    dryRun,
    calendars: calendars.read.map(({ rowId, dates, warnings }) => ({ rowId, dates, warnings })),
    total: outcomes.length,
    counts: countOutcomes(outcomes),
    peakConcurrency: peakInFlight,
    outcomes,
  };
}

export type { ReconcileOptions };
export { reconcile };
