import { randomBytes } from 'node:crypto';
import { OUTCOMES, Outcome } from '../core/outcome';
import { truncateTo } from '../output/text';
import type { RowOutcome, RunSummary } from './types';

/**
 * What the audit trail keeps of one row of one run: the outcome, its reason and the figures
 * behind it. Rows are keyed by `rowId` (the appName, or `row #N` for a row without one).
 */
interface RowEntry {
  readonly kind: 'row';
  /** The row's appName, or `row #N` when it has none. */
  readonly rowId: string;
  /** The instant the run evaluated the schedule at (ISO-8601), as in its summary. */
  readonly at: string;
  /** The run's id: tells two runs at the same instant apart. */
  readonly runId: string;
  readonly outcome: Outcome;
  /** The reason, cut to {@link HistoryLimits.REASON} characters. */
  readonly reason: string;
  readonly status?: string;
  readonly rule?: string;
  readonly currentKPU?: number;
  readonly targetKPU?: number;
  readonly operationId?: string;
  readonly errorCode?: string;
}

/** One recorded row as its run entry lists it. */
interface RecordedRow {
  readonly rowId: string;
  readonly outcome: Outcome;
}

/** What the audit trail keeps of a whole run: its counts, and which rows it recorded. */
interface RunEntry {
  readonly kind: 'run';
  /** The instant the run evaluated the schedule at (ISO-8601). */
  readonly at: string;
  readonly runId: string;
  /** The schedule table the run read. */
  readonly table: string;
  /** Rows with an outcome. */
  readonly total: number;
  readonly counts: Readonly<Record<Outcome, number>>;
  /** The row entries of this run, in scan order: at most {@link HistoryLimits.LISTED_ROWS}. */
  readonly rows: readonly RecordedRow[];
  /** Row entries of this run beyond those listed in `rows`. */
  readonly rowsNotListed: number;
}

/** An item of the audit trail. */
type HistoryEntry = RowEntry | RunEntry;

/** What writing a run's history achieved: never an exception, so it never changes an outcome. */
interface HistoryWriteResult {
  /** The history table's name. */
  readonly table: string;
  /** Entries written. */
  readonly written: number;
  /** Entries not written (counted as the `HistoryWriteFailures` metric). */
  readonly failed: number;
  /** Why entries were not written, with the fix; absent when every one was. */
  readonly problem?: string;
}

/**
 * Where a run records what it did: the port the run is written against (the DynamoDB adapter
 * in production, a fake in unit tests).
 */
interface HistoryPort {
  /** The history table's name, for messages. */
  readonly table: string;
  /**
   * Writes the entries, giving up on what is not written by `deadline` (epoch milliseconds).
   * Never rejects: what could not be written is counted in the result, with why.
   */
  write(entries: readonly HistoryEntry[], deadline: number): Promise<HistoryWriteResult>;
}

/** Bounds that keep every history item far below DynamoDB's 400 KB. */
const HistoryLimits = {
  /** Longest reason kept, in characters (an invalid row's reason lists all its issues). */
  REASON: 2_000,
  /** Longest rule, status, operation id or error code kept. */
  FIGURE: 300,
  /** Rows a run entry names; a run that recorded more counts the rest in `rowsNotListed`. */
  LISTED_ROWS: 100,
} as const;

/** The outcomes the audit trail records; `skipped` only when the application is not running. */
const RECORDED_OUTCOMES: ReadonlySet<Outcome> = new Set([
  Outcome.SCALED,
  Outcome.BUSY,
  Outcome.ERROR,
  Outcome.INVALID,
  Outcome.SKIPPED,
]);

/**
 * Whether the audit trail records this outcome: `scaled`, `busy`, `error`, `invalid`, and
 * `skipped` because the application is not running (such a skip carries the application's
 * `status`; a disabled row's skip does not, since its application is never described).
 * `unchanged` and `deferred` rows are left out: most rows are unchanged most hours.
 *
 * @example
 * isRecorded({ rowId: 'a', outcome: 'skipped', reason: 'READY', status: 'READY', warnings: [] }); // true
 */
function isRecorded(outcome: RowOutcome): boolean {
  if (outcome.outcome === Outcome.SKIPPED) return outcome.status !== undefined;
  return RECORDED_OUTCOMES.has(outcome.outcome);
}

/** A figure as the audit trail keeps it: cut to {@link HistoryLimits.FIGURE} characters. */
function figure(text: string): string {
  return truncateTo(text, HistoryLimits.FIGURE);
}

/** The row entry of one recorded outcome. */
function toRowEntry(outcome: RowOutcome, at: string, runId: string): RowEntry {
  return {
    kind: 'row',
    rowId: outcome.rowId,
    at,
    runId,
    outcome: outcome.outcome,
    reason: truncateTo(outcome.reason, HistoryLimits.REASON),
    ...(outcome.status === undefined ? {} : { status: figure(outcome.status) }),
    ...(outcome.rule === undefined ? {} : { rule: figure(outcome.rule) }),
    ...(outcome.currentKPU === undefined ? {} : { currentKPU: outcome.currentKPU }),
    ...(outcome.targetKPU === undefined ? {} : { targetKPU: outcome.targetKPU }),
    ...(outcome.operationId === undefined ? {} : { operationId: figure(outcome.operationId) }),
    ...(outcome.errorCode === undefined ? {} : { errorCode: figure(outcome.errorCode) }),
  };
}

/**
 * The audit trail of one run: its run entry first, then one row entry per recorded outcome
 * ({@link isRecorded}), in scan order. A dry run records nothing (empty result).
 *
 * @example
 * const [run, ...rows] = historyEntries(summary, 'a1b2c3d4');
 */
function historyEntries(summary: RunSummary, runId: string): HistoryEntry[] {
  if (summary.dryRun) return [];
  const rows = summary.outcomes.filter(isRecorded).map((outcome) => toRowEntry(outcome, summary.at, runId));
  const counts = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, summary.counts[outcome]])) as Record<
    Outcome,
    number
  >;
  const run: RunEntry = {
    kind: 'run',
    at: summary.at,
    runId,
    table: summary.table,
    total: summary.total,
    counts,
    rows: rows.slice(0, HistoryLimits.LISTED_ROWS).map(({ rowId, outcome }) => ({ rowId, outcome })),
    rowsNotListed: Math.max(0, rows.length - HistoryLimits.LISTED_ROWS),
  };
  return [run, ...rows];
}

/**
 * A fresh run id: 8 hex characters, so two runs at the same instant (a manual run next to the
 * scheduled one) never share a history key.
 */
function newRunId(): string {
  return randomBytes(4).toString('hex');
}

/**
 * One sentence for a history write that left entries out: how many, where, why and the fix
 * (the problem carries it). The handler logs it, the CLI prints it as a warning.
 *
 * @example
 * describeHistoryFailure({ table: 'h', written: 0, failed: 3, problem: '...' });
 * // 'history not recorded: 3 of 3 entries were not written to history table "h": ...'
 */
function describeHistoryFailure(result: HistoryWriteResult): string {
  const total = result.written + result.failed;
  return (
    `history not recorded: ${result.failed} of ${total} entr${total === 1 ? 'y was' : 'ies were'} not written ` +
    `to history table "${result.table}": ${result.problem ?? 'unknown reason'}; every row kept its outcome`
  );
}

export type { HistoryEntry, HistoryPort, HistoryWriteResult, RecordedRow, RowEntry, RunEntry };
export { describeHistoryFailure, HistoryLimits, historyEntries, isRecorded, newRunId };
