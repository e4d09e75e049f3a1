import {
  type Calendar,
  type CalendarEntry,
  parseRow,
  type Row,
  type ScheduleWindow,
  WEEKDAYS,
  type Weekday,
} from '@msf-scaler/schema';
import fc from 'fast-check';

/**
 * Generators and a brute-force oracle for the schedule property tests. The oracle shares no
 * code with the core: it reads the local clock with its own formatter, enumerates each window
 * occurrence hour by hour as (local date, local hour) labels, and picks overrides by sorting.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Two weeks of hours: the oracle's range. */
const RANGE_HOURS = 14 * 24;

/** Fixed seed: property runs must not depend on the wall clock (fast-check seeds from it by default). */
const FC_SEED = 0x5c4ed;

/** A zone and the start of a two-week range; each range but UTC's holds a DST change. */
interface ZoneRange {
  readonly timezone: string;
  readonly start: number;
}

const ZONE_RANGES: readonly ZoneRange[] = [
  { timezone: 'UTC', start: Date.parse('2026-03-02T00:00:00Z') },
  // DST starts 2026-03-29 and ends 2026-10-25.
  { timezone: 'Europe/Berlin', start: Date.parse('2026-03-22T00:00:00Z') },
  { timezone: 'Europe/Berlin', start: Date.parse('2026-10-18T00:00:00Z') },
  // DST starts 2026-03-08 and ends 2026-11-01.
  { timezone: 'America/New_York', start: Date.parse('2026-03-01T00:00:00Z') },
  { timezone: 'America/New_York', start: Date.parse('2026-10-25T00:00:00Z') },
  // Southern hemisphere: DST ends 2026-04-05 and starts 2026-10-04.
  { timezone: 'Australia/Sydney', start: Date.parse('2026-03-29T00:00:00Z') },
  { timezone: 'Australia/Sydney', start: Date.parse('2026-09-27T00:00:00Z') },
];

const CALENDAR_NAMES = ['de-public', 'company', 'us-federal'] as const;

/** What a generated case holds: a parsed row, its calendars and its range. */
interface ScheduleCase {
  readonly row: Row;
  readonly calendars: ReadonlyMap<string, CalendarEntry>;
  readonly range: ZoneRange;
}

/** Every whole hour of the range, start included, as epoch milliseconds. */
function hoursOf(range: ZoneRange): number[] {
  return Array.from({ length: RANGE_HOURS + 1 }, (_, hour) => range.start + hour * HOUR_MS);
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The UTC dates around a range (a day either side): holidays are drawn from them. */
function datesAround(range: ZoneRange): string[] {
  return Array.from({ length: 17 }, (_, day) => isoDate(range.start + (day - 1) * DAY_MS));
}

/** An instant written with one of several offsets, as operators write them. */
function writtenInstant(ms: number, offsetMinutes: number): string {
  if (offsetMinutes === 0) return new Date(ms).toISOString().replace('.000Z', 'Z');
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const hour = fc.integer({ min: 0, max: 23 });
const hours = fc.tuple(hour, hour).filter(([from, to]) => from !== to);
const days = fc.subarray([...WEEKDAYS], { minLength: 1 });
const offset = fc.constantFrom(0, 60, -300, 345);

function windowArbitrary(low: number) {
  return fc.record(
    {
      hours,
      kpu: fc.integer({ min: low, max: low + 8 }),
      days,
    },
    { requiredKeys: ['hours', 'kpu'] },
  );
}

/**
 * An override around the range. `wholeHours` keeps from and until on whole hours (for
 * comparisons with hourly evaluations); otherwise they fall on any minute.
 */
function overrideArbitrary(range: ZoneRange, wholeHours: boolean) {
  const unit = wholeHours ? HOUR_MS : 60_000;
  const span = (RANGE_HOURS + 48) * (HOUR_MS / unit);
  return fc
    .record({
      start: fc.integer({ min: 0, max: span }),
      length: fc.integer({ min: 1, max: (96 * HOUR_MS) / unit }),
      hasFrom: fc.boolean(),
      kpu: fc.integer({ min: 1, max: 20 }),
      by: fc.option(fc.constantFrom('ops', 'alice'), { nil: undefined }),
      fromOffset: offset,
      untilOffset: offset,
    })
    .map((o) => {
      const from = range.start - 24 * HOUR_MS + o.start * unit;
      const until = from + o.length * unit;
      return {
        kpu: o.kpu,
        until: writtenInstant(until, o.untilOffset),
        ...(o.hasFrom ? { from: writtenInstant(from, o.fromOffset) } : {}),
        reason: `case ${o.start}`,
        ...(o.by === undefined ? {} : { by: o.by }),
      };
    });
}

interface CaseOptions {
  /** Overrides on whole hours only. @default false */
  readonly wholeHourOverrides?: boolean;
  /** Zones and ranges to draw from. @default every ZONE_RANGES entry */
  readonly ranges?: readonly ZoneRange[];
}

/** A row with windows (and maybe the simple window), overrides, holidays and calendars. */
function scheduleCase(options: CaseOptions = {}): fc.Arbitrary<ScheduleCase> {
  return fc.constantFrom(...(options.ranges ?? ZONE_RANGES)).chain((range) =>
    fc.integer({ min: 1, max: 4 }).chain((low) => {
      const dates = datesAround(range);
      return fc
        .record({
          simple: fc.option(windowArbitrary(low), { nil: undefined }),
          windows: fc.array(windowArbitrary(low), { maxLength: 3 }),
          overrides: fc.array(overrideArbitrary(range, options.wholeHourOverrides ?? false), { maxLength: 3 }),
          holidays: fc.option(fc.subarray(dates, { maxLength: 3 }), { nil: undefined }),
          calendars: fc.option(fc.subarray([...CALENDAR_NAMES, 'missing-one']), { nil: undefined }),
          calendarDates: fc.tuple(...CALENDAR_NAMES.map(() => fc.subarray(dates, { maxLength: 3 }))),
          invalid: fc.constantFrom(...CALENDAR_NAMES, undefined),
        })
        .filter((c) => c.simple !== undefined || c.windows.length > 0)
        .map((c): ScheduleCase => {
          const raw: Record<string, unknown> = {
            appName: 'generated',
            lowKPU: low,
            timezone: range.timezone,
            ...(c.simple === undefined
              ? {}
              : {
                  scaleUpHour: c.simple.hours[0],
                  scaleDownHour: c.simple.hours[1],
                  highKPU: c.simple.kpu,
                  ...(c.simple.days === undefined ? {} : { peakDays: c.simple.days }),
                }),
            ...(c.windows.length === 0
              ? {}
              : {
                  windows: c.windows.map((w) => ({
                    from: w.hours[0],
                    to: w.hours[1],
                    kpu: w.kpu,
                    ...(w.days === undefined ? {} : { days: w.days }),
                  })),
                }),
            ...(c.overrides.length === 0 ? {} : { overrides: c.overrides }),
            ...(c.holidays === undefined ? {} : { holidays: new Set(c.holidays) }),
            ...(c.calendars === undefined ? {} : { calendars: c.calendars }),
          };
          const parsed = parseRow(raw, 0);
          if (!parsed.ok) throw new Error(parsed.issues.map((issue) => issue.message).join('\n'));
          const calendars = new Map<string, CalendarEntry>(
            CALENDAR_NAMES.map((name, index): [string, CalendarEntry] =>
              name === c.invalid
                ? [name, { name, problem: 'invalid on purpose' }]
                : [name, { name, dates: [...new Set(c.calendarDates[index] ?? [])].sort() } satisfies Calendar],
            ),
          );
          return { row: parsed.row, calendars, range };
        });
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// The oracle
// ---------------------------------------------------------------------------------------------

const oracleFormatters = new Map<string, Intl.DateTimeFormat>();

/** Local (date, hour) of an instant, read with a formatter of the oracle's own. */
function oracleLocal(timezone: string, ms: number): { readonly date: string; readonly hour: number } {
  let formatter = oracleFormatters.get(timezone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone: timezone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      hourCycle: 'h23',
    });
    oracleFormatters.set(timezone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(new Date(ms)).map((part) => [part.type, part.value]));
  const date = `${parts.year}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
  return { date, hour: Number(parts.hour) };
}

const shiftedDates = new Map<string, string>();

function addDays(date: string, count: number): string {
  // Cached: the oracle asks for the same few dates thousands of times.
  const key = `${date}${count}`;
  let shifted = shiftedDates.get(key);
  if (shifted === undefined) {
    shifted = isoDate(Date.parse(`${date}T00:00:00Z`) + count * DAY_MS);
    shiftedDates.set(key, shifted);
  }
  return shifted;
}

function weekdayOfDate(date: string): Weekday {
  return WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7] ?? 'MON';
}

/** The oracle's own list of windows: the simple one first, then `windows`. */
function oracleWindows(row: Row): ScheduleWindow[] {
  const simple =
    row.scaleUpHour !== undefined && row.scaleDownHour !== undefined && row.highKPU !== undefined
      ? [{ from: row.scaleUpHour, to: row.scaleDownHour, kpu: row.highKPU, days: row.peakDays }]
      : [];
  return [...simple, ...(row.windows ?? [])];
}

/** Whether the occurrence of `window` that starts on local `day` holds local (date, hour): listed hour by hour. */
function occurrenceHolds(window: ScheduleWindow, day: string, local: { date: string; hour: number }): boolean {
  const length = (window.to - window.from + 24) % 24;
  for (let k = 0; k < length; k++) {
    const clock = window.from + k;
    if (addDays(day, Math.floor(clock / 24)) === local.date && clock % 24 === local.hour) return true;
  }
  return false;
}

/** What the oracle expects at one instant: the target, the kind of rule, and the override's index when one decides. */
interface OracleResult {
  readonly targetKPU: number;
  readonly kind: 'override' | 'holiday' | 'window' | 'outside';
  readonly overrideIndex?: number;
}

/** A brute-force evaluation, straight from the issue's words. */
function oracleEvaluate(row: Row, calendars: ReadonlyMap<string, CalendarEntry>, ms: number): OracleResult {
  const inForce = (row.overrides ?? [])
    .map((override, index) => ({
      override,
      index,
      from: override.from === undefined ? Number.NEGATIVE_INFINITY : Date.parse(override.from),
      until: Date.parse(override.until),
    }))
    .filter((o) => o.from <= ms && ms < o.until)
    .sort((a, b) => b.from - a.from || b.override.kpu - a.override.kpu || a.index - b.index);
  const winner = inForce[0];
  if (winner !== undefined) return { targetKPU: winner.override.kpu, kind: 'override', overrideIndex: winner.index };

  const holidays = new Set(row.holidays ?? []);
  for (const name of row.calendars ?? []) {
    const entry = calendars.get(name);
    if (entry !== undefined && 'dates' in entry) for (const date of entry.dates) holidays.add(date);
  }
  const local = oracleLocal(row.timezone, ms);
  let running: number | undefined;
  let suppressed = false;
  for (const window of oracleWindows(row)) {
    for (const day of [local.date, addDays(local.date, -1)]) {
      if (!window.days.includes(weekdayOfDate(day)) || !occurrenceHolds(window, day, local)) continue;
      if (holidays.has(day)) suppressed = true;
      else running = Math.max(running ?? 0, window.kpu);
    }
  }
  if (running !== undefined) return { targetKPU: running, kind: 'window' };
  return { targetKPU: row.lowKPU, kind: suppressed ? 'holiday' : 'outside' };
}

export type { OracleResult, ScheduleCase, ZoneRange };
export { FC_SEED, HOUR_MS, hoursOf, oracleEvaluate, RANGE_HOURS, scheduleCase, ZONE_RANGES };
