import {
  type CalendarEntry,
  isUsableCalendar,
  type Override,
  parseIsoInstant,
  type Row,
  type ScheduleWindow,
  windowsOf,
} from '@msf-scaler/schema';
import { type DecidingRule, RuleKind } from './scheduleRule';
import { type LocalClock, windowStartAt } from './window';

/** The attributes of a row the schedule is made of. A validated `Row` is one. */
type ScheduleRow = Pick<
  Row,
  | 'appName'
  | 'lowKPU'
  | 'highKPU'
  | 'scaleUpHour'
  | 'scaleDownHour'
  | 'timezone'
  | 'peakDays'
  | 'windows'
  | 'overrides'
  | 'holidays'
  | 'calendars'
>;

/** Shared holiday calendars by name: usable ones, and invalid items (rows then run without them). */
type Calendars = ReadonlyMap<string, CalendarEntry>;

/** An override with its instants read once. */
interface TimedOverride {
  readonly index: number;
  readonly override: Override;
  /** `-Infinity` when the override has no `from`: in force since always, so any `from` is later. */
  readonly fromMs: number;
  readonly untilMs: number;
}

/**
 * A row's schedule in the form the evaluation reads many times (nextChanges evaluates it at
 * every hour): windows in order, overrides with their instants, and every holiday date with
 * the source that lists it.
 */
interface PreparedSchedule {
  readonly lowKPU: number;
  readonly timezone: string;
  readonly windows: readonly ScheduleWindow[];
  readonly overrides: readonly TimedOverride[];
  /** Holiday date -> the calendar listing it, or `undefined` for the row's own `holidays`. */
  readonly holidays: ReadonlyMap<string, string | undefined>;
}

/** A target and the rule that decided it. */
interface Target {
  readonly targetKPU: number;
  readonly decidedBy: DecidingRule;
}

function timedOverrides(overrides: readonly Override[]): TimedOverride[] {
  return overrides.map((override, index) => ({
    index,
    override,
    fromMs: override.from === undefined ? Number.NEGATIVE_INFINITY : (parseIsoInstant(override.from) ?? Number.NaN),
    // A validated row always parses; NaN (never in force) keeps a bad value harmless anyway.
    untilMs: parseIsoInstant(override.until) ?? Number.NaN,
  }));
}

/**
 * Holiday dates with their source: the row's own first, then its calendars in name order, so
 * a date listed twice is attributed to the row itself. Missing and invalid calendars add
 * nothing (the evaluation warns about them).
 */
function holidaySources(row: ScheduleRow, calendars: Calendars): Map<string, string | undefined> {
  const sources = new Map<string, string | undefined>();
  for (const date of row.holidays ?? []) sources.set(date, undefined);
  for (const name of row.calendars ?? []) {
    const entry = calendars.get(name);
    if (entry === undefined || !isUsableCalendar(entry)) continue;
    for (const date of entry.dates) if (!sources.has(date)) sources.set(date, name);
  }
  return sources;
}

/**
 * Reads a row's schedule once for many evaluations.
 *
 * @example
 * ```ts
 * const schedule = prepareSchedule(row, new Map());
 * targetAt(schedule, instant.getTime(), localClockAt(row.timezone, instant));
 * ```
 */
function prepareSchedule(row: ScheduleRow, calendars: Calendars): PreparedSchedule {
  return {
    lowKPU: row.lowKPU,
    timezone: row.timezone,
    windows: windowsOf(row),
    overrides: timedOverrides(row.overrides ?? []),
    holidays: holidaySources(row, calendars),
  };
}

/** The override that sets the target at `at`: the latest `from` in force, ties to the highest kpu, then the first. */
function overrideInForce(overrides: readonly TimedOverride[], at: number): TimedOverride | undefined {
  let best: TimedOverride | undefined;
  for (const timed of overrides) {
    if (!(timed.fromMs <= at && at < timed.untilMs)) continue;
    if (
      best === undefined ||
      timed.fromMs > best.fromMs ||
      (timed.fromMs === best.fromMs && timed.override.kpu > best.override.kpu)
    ) {
      best = timed;
    }
  }
  return best;
}

/**
 * The target at one instant, given the zone's local clock at it. Precedence: an override in
 * force; else the highest window in force whose occurrence did not start on a holiday (ties
 * to the first in `windowsOf` order); else, when a holiday suppressed a window in force, the
 * holiday (lowKPU); else lowKPU outside every window. A holiday only stops the windows that
 * *start* on it: one that began the evening before runs to its end.
 *
 * @param at - the instant in epoch milliseconds; `local` must be the clock at it
 */
function targetAt(schedule: PreparedSchedule, at: number, local: LocalClock): Target {
  const override = overrideInForce(schedule.overrides, at);
  if (override !== undefined) {
    return {
      targetKPU: override.override.kpu,
      decidedBy: { kind: RuleKind.OVERRIDE, index: override.index, override: override.override },
    };
  }
  let running: { readonly index: number; readonly window: ScheduleWindow } | undefined;
  let suppressed: { readonly index: number; readonly window: ScheduleWindow; readonly date: string } | undefined;
  for (const [index, window] of schedule.windows.entries()) {
    const start = windowStartAt(window.from, window.to, local);
    if (start === null || !window.days.includes(start.weekday)) continue;
    if (schedule.holidays.has(start.date)) {
      if (suppressed === undefined || window.kpu > suppressed.window.kpu)
        suppressed = { index, window, date: start.date };
    } else if (running === undefined || window.kpu > running.window.kpu) {
      running = { index, window };
    }
  }
  if (running !== undefined) {
    return { targetKPU: running.window.kpu, decidedBy: { kind: RuleKind.WINDOW, ...running } };
  }
  if (suppressed !== undefined) {
    const calendar = schedule.holidays.get(suppressed.date);
    return {
      targetKPU: schedule.lowKPU,
      decidedBy: {
        kind: RuleKind.HOLIDAY,
        date: suppressed.date,
        ...(calendar === undefined ? {} : { calendar }),
        windowIndex: suppressed.index,
        window: suppressed.window,
      },
    };
  }
  return { targetKPU: schedule.lowKPU, decidedBy: { kind: RuleKind.OUTSIDE } };
}

export type { Calendars, PreparedSchedule, ScheduleRow, Target, TimedOverride };
export { prepareSchedule, targetAt };
