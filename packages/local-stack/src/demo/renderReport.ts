import { paint, Style } from '@msf-scaler/commons';
import { dayLabel, FAILING_OUTCOMES, renderTimeline } from '@msf-scaler/scaler';
import type { AppKpuHours, DemoReport, RenderOptions, RowNote, RuleNote } from './types';

const HOUR_MS = 3_600_000;

function isoMinute(instant: Date): string {
  return `${instant.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `Fri 27 Nov 06:00` (UTC), as the timeline's header names days. */
function dayAndTime(instant: Date): string {
  return `${dayLabel(instant)} ${instant.toISOString().slice(11, 16)}`;
}

/** `Fri 27 Nov 06:00-18:00`, or `Fri 27 Nov 13:00-Sat 28 Nov 01:00` across a day. */
function span(from: Date, to: Date): string {
  const start = dayAndTime(from);
  const end = dayAndTime(to);
  return start.slice(0, -5) === end.slice(0, -5) ? `${start}-${end.slice(-5)}` : `${start}-${end}`;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${Math.round((part / whole) * 100)}%`;
}

/**
 * The rows the scaler did not scale or keep (invalid, skipped, busy, error), one line each
 * with how many runs ended that way and the first run's reason.
 *
 * @example
 * renderRowNotes([{ rowId: 'clicks-dedup', outcome: 'invalid', runs: 48, reason: 'row "clicks-dedup": highKPU 2 is below lowKPU 6; highKPU must be >= lowKPU' }]);
 */
function renderRowNotes(notes: readonly RowNote[], options: RenderOptions = {}): string {
  const colour = options.colour ?? false;
  if (notes.length === 0) return 'Every row was scaled or already at its target in every run.';
  const idWidth = Math.max(...notes.map((note) => note.rowId.length));
  const outcomeWidth = Math.max(...notes.map((note) => `${note.outcome} x${note.runs}`.length));
  const lines = notes.map((note) => {
    const style = FAILING_OUTCOMES.has(note.outcome) ? Style.RED : Style.YELLOW;
    const outcome = paint(`${note.outcome} x${note.runs}`.padEnd(outcomeWidth), style, colour);
    return `  ${note.rowId.padEnd(idWidth)}  ${outcome}  ${note.reason}`;
  });
  return ['Rows the scaler did not scale (outcome x runs, reason):', ...lines].join('\n');
}

/**
 * The overrides and holidays that decided a target, one line each: the row, the hours (UTC),
 * the KPU and the rule, and for an override that ran out, when it expired.
 *
 * @example
 * renderRuleNotes([{ rowId: 'promo', rule: 'override until 2026-11-27T18:00:00Z (launch)', targetKPU: 8,
 *   from: new Date('2026-11-27T06:00:00Z'), to: new Date('2026-11-27T18:00:00Z'), expired: true }]);
 * // 'Overrides and holidays that decided a target (UTC; windows are in the timeline):\n
 * //   promo  Fri 27 Nov 06:00-18:00  8 KPU  override until 2026-11-27T18:00:00Z (launch); expired at Fri 27 Nov 18:00'
 */
function renderRuleNotes(notes: readonly RuleNote[]): string {
  if (notes.length === 0) return 'No override or holiday decided a target: the windows did.';
  const idWidth = Math.max(...notes.map((note) => note.rowId.length));
  const spanWidth = Math.max(...notes.map((note) => span(note.from, note.to).length));
  const kpuWidth = Math.max(...notes.map((note) => `${note.targetKPU} KPU`.length));
  const lines = notes.map((note) => {
    const expired =
      note.expired === true ? `; expired at ${dayAndTime(note.to)}, ignored from then on with a warning` : '';
    return `  ${note.rowId.padEnd(idWidth)}  ${span(note.from, note.to).padEnd(spanWidth)}  ${`${note.targetKPU} KPU`.padEnd(kpuWidth)}  ${note.rule}${expired}`;
  });
  return ['Overrides and holidays that decided a target (UTC; windows are in the timeline):', ...lines].join('\n');
}

/**
 * KPU-hours per scheduled application and in total, against keeping every one of them at its
 * highKPU all the time, in KPU-hours and as a percentage.
 *
 * @example
 * renderKpuHours([{ name: 'orders', used: 120, atHigh: 192 }], 48);
 * // '...\nKPU-hours: 120 used vs 192 at highKPU all the time: 72 saved (38% less)'
 */
function renderKpuHours(apps: readonly AppKpuHours[], hours: number, options: RenderOptions = {}): string {
  const colour = options.colour ?? false;
  const used = apps.reduce((sum, app) => sum + app.used, 0);
  const atHigh = apps.reduce((sum, app) => sum + app.atHigh, 0);
  const nameWidth = Math.max('total'.length, ...apps.map((app) => app.name.length));
  const header = `  ${''.padEnd(nameWidth)}  ${'used'.padStart(6)}  ${'at highKPU'.padStart(10)}  saved`;
  function line(name: string, a: number, b: number): string {
    return `  ${name.padEnd(nameWidth)}  ${String(a).padStart(6)}  ${String(b).padStart(10)}  ${percent(b - a, b).padStart(5)}`;
  }
  const summary =
    `KPU-hours: ${used} used vs ${atHigh} at highKPU all the time: ` +
    `${atHigh - used} saved (${percent(atHigh - used, atHigh)} less)`;
  return [
    `KPU-hours over ${hours} h of the ${apps.length === 1 ? 'application' : `${apps.length} applications`} the scaler manages:`,
    header,
    ...apps.map((app) => line(app.name, app.used, app.atHigh)),
    line('total', used, atHigh),
    '',
    paint(summary, Style.BOLD, colour),
  ].join('\n');
}

/**
 * The whole demo output: title, the simulated period, the timeline, run totals, rows not
 * acted on and the KPU-hours comparison. Pure.
 *
 * @example
 * process.stdout.write(`${renderDemo(report, { colour: false })}\n`);
 */
function renderDemo(report: DemoReport, options: RenderOptions = {}): string {
  const colour = options.colour ?? false;
  const start = report.timeline.start;
  const end = new Date(start.getTime() + report.hours * HOUR_MS);
  const totals = Object.entries(report.outcomeTotals)
    .filter(([, count]) => count > 0)
    .map(([outcome, count]) => `${outcome} ${count}`)
    .join(', ');
  return [
    paint('MSF Scheduled Scaler: local demo (no AWS account)', Style.BOLD, colour),
    `${report.hours} simulated hours from ${isoMinute(start)} to ${isoMinute(end)}, one scaler run per hour,`,
    'against dynalite and the MSF emulator on loopback (the same runScaler the Lambda runs).',
    '',
    renderTimeline(report.timeline, options),
    '',
    `Runs: ${report.hours}; row outcomes over all runs: ${totals}.`,
    renderRowNotes(report.rowNotes, options),
    '',
    renderRuleNotes(report.ruleNotes),
    '',
    renderKpuHours(report.kpuHours, report.hours, options),
  ].join('\n');
}

export { renderDemo, renderKpuHours, renderRowNotes, renderRuleNotes };
