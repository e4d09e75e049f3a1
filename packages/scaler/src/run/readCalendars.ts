import {
  type CalendarEntry,
  type CalendarParseResult,
  calendarsByName,
  isCalendarItem,
  parseCalendarItem,
} from '@msf-scaler/schema';
import { Outcome } from '../core/outcome';
import type { CalendarSummary, RowOutcome } from './types';

/** What a run reads from the calendar items of its scan. */
interface CalendarsRead {
  readonly calendars: {
    /** Every calendar by name (an invalid one too, so rows naming it are warned). */
    readonly byName: ReadonlyMap<string, CalendarEntry>;
    /** The valid calendars, with their scan positions. */
    readonly read: readonly (CalendarSummary & { readonly position: number })[];
  };
  /** `invalid` outcomes of the calendar items that break the schema, by scan position. */
  readonly calendarOutcomes: ReadonlyMap<number, RowOutcome>;
  /** Scan positions of the items that are application rows. */
  readonly rowPositions: readonly number[];
}

/**
 * Splits a scan into calendar items (`appName` = `calendar:<name>`), parsed once for the whole
 * run, and application rows. No call is made: calendars come with the scan.
 */
function readCalendars(items: readonly unknown[]): CalendarsRead {
  const results: CalendarParseResult[] = [];
  const read: (CalendarSummary & { position: number })[] = [];
  const calendarOutcomes = new Map<number, RowOutcome>();
  const rowPositions: number[] = [];
  items.forEach((item, position) => {
    if (!isCalendarItem(item)) {
      rowPositions.push(position);
      return;
    }
    const result = parseCalendarItem(item, position);
    results.push(result);
    const warnings = result.warnings.map((warning) => warning.message);
    if (result.ok) {
      read.push({ rowId: result.rowId, dates: result.calendar.dates.length, warnings, position });
    } else {
      calendarOutcomes.set(position, {
        rowId: result.rowId,
        outcome: Outcome.INVALID,
        reason: `calendar item: ${result.issues.map((issue) => issue.message).join('; ')}`,
        issues: result.issues,
        warnings,
      });
    }
  });
  return { calendars: { byName: calendarsByName(results), read }, calendarOutcomes, rowPositions };
}

export type { CalendarsRead };
export { readCalendars };
