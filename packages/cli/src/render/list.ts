import { Style } from '@msf-scaler/commons';
import { escapeControl, fitTable, truncateTo } from '@msf-scaler/scaler';
import type { ListedRow, Listing } from '../list/listRows';

/** Options of {@link renderListLines}. */
interface ListRenderOptions {
  readonly colour: boolean;
  /** Longest line: the terminal's width on a TTY, 400 when piped. */
  readonly width: number;
}

/** Widest APP cell; longer names are cut with `…` (`--json` keeps them whole). */
const MAX_APP_WIDTH = 40;
/** Narrowest SCHEDULE column kept however narrow the terminal. */
const MIN_LAST_WIDTH = 20;
const HEADERS = ['APP', 'ROW', 'STATUS', 'KPU', 'NEXT CHANGE', 'SCHEDULE'] as const;

function rowState(row: ListedRow): string {
  if (!row.valid) return 'invalid';
  return row.enabled === false ? 'disabled' : 'enabled';
}

/** `4 -> 8`: the application's KPU now and the target now. */
function kpuCell(row: ListedRow): string {
  // A disabled row is left alone: its target means nothing now.
  if (row.targetKPU === undefined || row.enabled === false) return '-';
  return `${row.currentKPU ?? '?'} -> ${row.targetKPU}`;
}

/** `2026-11-27 20:00 UTC (21:00 Europe/Berlin) -> 1`. */
function nextCell(row: ListedRow): string {
  const next = row.next;
  if (next === undefined) return row.valid ? 'none in 35 days' : '-';
  const utc = `${next.at.slice(0, 16).replace('T', ' ')} UTC`;
  const local = next.timezone === 'UTC' ? '' : ` (${next.localTime.slice(11)} ${next.timezone})`;
  return `${utc}${local} -> ${next.targetKPU}`;
}

/** The last column: what the row asks for, or why it cannot be used. */
function lastCell(row: ListedRow): string {
  if (!row.valid) return row.problem ?? 'invalid';
  if (row.applicationError !== undefined) return `${row.schedule ?? ''}; application: ${row.applicationError}`;
  return row.schedule ?? '';
}

function cellsOf(row: ListedRow): string[] {
  return [
    truncateTo(escapeControl(row.rowId), MAX_APP_WIDTH),
    rowState(row),
    row.status ?? (row.applicationError === undefined ? '-' : 'error'),
    kpuCell(row),
    nextCell(row),
    escapeControl(lastCell(row)),
  ];
}

const STATE_STYLE: Readonly<Record<string, Style>> = {
  invalid: Style.RED,
  disabled: Style.YELLOW,
  enabled: Style.GREEN,
};

/**
 * `msf-scaler list` as a table: one line per row in name order (application status, KPU now and
 * target now, the next change in UTC and in the row's zone, the schedule in words), then a summary
 * line. Control characters are escaped and no line is longer than `options.width`.
 *
 * @example
 * for (const line of renderListLines(listing, { colour: false, width: 120 })) console.log(line);
 */
function* renderListLines(listing: Listing, options: ListRenderOptions): Generator<string> {
  const rows = listing.rows.map((row) => {
    const cells = cellsOf(row);
    const style = STATE_STYLE[cells[1] ?? ''];
    return { cells, ...(style === undefined ? {} : { paint: { column: 1, style } }) };
  });
  yield* fitTable(HEADERS, rows, { colour: options.colour, width: options.width, minLastWidth: MIN_LAST_WIDTH });
  const counts = { enabled: 0, disabled: 0, invalid: 0 };
  for (const row of listing.rows) counts[rowState(row) as keyof typeof counts] += 1;
  const calendars = listing.calendars.length === 1 ? '1 calendar' : `${listing.calendars.length} calendars`;
  yield `${listing.rows.length} rows in ${escapeControl(listing.table)} at ${listing.at}: ${counts.enabled} enabled, ${counts.disabled} disabled, ${counts.invalid} invalid; ${calendars}`;
}

export type { ListRenderOptions };
export { renderListLines };
