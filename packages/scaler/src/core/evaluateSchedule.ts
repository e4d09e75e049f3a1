import type { RowWarning } from '@msf-scaler/schema';
import { type Calendars, prepareSchedule, type ScheduleRow, targetAt } from './preparedSchedule';
import { type DecidingRule, describeRule } from './scheduleRule';
import { scheduleWarnings } from './scheduleWarnings';
import { localClockAt } from './window';

/** A row's target at one instant, the rule that decided it, and what the row should be told. */
interface ScheduleEvaluation {
  readonly targetKPU: number;
  /** The deciding rule as text, e.g. `window 08:00-20:00 Europe/Berlin MON-FRI`. */
  readonly rule: string;
  /** The deciding rule as data. */
  readonly decidedBy: DecidingRule;
  /** Wall-clock time in the row's zone, `YYYY-MM-DD HH:mm`. */
  readonly localTime: string;
  /** Missing or invalid calendars, expired overrides, overrides in force for long. */
  readonly warnings: readonly RowWarning[];
}

/**
 * The target KPU of a row at one instant and the rule that decided it. Precedence:
 *
 * 1. an override in force (`from` <= instant < `until`; no `from` is in force since always):
 *    the latest `from` wins, ties go to the highest kpu, then to the first listed;
 * 2. a holiday (the row's own `holidays` and its calendars' dates, in the row's zone): no window
 *    *starts* on it, a window that began the evening before still runs to its end;
 * 3. the highest window in force (the simple window is the first window; same `[from, to)`
 *    local-hour semantics as {@link evaluatePeak}, midnight crossing and DST included);
 * 4. lowKPU, outside every window.
 *
 * Expired overrides are ignored with a warning here rather than in parseRow: only the
 * evaluation has the instant, and parseRow stays timeless. Pure: reads no clock, no env.
 *
 * @param calendars - shared calendars by name (see `calendarsByName`); an unknown or invalid name warns
 * @example
 * ```ts
 * evaluateSchedule(row, new Map(), new Date('2026-12-25T10:00:00Z'));
 * // { targetKPU: 2, rule: 'holiday 2026-12-25 (calendar de-public)', decidedBy: { kind: 'holiday', ... }, ... }
 * ```
 */
function evaluateSchedule(row: ScheduleRow, calendars: Calendars, instant: Date): ScheduleEvaluation {
  const schedule = prepareSchedule(row, calendars);
  const at = instant.getTime();
  const local = localClockAt(row.timezone, instant);
  const { targetKPU, decidedBy } = targetAt(schedule, at, local);
  return {
    targetKPU,
    rule: describeRule(decidedBy, row.timezone),
    decidedBy,
    localTime: local.localTime,
    warnings: scheduleWarnings(row, calendars, schedule.overrides, at),
  };
}

export type { ScheduleEvaluation };
export { evaluateSchedule };
