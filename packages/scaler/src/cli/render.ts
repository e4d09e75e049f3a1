import { paint, Style } from '@msf-scaler/commons';
import { OUTCOMES, Outcome } from '../core/outcome';
import type { RowOutcome, RunSummary } from '../run/types';

const OUTCOME_STYLE: Readonly<Record<Outcome, Style>> = {
  scaled: Style.GREEN,
  unchanged: Style.DIM,
  skipped: Style.YELLOW,
  busy: Style.YELLOW,
  invalid: Style.RED,
  error: Style.RED,
};

function kpuCell(outcome: RowOutcome): string {
  if (outcome.currentKPU === undefined || outcome.targetKPU === undefined) return '-';
  return outcome.currentKPU === outcome.targetKPU
    ? `${outcome.currentKPU}`
    : `${outcome.currentKPU} -> ${outcome.targetKPU}`;
}

function outcomeLabel(outcome: RowOutcome, dryRun: boolean): string {
  return dryRun && outcome.outcome === Outcome.SCALED ? 'would scale' : outcome.outcome;
}

/**
 * The run as a table a person reads at a glance: one line per row, in name order, with status, KPU
 * (current -> target), peak or not, outcome and the reason, then a summary line.
 */
function renderSummary(summary: RunSummary, options: { readonly colour: boolean }): string {
  const header = ['APP', 'STATUS', 'KPU', 'PEAK', 'OUTCOME', 'REASON'];
  // Scan order is hash order: people find an application faster in name order.
  const sorted = [...summary.outcomes].sort((a, b) => a.rowId.localeCompare(b.rowId));
  const rows = sorted.map((outcome) => [
    outcome.rowId,
    outcome.status ?? '-',
    kpuCell(outcome),
    outcome.peak === undefined ? '-' : outcome.peak ? 'yes' : 'no',
    outcomeLabel(outcome, summary.dryRun),
    outcome.reason,
  ]);
  const widths = header.map((title, column) =>
    column === header.length - 1 ? 0 : Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  function line(cells: readonly string[], outcome?: Outcome): string {
    return cells
      .map((cell, column) => {
        const padded = column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0);
        return column === 4 && outcome !== undefined ? paint(padded, OUTCOME_STYLE[outcome], options.colour) : padded;
      })
      .join('  ')
      .trimEnd();
  }
  const body = sorted.map((outcome, index) => line(rows[index] ?? [], outcome.outcome));
  return [line(header), ...body, '', renderCounts(summary)].join('\n');
}

/** `plan at 2026-11-27T20:00:00.000Z, table t: 6 rows: 2 would scale, 1 unchanged, ...` */
function renderCounts(summary: RunSummary): string {
  const parts = OUTCOMES.filter((outcome) => summary.counts[outcome] > 0).map(
    (outcome) => `${summary.counts[outcome]} ${summary.dryRun && outcome === Outcome.SCALED ? 'would scale' : outcome}`,
  );
  const verb = summary.dryRun ? 'plan' : 'run';
  const rows = `${summary.total} row${summary.total === 1 ? '' : 's'}`;
  return `${verb} at ${summary.at}, table ${summary.table}: ${rows}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
}

/** Warnings (unknown attributes and the like), one line each, for stderr. */
function renderWarnings(summary: RunSummary): string[] {
  return summary.outcomes.flatMap((outcome) => outcome.warnings.map((warning) => `warning: ${warning}`));
}

export { renderCounts, renderSummary, renderWarnings };
