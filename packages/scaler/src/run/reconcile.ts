import type { ApplicationsPort } from '../adapters/msfApplications';
import { Defaults } from '../constants';
import { OUTCOMES, type Outcome } from '../core/outcome';
import { mapWithConcurrency } from './mapWithConcurrency';
import { reconcileRow } from './reconcileRow';
import type { RowOutcome, RunSummary } from './types';

/** Options of one reconciliation run. */
interface ReconcileOptions {
  /** The raw rows, in scan order. */
  readonly items: readonly unknown[];
  readonly applications: ApplicationsPort;
  /** The instant the schedule is evaluated at (the scheduled event's time, or `--at`). */
  readonly instant: Date;
  /** Same decisions, no UpdateApplication. @default false */
  readonly dryRun?: boolean;
  /** Rows processed at once. @default 8 */
  readonly concurrency?: number;
  /** Table name, for the summary. */
  readonly table: string;
  /** Called once per row as soon as its outcome is known (for logs and progress). */
  readonly onOutcome?: (outcome: RowOutcome) => void;
}

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
  const context = { applications: options.applications, instant: options.instant, dryRun };
  const outcomes = await mapWithConcurrency(
    options.items,
    options.concurrency ?? Defaults.CONCURRENCY,
    async (item, position) => {
      const outcome = await reconcileRow(item, position, context);
      options.onOutcome?.(outcome);
      return outcome;
    },
  );
  return {
    table: options.table,
    at: options.instant.toISOString(),
    dryRun,
    total: outcomes.length,
    counts: countOutcomes(outcomes),
    outcomes,
  };
}

export type { ReconcileOptions };
export { reconcile };
