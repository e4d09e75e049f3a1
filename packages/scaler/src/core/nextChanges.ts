import { type Calendars, type PreparedSchedule, prepareSchedule, type ScheduleRow, targetAt } from './preparedSchedule';
import { type DecidingRule, describeRule } from './scheduleRule';
import { type LocalClock, localClockAt } from './window';

/** One future change of a row's target: from `at` on, the target is `targetKPU`. */
interface ScheduleChange {
  readonly at: Date;
  readonly targetKPU: number;
  /** The rule in force from `at`, as text. */
  readonly rule: string;
  readonly decidedBy: DecidingRule;
}

/** Options of {@link nextChanges}. */
interface NextChangesOptions {
  /**
   * How far ahead to look, in days. Five weeks show every weekly pattern several times and an
   * override of the longest length that does not warn (31 days) from start to end.
   * @default 35
   */
  readonly horizonDays?: number;
}

/** Default of {@link NextChangesOptions.horizonDays}. */
const NEXT_CHANGES_HORIZON_DAYS = 35;

/**
 * Every zone's offset, and every DST change, is a whole number of quarter hours (true of all
 * IANA zones since 1972), so a local hour can only begin on a UTC quarter hour.
 */
const QUARTER_HOUR_MS = 900_000;
const DAY_MS = 86_400_000;

function sameLocalHour(a: LocalClock, b: LocalClock): boolean {
  return a.hour === b.hour && a.date === b.date;
}

/** Whether the target can never change: every window, every override to come and lowKPU agree. */
function isConstant(schedule: PreparedSchedule, from: number): boolean {
  const levels = new Set([
    schedule.lowKPU,
    ...schedule.windows.map((window) => window.kpu),
    ...schedule.overrides.filter((timed) => timed.untilMs > from).map((timed) => timed.override.kpu),
  ]);
  return levels.size === 1;
}

/**
 * The next `count` instants after `instant` at which the row's target KPU changes, each with
 * the target and the rule from then on, in time order. The target can only change where a
 * local hour begins in the row's zone (found on the zone's real clock, so DST is handled: a
 * skipped hour never begins, a repeated one begins twice) and at an override's `from` or
 * `until`, which may be any instant. A change of rule that keeps the same KPU is not a change.
 *
 * The search is bounded: it looks `horizonDays` ahead (35 by default) and returns fewer than
 * `count` changes, possibly none, when the target changes less often in that time. A row
 * whose levels are all equal returns at once. Pure: reads no clock.
 *
 * @example
 * ```ts
 * nextChanges(row, new Map(), new Date('2026-11-27T10:00:00Z'), 2);
 * // [{ at: 2026-11-27T20:00:00Z, targetKPU: 1, rule: 'outside every window', ... },
 * //  { at: 2026-11-28T08:00:00Z, targetKPU: 4, rule: 'window 08:00-20:00 UTC every day', ... }]
 * ```
 */
function nextChanges(
  row: ScheduleRow,
  calendars: Calendars,
  instant: Date,
  count: number,
  options: NextChangesOptions = {},
): readonly ScheduleChange[] {
  const start = instant.getTime();
  const end = start + (options.horizonDays ?? NEXT_CHANGES_HORIZON_DAYS) * DAY_MS;
  const schedule = prepareSchedule(row, calendars);
  if (count <= 0 || isConstant(schedule, start)) return [];
  const bounds = [...new Set(schedule.overrides.flatMap((timed) => [timed.fromMs, timed.untilMs]))]
    .filter((bound) => bound > start && bound <= end)
    .sort((a, b) => a - b);
  const changes: ScheduleChange[] = [];
  let local = localClockAt(row.timezone, instant);
  let current = targetAt(schedule, start, local).targetKPU;

  function visit(at: number, clock: LocalClock): void {
    const target = targetAt(schedule, at, clock);
    if (target.targetKPU === current) return;
    current = target.targetKPU;
    changes.push({
      at: new Date(at),
      targetKPU: target.targetKPU,
      rule: describeRule(target.decidedBy, row.timezone),
      decidedBy: target.decidedBy,
    });
  }

  let next = 0;
  for (let step = Math.floor(start / QUARTER_HOUR_MS) * QUARTER_HOUR_MS + QUARTER_HOUR_MS; ; step += QUARTER_HOUR_MS) {
    // Override bounds between two quarter hours: the local hour is still the previous step's.
    while (next < bounds.length && (bounds[next] ?? end) < Math.min(step, end + 1) && changes.length < count) {
      visit(bounds[next] ?? end, local);
      next++;
    }
    if (step > end || changes.length >= count) break;
    const clock = localClockAt(row.timezone, new Date(step));
    const onBound = bounds[next] === step;
    if (onBound) next++;
    if (onBound || !sameLocalHour(clock, local)) visit(step, clock);
    local = clock;
  }
  return changes;
}

export type { NextChangesOptions, ScheduleChange };
export { NEXT_CHANGES_HORIZON_DAYS, nextChanges };
