const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/**
 * `YYYY-MM-DDTHH:mm`, optional `:ss` and fraction, then `Z` or `±HH:mm`. Written by hand rather
 * than left to `Date.parse`, which also takes local times without an offset (read in the host's
 * zone: a different instant on every machine) and rolls `2026-02-30` over into March.
 */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/** The largest offset any zone uses is +14:00 (Pacific/Kiritimati); -12:00 the smallest. */
const MAX_OFFSET_HOURS = 14;

const MINUTE_MS = 60_000;

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one (setUTCFullYear: Date.UTC maps 0-99 to 19xx).
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Whether `text` is a real calendar date written `YYYY-MM-DD` (ISO 8601 extended, as holidays
 * and calendar dates are stored): `2026-12-25` yes, `2026-02-30`, `2026-1-5` and `25.12.2026` no.
 *
 * @example
 * ```ts
 * isIsoDate('2028-02-29'); // true (a leap year)
 * isIsoDate('2026-02-29'); // false
 * ```
 */
function isIsoDate(text: string): boolean {
  const match = DATE.exec(text);
  if (match === null) return false;
  const [, year = '', month = '', day = ''] = match;
  return isRealDate(Number(year), Number(month), Number(day));
}

/**
 * The instant an ISO-8601 date-time with `Z` or an offset names, in epoch milliseconds, or
 * `undefined` when `text` is not one: `2026-12-04T18:00:00Z`, `2026-12-04T19:00+01:00` and
 * `2026-12-04T18:00:00.250Z` are instants; `2026-12-04T18:00:00` (no offset, so no instant),
 * `2026-12-04` and `2026-12-04T24:00:00Z` are not. Fractions beyond milliseconds are cut.
 *
 * @example
 * ```ts
 * parseIsoInstant('2026-12-04T19:00:00+01:00') === Date.parse('2026-12-04T18:00:00Z'); // true
 * parseIsoInstant('2026-12-04 18:00'); // undefined
 * ```
 */
function parseIsoInstant(text: string): number | undefined {
  const match = INSTANT.exec(text);
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second = '0', fraction = '', zulu, sign, offsetHours, offsetMinutes] = match;
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  const h = Number(hour);
  const mi = Number(minute);
  const s = Number(second);
  if (!isRealDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return undefined;
  let offset = 0;
  if (zulu === undefined) {
    const oh = Number(offsetHours);
    const om = Number(offsetMinutes);
    if (oh > MAX_OFFSET_HOURS || om > 59) return undefined;
    offset = (sign === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const milliseconds = Number(fraction.padEnd(3, '0').slice(0, 3));
  const utc = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  utc.setUTCFullYear(y, mo - 1, d);
  utc.setUTCHours(h, mi, s, milliseconds);
  return utc.getTime() - offset * MINUTE_MS;
}

export { isIsoDate, parseIsoInstant };
