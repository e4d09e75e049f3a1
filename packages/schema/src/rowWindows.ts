import type { Row } from './rowSchema';
import type { ScheduleWindow } from './windows';

/** The attributes of a row that hold its windows. */
type RowWindowFields = Pick<Row, 'scaleUpHour' | 'scaleDownHour' | 'highKPU' | 'peakDays' | 'windows'>;

/**
 * The simple window of a row (`scaleUpHour`, `scaleDownHour`, `highKPU`, `peakDays`) as a
 * window, or `undefined` when the row has none (it then has `windows`).
 *
 * @example
 * ```ts
 * simpleWindowOf({ scaleUpHour: 8, scaleDownHour: 20, highKPU: 4, peakDays: WEEKDAYS });
 * // { from: 8, to: 20, kpu: 4, days: WEEKDAYS }
 * ```
 */
function simpleWindowOf(row: RowWindowFields): ScheduleWindow | undefined {
  const { scaleUpHour, scaleDownHour, highKPU, peakDays } = row;
  if (scaleUpHour === undefined || scaleDownHour === undefined || highKPU === undefined) return undefined;
  return { from: scaleUpHour, to: scaleDownHour, kpu: highKPU, days: peakDays };
}

/**
 * Every window of a row, in order: the simple window first when the row has one, then
 * `windows`. Window indexes in rules and messages count in this order.
 *
 * @example
 * ```ts
 * windowsOf({ ...row, windows: [{ from: 20, to: 23, kpu: 4, days: WEEKDAYS }] }).length; // 2 with the simple window
 * ```
 */
function windowsOf(row: RowWindowFields): readonly ScheduleWindow[] {
  const simple = simpleWindowOf(row);
  const listed = row.windows ?? [];
  return simple === undefined ? listed : [simple, ...listed];
}

export type { RowWindowFields };
export { simpleWindowOf, windowsOf };
