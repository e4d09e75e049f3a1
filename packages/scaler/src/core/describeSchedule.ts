import { type Row, windowsOf } from '@msf-scaler/schema';
import { describeHours } from './window';

/**
 * A row's schedule in words, for tables and timelines. A simple row reads as it always did
 * (`1-4 KPU, 08:00-20:00 UTC every day`); a row with several windows lists each with its KPU
 * (`2 KPU, else 8 KPU 08:00-18:00 Europe/Berlin MON-FRI, 4 KPU 18:00-22:00 Europe/Berlin MON-FRI`);
 * holidays, calendars and overrides are named by count.
 *
 * @example
 * describeSchedule(row); // '1-4 KPU, 08:00-20:00 UTC every day'
 */
function describeSchedule(row: Row): string {
  const windows = windowsOf(row);
  const extras = [
    row.holidays !== undefined && row.holidays.length > 0
      ? `${row.holidays.length} holiday${row.holidays.length === 1 ? '' : 's'}`
      : '',
    row.calendars !== undefined && row.calendars.length > 0 ? `calendars ${row.calendars.join(', ')}` : '',
    row.overrides !== undefined && row.overrides.length > 0
      ? `${row.overrides.length} override${row.overrides.length === 1 ? '' : 's'}`
      : '',
  ].filter((extra) => extra !== '');
  const tail = extras.length === 0 ? '' : `; ${extras.join(', ')}`;
  const [only] = windows;
  if (windows.length === 1 && only !== undefined) {
    return `${row.lowKPU}-${only.kpu} KPU, ${describeHours(only.from, only.to, row.timezone, only.days)}${tail}`;
  }
  const listed = windows.map(
    (window) => `${window.kpu} KPU ${describeHours(window.from, window.to, row.timezone, window.days)}`,
  );
  return `${row.lowKPU} KPU, else ${listed.join(', ')}${tail}`;
}

/** The highest KPU any window of the row asks for (its `highKPU` for a simple row); `lowKPU` with none. */
function highestKpuOf(row: Row): number {
  return Math.max(row.lowKPU, ...windowsOf(row).map((window) => window.kpu));
}

export { describeSchedule, highestKpuOf };
