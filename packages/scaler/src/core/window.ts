import { formatPeakDays, WEEKDAYS, type Weekday } from '@msf-scaler/schema';

/**
 * A daily peak window: `[scaleUpHour, scaleDownHour)` of local wall-clock time in
 * `timezone`, on the days in `peakDays` (the days a window *starts* on). A validated
 * `Row` is a `PeakWindow`.
 */
interface PeakWindow {
  readonly scaleUpHour: number;
  readonly scaleDownHour: number;
  readonly timezone: string;
  readonly peakDays: readonly Weekday[];
}

/** Where an instant falls relative to a {@link PeakWindow}, with the local clock used to decide. */
interface PeakEvaluation {
  /** Whether the instant is inside a window that started on a peak day. */
  readonly peak: boolean;
  /** Local wall clock in the window's zone, `YYYY-MM-DD HH:mm`, e.g. `2026-11-27 20:00`. */
  readonly localTime: string;
  /** Weekday of the local date. */
  readonly localWeekday: Weekday;
  /** Local hour, 0-23. */
  readonly localHour: number;
  /**
   * The weekday on which the window containing this instant started: the local day for
   * hours at or after scaleUpHour, the previous day for the after-midnight part of a
   * window that crosses midnight. `null` outside the window's hours. Set even when
   * that day is not a peak day (then `peak` is false).
   */
  readonly windowStartDay: Weekday | null;
}

/** Local wall-clock fields of an instant in one zone. */
interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

/** The local wall clock of an instant in one zone, with what window membership needs. */
interface LocalClock extends WallClock {
  /** Local date, `YYYY-MM-DD`. */
  readonly date: string;
  readonly weekday: Weekday;
  /** Local wall clock, `YYYY-MM-DD HH:mm`. */
  readonly localTime: string;
}

/** The local day a window occurrence started on. */
interface WindowStart {
  /** `YYYY-MM-DD`, local. */
  readonly date: string;
  readonly weekday: Weekday;
}

/** One formatter per zone: constructing an Intl.DateTimeFormat costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // en-US + latn digits: the parts must be ASCII numbers whatever the host locale is.
    // h23: midnight is hour 0 (the default h24 cycle of some locales would say 24).
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      numberingSystem: 'latn',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The zone's real wall clock at the instant. Asking ICU for the local time of a UTC
 * instant (rather than building an instant from a local time) is what makes DST safe:
 * a skipped local hour is simply never returned, a repeated one is returned for both
 * instants, and nothing can throw or be ambiguous.
 */
function wallClock(timeZone: string, instant: Date): WallClock {
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    const value = Number(part.value);
    switch (part.type) {
      case 'year':
        year = value;
        break;
      case 'month':
        month = value;
        break;
      case 'day':
        day = value;
        break;
      case 'hour':
        hour = value % 24;
        break;
      case 'minute':
        minute = value;
        break;
      default:
        break;
    }
  }
  return { year, month, day, hour, minute };
}

/** Weekday of a calendar date, computed from the date itself rather than from localized names. */
function weekdayOf(year: number, month: number, day: number): Weekday {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  // getUTCDay is 0 for Sunday; WEEKDAYS starts on Monday.
  return WEEKDAYS[(date.getUTCDay() + 6) % 7] ?? 'MON';
}

function previousWeekday(day: Weekday): Weekday {
  return WEEKDAYS[(WEEKDAYS.indexOf(day) + 6) % 7] ?? day;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function dateText(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The calendar date before `year-month-day`, as `YYYY-MM-DD`. */
function previousDate(year: number, month: number, day: number): string {
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  date.setUTCFullYear(year, month - 1, day - 1);
  return dateText(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * The zone's local clock at `instant`: date, weekday, hour and minute as the zone's real wall
 * clock shows them (DST-safe, see {@link wallClock}). Read once per instant and shared by
 * every window of a row.
 *
 * @throws RangeError when `timeZone` is unknown to ICU or `instant` is an invalid Date.
 * @example
 * ```ts
 * localClockAt('Europe/Berlin', new Date('2026-11-27T10:00:00Z')).localTime; // '2026-11-27 11:00'
 * ```
 */
function localClockAt(timeZone: string, instant: Date): LocalClock {
  const clock = wallClock(timeZone, instant);
  const date = dateText(clock.year, clock.month, clock.day);
  return {
    ...clock,
    date,
    weekday: weekdayOf(clock.year, clock.month, clock.day),
    localTime: `${date} ${pad(clock.hour)}:${pad(clock.minute)}`,
  };
}

/**
 * The one implementation of window membership: the day on which the occurrence of the window
 * `[from, to)` that contains the local clock started, or `null` when the local hour is outside
 * the window's hours. A window belongs to the day it starts on: the after-midnight part of a
 * window that crosses midnight started the day before. Which days a window runs on (its
 * `days`, holidays) is the caller's to judge from the start day.
 *
 * @example
 * ```ts
 * windowStartAt(22, 6, localClockAt('UTC', new Date('2026-11-28T03:00:00Z')));
 * // { date: '2026-11-27', weekday: 'FRI' }
 * ```
 */
function windowStartAt(from: number, to: number, local: LocalClock): WindowStart | null {
  // Hours elapsed since the most recent `from` (0..23); inside the window when that is less
  // than the window's length.
  const sinceStart = (((local.hour - from) % 24) + 24) % 24;
  if (sinceStart >= windowHours(from, to)) return null;
  // If the most recent `from` is later in the day than now, it was yesterday's.
  if (sinceStart > local.hour) {
    return { date: previousDate(local.year, local.month, local.day), weekday: previousWeekday(local.weekday) };
  }
  return { date: local.date, weekday: local.weekday };
}

/**
 * Length of the window `[up, down)` in hours, counting forward from `up` and wrapping
 * at midnight: 1..23 for a valid row. Equal hours give 0 (the schema refuses them, and
 * {@link evaluatePeak} then never reports peak).
 *
 * @example
 * ```ts
 * windowHours(8, 20); // 12
 * windowHours(22, 6); // 8
 * ```
 */
function windowHours(up: number, down: number): number {
  return (((down - up) % 24) + 24) % 24;
}

/**
 * Whether `instant` is in a peak window. The window is the half-open interval
 * `[scaleUpHour, scaleDownHour)` of local wall-clock time in `timezone`: peak from the
 * first second of scaleUpHour to the last second before scaleDownHour, off-peak at the
 * scale-down hour itself. scaleUpHour > scaleDownHour crosses midnight (22 -> 6 is peak
 * 22:00-05:59). A window belongs to the day it starts on: with peakDays FRI, a 22 -> 6
 * window is peak on Saturday 03:00, and with peakDays MON-FRI Sunday 03:00 is not.
 *
 * Across DST changes the local hour is the zone's real one: a skipped hour never
 * occurs, a repeated hour is evaluated the same both times. Pure: reads no clock and
 * no env.
 *
 * @throws RangeError when `timezone` is unknown to ICU (the schema refuses those) or
 * `instant` is an invalid Date.
 * @example
 * ```ts
 * evaluatePeak({ scaleUpHour: 8, scaleDownHour: 20, timezone: 'UTC', peakDays: WEEKDAYS }, new Date('2026-11-27T20:00:00Z'));
 * // { peak: false, localTime: '2026-11-27 20:00', localWeekday: 'FRI', localHour: 20, windowStartDay: null }
 * ```
 */
function evaluatePeak(window: PeakWindow, instant: Date): PeakEvaluation {
  const { scaleUpHour, scaleDownHour, timezone, peakDays } = window;
  const local = localClockAt(timezone, instant);
  const windowStartDay = windowStartAt(scaleUpHour, scaleDownHour, local)?.weekday ?? null;
  return {
    peak: windowStartDay !== null && peakDays.includes(windowStartDay),
    localTime: local.localTime,
    localWeekday: local.weekday,
    localHour: local.hour,
    windowStartDay,
  };
}

/**
 * One-line description of a window for logs, decisions and listings.
 *
 * @example
 * ```ts
 * describeWindow({ scaleUpHour: 8, scaleDownHour: 20, timezone: 'UTC', peakDays: WEEKDAYS });
 * // '08:00-20:00 UTC every day'
 * describeWindow({ scaleUpHour: 22, scaleDownHour: 6, timezone: 'Europe/Berlin', peakDays: ['MON', 'TUE', 'WED', 'THU', 'FRI'] });
 * // '22:00-06:00 Europe/Berlin MON-FRI (crosses midnight)'
 * ```
 */
function describeWindow(window: PeakWindow): string {
  return describeHours(window.scaleUpHour, window.scaleDownHour, window.timezone, window.peakDays);
}

/**
 * {@link describeWindow} from a window's parts: `08:00-20:00 Europe/Berlin MON-FRI`, with
 * ` (crosses midnight)` when it does.
 *
 * @example
 * ```ts
 * describeHours(22, 6, 'UTC', WEEKDAYS); // '22:00-06:00 UTC every day (crosses midnight)'
 * ```
 */
function describeHours(from: number, to: number, timezone: string, days: readonly Weekday[]): string {
  // A window ending at 00:00 stays on its start day: it ends at midnight but does not cross it.
  const crosses = from > to && to !== 0 ? ' (crosses midnight)' : '';
  return `${pad(from)}:00-${pad(to)}:00 ${timezone} ${formatPeakDays(days)}${crosses}`;
}

export type { LocalClock, PeakEvaluation, PeakWindow, WindowStart };
export { describeHours, describeWindow, evaluatePeak, localClockAt, windowHours, windowStartAt };
