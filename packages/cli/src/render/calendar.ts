import { escapeControl, truncateTo } from '@msf-scaler/scaler';

/** What `calendar put` wrote: its text line, and its `--json` document. */
interface CalendarPutReport {
  readonly table: string;
  /** The name after `calendar:`. */
  readonly name: string;
  /** The dates now, sorted. */
  readonly dates: readonly string[];
  readonly description?: string;
  /** No item `calendar:<name>` existed before. */
  readonly created: boolean;
  /** Dates the calendar did not have before. */
  readonly added: readonly string[];
  /** Dates it had and has no more. */
  readonly removed: readonly string[];
}

/** One calendar item of `calendar list`. */
interface CalendarListing {
  /** The name after `calendar:` (for an invalid item, whatever its appName holds there). */
  readonly name: string;
  readonly valid: boolean;
  /** Sorted; absent for an invalid item. */
  readonly dates?: readonly string[];
  readonly description?: string;
  /** Why an invalid item is invalid: the rows naming it run without it. */
  readonly issues?: readonly string[];
  readonly warnings: readonly string[];
}

/** Dates listed in a line before the rest are counted. */
const MAX_LISTED_DATES = 5;

function listed(dates: readonly string[], sign: string): string {
  const shown = dates.slice(0, MAX_LISTED_DATES).map((date) => `${sign}${date}`);
  const more = dates.length > MAX_LISTED_DATES ? [`and ${dates.length - MAX_LISTED_DATES} more`] : [];
  return [...shown, ...more].join(' ');
}

function spanOf(dates: readonly string[]): string {
  const count = `${dates.length} date${dates.length === 1 ? '' : 's'}`;
  const [first] = dates;
  const last = dates[dates.length - 1];
  if (first === undefined || last === undefined) return count;
  return first === last ? `${count}: ${first}` : `${count} from ${first} to ${last}`;
}

/**
 * The line `calendar put` prints: `calendar us-holidays: 7 dates from 2026-01-01 to 2026-12-25
 * (created)`, or `(replaced: +2026-11-27 -2026-12-31)`, or `(unchanged)`.
 *
 * @example
 * io.stdout.write(`${renderCalendarPut(report)}\n`);
 */
function renderCalendarPut(report: CalendarPutReport): string {
  const change = report.created
    ? 'created'
    : report.added.length === 0 && report.removed.length === 0
      ? 'dates unchanged'
      : `replaced: ${[listed(report.added, '+'), listed(report.removed, '-')].filter((part) => part !== '').join(' ')}`;
  return escapeControl(`calendar ${report.name}: ${spanOf(report.dates)} (${change})`);
}

/**
 * The table `calendar list` prints, one line per calendar item in name order: name, number of
 * dates, first and last date, and the description (or why the item is invalid). Cells have
 * their control characters escaped and no line is longer than `width`.
 *
 * @example
 * for (const line of renderCalendarList(listings, 400)) io.stdout.write(`${line}\n`);
 */
function renderCalendarList(listings: readonly CalendarListing[], width: number): string[] {
  const rows = listings.map((listing) => {
    const dates = listing.dates ?? [];
    return [
      escapeControl(listing.name),
      listing.valid ? String(dates.length) : '-',
      dates[0] ?? '-',
      dates[dates.length - 1] ?? '-',
      escapeControl(listing.valid ? (listing.description ?? '') : `invalid: ${listing.issues?.[0] ?? ''}`),
    ];
  });
  const header = ['CALENDAR', 'DATES', 'FIRST', 'LAST', 'DESCRIPTION'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((cells) => (cells[column] ?? '').length)),
  );
  return [header, ...rows].map((cells) =>
    truncateTo(
      cells
        .map((text, column) => (column === cells.length - 1 ? text : text.padEnd(widths[column] ?? 0)))
        .join('  ')
        .trimEnd(),
      width,
    ),
  );
}

export type { CalendarListing, CalendarPutReport };
export { renderCalendarList, renderCalendarPut };
