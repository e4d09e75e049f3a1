import { paint, Style } from '@msf-scaler/commons';

/** One hour of one application on the timeline. */
interface TimelineCell {
  /** KPUs in use during the hour; `null` when the application is not running. */
  readonly kpu: number | null;
  /** The KPU went up or down at the start of the hour (a run scaled it, or the schedule's target changed). */
  readonly event?: 'up' | 'down';
}

/** One line of the timeline. */
interface TimelineApp {
  readonly name: string;
  /** Text printed after the bar, e.g. the schedule: `1-4 KPU, 08:00-20:00 UTC every day`. */
  readonly label: string;
  /** One cell per hour, from `start`. */
  readonly cells: readonly TimelineCell[];
}

/** What {@link renderTimeline} draws: hour columns from `start` (UTC), one line per application. */
interface TimelineData {
  /** Instant of the first column; columns are whole UTC hours. */
  readonly start: Date;
  readonly apps: readonly TimelineApp[];
  /** KPU drawn as a full block. @default the largest KPU in the cells */
  readonly maxKpu?: number;
  /** What ↑/↓ mark, for the legend. @default 'the run at that hour scaled up/down' */
  readonly eventLegend?: string;
}

/** Options of {@link renderTimeline}. */
interface TimelineOptions {
  /** ANSI colours (only when stdout is a TTY and NO_COLOR is unset). @default false */
  readonly colour?: boolean;
}

/** Eight heights: a cell's block is its KPU as a share of `maxKpu`. */
const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;
const NOT_RUNNING = '·';
const UP = '↑';
const DOWN = '↓';
const HOUR_MS = 3_600_000;
/** Hour labels on the ruler every this many hours. */
const RULER_STEP = 6;
const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** `Fri 27 Nov`: how the timeline and the notes name a UTC day. */
function dayLabel(instant: Date): string {
  return `${DAY_NAMES[instant.getUTCDay()] ?? ''} ${instant.getUTCDate()} ${MONTH_NAMES[instant.getUTCMonth()] ?? ''}`;
}

/** Writes `text` into `line` from `column`, never at or past `limit` (the line grows if needed). */
function place(line: string[], column: number, text: string, limit: number): void {
  for (let i = 0; i < text.length && column + i < limit; i += 1) line[column + i] = text[i] ?? ' ';
  for (let i = 0; i < line.length; i += 1) line[i] ??= ' ';
}

function blockFor(kpu: number, maxKpu: number): string {
  if (kpu <= 0) return ' ';
  const level = Math.min(BLOCKS.length, Math.max(1, Math.ceil((kpu / maxKpu) * BLOCKS.length)));
  return BLOCKS[level - 1] ?? '█';
}

function columnCount(data: TimelineData): number {
  return Math.max(0, ...data.apps.map((app) => app.cells.length));
}

function largestKpu(data: TimelineData): number {
  return Math.max(1, ...data.apps.flatMap((app) => app.cells.map((cell) => cell.kpu ?? 0)));
}

/** Day names where a UTC day starts (and at column 0), cut short where the next one begins; the last may run past the bar. */
function dayHeader(start: Date, columns: number): string {
  const line = Array.from({ length: columns }, () => ' ');
  const starts: number[] = [];
  for (let column = 0; column < columns; column += 1) {
    if (column === 0 || new Date(start.getTime() + column * HOUR_MS).getUTCHours() === 0) starts.push(column);
  }
  starts.forEach((column, index) => {
    const next = starts[index + 1];
    const limit = next === undefined ? Number.POSITIVE_INFINITY : next - 1;
    place(line, column, dayLabel(new Date(start.getTime() + column * HOUR_MS)), limit);
  });
  return line.join('').trimEnd();
}

/** `00    06    12    18` under the columns whose UTC hour is a multiple of 6. */
function hourRuler(start: Date, columns: number): string {
  const line = Array.from({ length: columns }, () => ' ');
  for (let column = 0; column < columns; column += 1) {
    const hour = new Date(start.getTime() + column * HOUR_MS).getUTCHours();
    if (hour % RULER_STEP === 0) place(line, column, pad2(hour), columns);
  }
  return line.join('').trimEnd();
}

function bar(cells: readonly TimelineCell[], columns: number, maxKpu: number, colour: boolean): string {
  return Array.from({ length: columns }, (_, column) => {
    const cell = cells[column];
    if (cell === undefined) return ' ';
    if (cell.kpu === null) return paint(NOT_RUNNING, Style.DIM, colour);
    return paint(blockFor(cell.kpu, maxKpu), Style.CYAN, colour);
  }).join('');
}

function markers(cells: readonly TimelineCell[], colour: boolean): string {
  const line = cells.map((cell) => {
    if (cell.event === 'up') return paint(UP, Style.GREEN, colour);
    if (cell.event === 'down') return paint(DOWN, Style.YELLOW, colour);
    return ' ';
  });
  return line.join('').trimEnd();
}

/**
 * Draws the per-application timeline: a day header and an hour ruler (UTC), then for each
 * application one character per hour (its KPU as a block ▁..█, `·` when not running) followed
 * by its label, and under it a line with ↑/↓ at the hours a run scaled it. Pure: the same data
 * gives the same text; nothing is read from the clock.
 *
 * @example
 * renderTimeline({ start: new Date('2026-11-27T00:00:00Z'), apps: [{ name: 'orders', label: '1-4 KPU', cells }] });
 * // '          Fri 27 Nov\nUTC hour  00    06    12    18\norders    ▁▁▁▁▁▁▁▁████████████▁▁▁▁  1-4 KPU\n                  ↑           ↓\n...'
 */
function renderTimeline(data: TimelineData, options: TimelineOptions = {}): string {
  const colour = options.colour ?? false;
  const columns = columnCount(data);
  const maxKpu = data.maxKpu ?? largestKpu(data);
  const rulerTitle = 'UTC hour';
  const nameWidth = Math.max(rulerTitle.length, ...data.apps.map((app) => app.name.length)) + 2;
  const indent = ' '.repeat(nameWidth);
  const lines: string[] = [
    paint(`${indent}${dayHeader(data.start, columns)}`, Style.BOLD, colour),
    `${rulerTitle.padEnd(nameWidth)}${hourRuler(data.start, columns)}`,
  ];
  for (const app of data.apps) {
    lines.push(`${app.name.padEnd(nameWidth)}${bar(app.cells, columns, maxKpu, colour)}  ${app.label}`.trimEnd());
    const marks = markers(app.cells, colour);
    if (marks !== '') lines.push(`${indent}${marks}`);
  }
  const scale =
    maxKpu === BLOCKS.length
      ? `${BLOCKS[0]} 1 KPU … ${BLOCKS[BLOCKS.length - 1]} ${maxKpu} KPU`
      : `${BLOCKS[BLOCKS.length - 1]} = ${maxKpu} KPU`;
  lines.push(
    '',
    `One column per hour (UTC); ${scale}; ${NOT_RUNNING} not running; ${UP}/${DOWN} ${data.eventLegend ?? 'the run at that hour scaled up/down'}.`,
  );
  return lines.join('\n');
}

/**
 * Timeline cells from a schedule's hourly targets: each hour's KPU, with ↑/↓ where the target
 * differs from the hour before.
 *
 * @example
 * cellsFromTargets([1, 4, 4, 1]); // [{ kpu: 1 }, { kpu: 4, event: 'up' }, { kpu: 4 }, { kpu: 1, event: 'down' }]
 */
function cellsFromTargets(targets: readonly number[]): TimelineCell[] {
  return targets.map((kpu, hour) => {
    const before = targets[hour - 1];
    if (before === undefined || before === kpu) return { kpu };
    return { kpu, event: kpu > before ? 'up' : 'down' };
  });
}

export type { TimelineApp, TimelineCell, TimelineData, TimelineOptions };
export { cellsFromTargets, dayLabel, renderTimeline };
