import { ATTENTION_OUTCOMES, type Outcome } from '../core/outcome';
import type { RunSummary } from '../run/types';
import { truncateTo } from './text';

/** Rows listed in a {@link CompactSummary} at most; the rest are counted. */
const MAX_LISTED_ROWS = 50;
/** Longest reason in a {@link CompactSummary}. */
const MAX_REASON_LENGTH = 300;

/** A row that did not end well, as the handler's result lists it. */
interface AttentionRow {
  readonly rowId: string;
  readonly outcome: Outcome;
  readonly reason: string;
  readonly errorCode?: string;
}

/**
 * What the Lambda handler returns: the counts and the rows that need a look, a few KB
 * whatever the table's size (a synchronous invocation's response is capped at 6 MB; the
 * full detail is in the log lines, one per row).
 */
interface CompactSummary {
  readonly table: string;
  readonly at: string;
  readonly dryRun: boolean;
  readonly total: number;
  readonly counts: RunSummary['counts'];
  /** The first rows, in scan order, whose outcome is busy, invalid or error. */
  readonly attention: readonly AttentionRow[];
  /** How many more such rows there are beyond `attention`. */
  readonly attentionNotListed: number;
}

/**
 * The run in a few KB: counts plus up to 50 rows that did not end well, reasons cut to 300
 * characters.
 *
 * @example
 * const result = compactSummary(summary); // result.attention[0].rowId === 'orders'
 */
function compactSummary(summary: RunSummary): CompactSummary {
  const attention = summary.outcomes.filter(({ outcome }) => ATTENTION_OUTCOMES.has(outcome));
  return {
    table: summary.table,
    at: summary.at,
    dryRun: summary.dryRun,
    total: summary.total,
    counts: summary.counts,
    attention: attention.slice(0, MAX_LISTED_ROWS).map((row) => ({
      rowId: row.rowId,
      outcome: row.outcome,
      reason: truncateTo(row.reason, MAX_REASON_LENGTH),
      ...(row.errorCode === undefined ? {} : { errorCode: row.errorCode }),
    })),
    attentionNotListed: Math.max(0, attention.length - MAX_LISTED_ROWS),
  };
}

export type { AttentionRow, CompactSummary };
export { compactSummary };
