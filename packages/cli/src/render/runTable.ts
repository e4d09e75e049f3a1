import {
  escapeControl,
  fitTable,
  OUTCOME_STYLE,
  OUTCOMES,
  Outcome,
  type RowOutcome,
  type RunSummary,
  truncateTo,
} from '@msf-scaler/scaler';
import { type ClientTarget, describeTarget } from '../clientTarget';

function kpuCell(outcome: RowOutcome): string {
  if (outcome.currentKPU === undefined || outcome.targetKPU === undefined) return '-';
  // A skipped row is left as it is: an arrow would read as a change that is not made.
  if (outcome.outcome === Outcome.SKIPPED) return `${outcome.currentKPU}`;
  return outcome.currentKPU === outcome.targetKPU
    ? `${outcome.currentKPU}`
    : `${outcome.currentKPU} -> ${outcome.targetKPU}`;
}

function outcomeLabel(outcome: RowOutcome, dryRun: boolean): string {
  return dryRun && outcome.outcome === Outcome.SCALED ? 'would scale' : outcome.outcome;
}

/** Widest APP and STATUS cells: longer ones are cut with `…` (`--json` keeps them whole). */
const MAX_APP_WIDTH = 48;
const MAX_STATUS_WIDTH = 24;
/**
 * Widest RULE cell. 40 holds every window rule of a simple row (`window 08:00-20:00
 * Europe/Berlin MON-FRI`) and a holiday (`holiday 2026-12-25 (calendar de-public)`); an override
 * is cut after its `until` instant. The whole rule is in `--json`, and in the reason of every
 * row that uses windows, overrides, holidays or calendars.
 */
const MAX_RULE_WIDTH = 40;
/** Position of the OUTCOME column, the one painted by outcome. */
const OUTCOME_COLUMN = 4;
/** Narrowest REASON column kept however narrow the terminal, so a reason never vanishes. */
const MIN_REASON_WIDTH = 20;

/** Options of {@link renderSummary}. */
interface RenderOptions {
  readonly colour: boolean;
  /** Longest line: the terminal's width on a TTY, 400 when piped. */
  readonly width: number;
  /** Where the calls went, named in the summary line. @default - not named */
  readonly target?: ClientTarget;
}

/** A cell as it may reach a terminal: control characters escaped, cut to `width`. */
function cell(text: string, width: number): string {
  return truncateTo(escapeControl(text), width);
}

/** The cells of a row before the REASON column is fitted to the width. */
function cellsOf(outcome: RowOutcome, dryRun: boolean): string[] {
  return [
    cell(outcome.rowId, MAX_APP_WIDTH),
    cell(outcome.status ?? '-', MAX_STATUS_WIDTH),
    kpuCell(outcome),
    outcome.peak === undefined ? '-' : outcome.peak ? 'yes' : 'no',
    outcomeLabel(outcome, dryRun),
    cell(outcome.rule ?? '-', MAX_RULE_WIDTH),
  ];
}

/**
 * The run as a table a person reads at a glance, one line at a time: one line per row, in name
 * order, with status, KPU (current -> target), peak or not, outcome, the schedule rule that
 * decided the target (`-` when nothing was decided) and the reason, then a summary line. Every cell has its control characters escaped and no line is longer than
 * `options.width`. Lines are made as they are asked for, so a large table is never held whole.
 */
function* renderSummaryLines(summary: RunSummary, options: RenderOptions): Generator<string> {
  const header = ['APP', 'STATUS', 'KPU', 'PEAK', 'OUTCOME', 'RULE', 'REASON'];
  // Scan order is hash order: people find an application faster in name order.
  // One collator for the whole sort: localeCompare builds its collation state on every call.
  const collator = new Intl.Collator();
  const sorted = [...summary.outcomes].sort((a, b) => collator.compare(a.rowId, b.rowId));
  yield* fitTable(
    header,
    sorted.map((outcome) => ({
      cells: [...cellsOf(outcome, summary.dryRun), escapeControl(outcome.reason)],
      paint: { column: OUTCOME_COLUMN, style: OUTCOME_STYLE[outcome.outcome] },
    })),
    { colour: options.colour, width: options.width, minLastWidth: MIN_REASON_WIDTH },
  );
  yield '';
  yield truncateTo(renderCounts(summary, options.target), Math.max(options.width, 80));
}

/** {@link renderSummaryLines} as one text. */
function renderSummary(summary: RunSummary, options: RenderOptions): string {
  return [...renderSummaryLines(summary, options)].join('\n');
}

/**
 * `plan at 2026-11-27T20:00:00.000Z, table t: 6 rows: 2 would scale, 1 unchanged, ...`; with a
 * `target`, its region and non-default endpoints after the table:
 * `table t (region eu-west-1, endpoint http://127.0.0.1:4567): ...`.
 */
function renderCounts(summary: RunSummary, target?: ClientTarget): string {
  const parts = OUTCOMES.filter((outcome) => summary.counts[outcome] > 0).map(
    (outcome) => `${summary.counts[outcome]} ${summary.dryRun && outcome === Outcome.SCALED ? 'would scale' : outcome}`,
  );
  const verb = summary.dryRun ? 'plan' : 'run';
  const rows = `${summary.total} row${summary.total === 1 ? '' : 's'}`;
  const where = target === undefined ? '' : describeTarget(target);
  const table = where === '' ? summary.table : `${summary.table} (${where})`;
  return `${verb} at ${summary.at}, table ${table}: ${rows}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
}

/** Longest warning line on stderr. */
const MAX_WARNING_WIDTH = 400;

/** Warnings (unknown attributes and the like), one line each, control characters escaped, for stderr. */
function renderWarnings(summary: RunSummary): string[] {
  return summary.outcomes.flatMap((outcome) =>
    outcome.warnings.map((warning) => truncateTo(`warning: ${escapeControl(warning)}`, MAX_WARNING_WIDTH)),
  );
}

export type { RenderOptions };
export { renderCounts, renderSummary, renderSummaryLines, renderWarnings };
