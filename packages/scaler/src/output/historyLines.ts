import { OUTCOMES, Outcome } from '../core/outcome';
import type { HistoryEntry, RowEntry, RunEntry } from '../run/history';
import { fitTable, OUTCOME_STYLE } from './table';
import { escapeControl, truncateTo } from './text';

/** Options of {@link renderHistoryLines}. */
interface HistoryRenderOptions {
  /** ANSI colours on the outcome column. */
  readonly colour: boolean;
  /** Longest line: the terminal's width on a TTY, 400 when piped. */
  readonly width: number;
}

/** Widest APP cell; longer names are cut with `…` (`--json` keeps them whole). */
const MAX_APP_WIDTH = 48;
const HEADER = ['AT', 'APP', 'OUTCOME', 'KPU', 'REASON'] as const;
/** Index of the OUTCOME column, the one painted. */
const OUTCOME_COLUMN = 2;

/** `2026-11-27T10:00:00.000Z` as `2026-11-27T10:00:00Z`: runs start on whole seconds. */
function instantCell(at: string): string {
  return escapeControl(at.replace(/\.000Z$/, 'Z'));
}

/** KPU as the row found it and asked for it; a skipped row only shows what it runs at. */
function kpuCell(entry: RowEntry): string {
  if (entry.currentKPU === undefined) return '-';
  if (entry.targetKPU === undefined || entry.targetKPU === entry.currentKPU || entry.outcome === Outcome.SKIPPED) {
    return `${entry.currentKPU}`;
  }
  return `${entry.currentKPU} -> ${entry.targetKPU}`;
}

/** `8 rows: 1 scaled, 6 unchanged, 1 invalid (table msf-scaler-schedules)`. */
function runReason(entry: RunEntry): string {
  const parts = OUTCOMES.filter((outcome) => entry.counts[outcome] > 0).map(
    (outcome) => `${entry.counts[outcome]} ${outcome}`,
  );
  const rows = `${entry.total} row${entry.total === 1 ? '' : 's'}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
  const more = entry.rowsNotListed > 0 ? `; ${entry.rowsNotListed} more recorded rows, shown by history APP` : '';
  return `${rows} (table ${entry.table})${more}`;
}

/** The cells of an entry, the reason last and not yet fitted. */
function cellsOf(entry: HistoryEntry): readonly string[] {
  if (entry.kind === 'run') {
    return [instantCell(entry.at), `run ${escapeControl(entry.runId)}`, '-', '-', escapeControl(runReason(entry))];
  }
  const operation = entry.operationId === undefined ? '' : `; operation ${entry.operationId}`;
  return [
    instantCell(entry.at),
    truncateTo(escapeControl(entry.rowId), MAX_APP_WIDTH),
    entry.outcome,
    kpuCell(entry),
    escapeControl(`${entry.reason}${operation}`),
  ];
}

/**
 * The audit trail as a table, one line per entry in the order given (newest first, as
 * `readHistory` returns them): when, which row (or `run <id>` for a run's own entry), the
 * outcome, KPU (current -> target) and the reason. Every cell has its control characters
 * escaped and no line is longer than `options.width` (the reason is cut with `…`). Nothing at
 * all for no entries: the caller says so where messages go. Shared by `msf-scaler history`
 * and the end of `pnpm start`.
 *
 * @example
 * for (const line of renderHistoryLines(read.entries, { colour: false, width: 120 })) console.log(line);
 */
function* renderHistoryLines(entries: readonly HistoryEntry[], options: HistoryRenderOptions): Generator<string> {
  if (entries.length === 0) return;
  const rows = entries.map((entry) => ({
    cells: cellsOf(entry),
    ...(entry.kind === 'row' ? { paint: { column: OUTCOME_COLUMN, style: OUTCOME_STYLE[entry.outcome] } } : {}),
  }));
  yield* fitTable(HEADER, rows, options);
}

export type { HistoryRenderOptions };
export { renderHistoryLines };
