import {
  CALENDAR_PREFIX,
  describeOverride,
  isUsableCalendar,
  LONG_OVERRIDE_DAYS,
  type RowWarning,
  rowLabelOf,
  suggest,
} from '@msf-scaler/schema';
import type { Calendars, ScheduleRow, TimedOverride } from './preparedSchedule';

const DAY_MS = 86_400_000;

/** A row naming a calendar that does not exist, or whose item is invalid: it runs without it. */
function calendarWarnings(row: ScheduleRow, calendars: Calendars, label: string): RowWarning[] {
  const known = [...calendars.keys()];
  return (row.calendars ?? []).flatMap((name): RowWarning[] => {
    const entry = calendars.get(name);
    const rowId = row.appName;
    if (entry === undefined) {
      const suggestion = suggest(name, known);
      const hint = suggestion === undefined ? '' : `; did you mean "${suggestion}"?`;
      const message = `${label}: calendar "${name}" does not exist (no item has appName "${CALENDAR_PREFIX}${name}"), so the row runs without it${hint}`;
      return [{ rowId, attribute: 'calendars', message, ...(suggestion === undefined ? {} : { suggestion }) }];
    }
    if (isUsableCalendar(entry)) return [];
    return [
      {
        rowId,
        attribute: 'calendars',
        message: `${label}: calendar "${name}" is invalid (see the outcome of "${CALENDAR_PREFIX}${name}"), so the row runs without it`,
      },
    ];
  });
}

function named(timed: TimedOverride): string {
  return `overrides[${timed.index}] (${describeOverride(timed.override)})`;
}

/**
 * Overrides that expired (until <= instant), in one warning naming them, and overrides without
 * `from` that stay in force longer than 31 days from the instant (those with `from` are
 * parseRow's warning: their length does not depend on the time).
 */
function overrideWarnings(
  row: ScheduleRow,
  overrides: readonly TimedOverride[],
  at: number,
  label: string,
): RowWarning[] {
  const warnings: RowWarning[] = [];
  const expired = overrides.filter((timed) => timed.untilMs <= at);
  if (expired.length > 0) {
    const what =
      expired.length === 1 ? 'override has expired and is' : `${expired.length} overrides have expired and are`;
    warnings.push({
      rowId: row.appName,
      attribute: 'overrides',
      message: `${label}: ${what} ignored: ${expired.map(named).join(', ')}; remove ${expired.length === 1 ? 'it' : 'them'} from overrides`,
    });
  }
  for (const timed of overrides) {
    if (timed.override.from !== undefined || timed.untilMs <= at) continue;
    const days = (timed.untilMs - at) / DAY_MS;
    if (days <= LONG_OVERRIDE_DAYS) continue;
    warnings.push({
      rowId: row.appName,
      attribute: 'overrides',
      message: `${label}: ${named(timed)} stays in force ${Math.round(days * 10) / 10} more days, longer than ${LONG_OVERRIDE_DAYS}; an override is meant to be temporary: check until, or change the schedule instead`,
    });
  }
  return warnings;
}

/**
 * What the evaluation has to say about a row at an instant: calendars it names that are
 * missing (with a did-you-mean) or invalid, expired overrides, and overrides without `from`
 * in force for more than 31 more days.
 */
function scheduleWarnings(
  row: ScheduleRow,
  calendars: Calendars,
  overrides: readonly TimedOverride[],
  at: number,
): RowWarning[] {
  const label = rowLabelOf(row, 0);
  return [...calendarWarnings(row, calendars, label), ...overrideWarnings(row, overrides, at, label)];
}

export { scheduleWarnings };
