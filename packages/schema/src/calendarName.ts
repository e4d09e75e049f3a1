import { CALENDAR_NAME_MAX_LENGTH, CALENDAR_NAME_PATTERN, CALENDAR_PREFIX } from './constants';
import { describeKind, describeValue } from './describeValue';

/** The rule of a calendar name, quoted wherever one is checked. */
const CALENDAR_NAME_RULE = `a calendar name is 1-${CALENDAR_NAME_MAX_LENGTH} letters, digits, _ . -, starting with a letter or a digit (case-sensitive)`;

/** The rule of a row's `calendars` attribute. */
const CALENDARS_RULE = `calendars must name calendars as a string set or a list (a DynamoDB SS or L of S); ${CALENDAR_NAME_RULE}; the calendar is the item whose appName is "${CALENDAR_PREFIX}<name>"`;

/** What a list of names may be in the table: a string set (a `Set` from lib-dynamodb) or a list. */
type NameListInput = readonly string[] | ReadonlySet<string>;

/** The outcome of {@link parseCalendarNames}: the names sorted and deduplicated, or the first problem. */
type CalendarNamesResult =
  | { readonly ok: true; readonly names: readonly string[] }
  | { readonly ok: false; readonly problem: string; readonly rule: string };

/**
 * What is wrong with `name` as a calendar name, worded to follow the value
 * (`is 65 characters long`), or `undefined` when it is a good one.
 */
function calendarNameProblem(name: string): string | undefined {
  if (name === '') return 'is empty';
  if (name.length > CALENDAR_NAME_MAX_LENGTH) return `is ${name.length} characters long`;
  if (name.startsWith(CALENDAR_PREFIX))
    return `starts with "${CALENDAR_PREFIX}" (name the calendar without the prefix)`;
  if (!CALENDAR_NAME_PATTERN.test(name)) {
    const bad = [...new Set(name.replace(/[a-zA-Z0-9_.-]/g, ''))];
    return bad.length === 0
      ? 'does not start with a letter or a digit'
      : `contains ${bad.map((c) => JSON.stringify(c)).join(', ')}`;
  }
  return undefined;
}

/**
 * Whether `name` is a valid calendar name: 1-64 letters, digits, `_ . -`, starting with a
 * letter or a digit.
 *
 * @example
 * ```ts
 * isCalendarName('de-public'); // true
 * isCalendarName('de public'); // false
 * ```
 */
function isCalendarName(name: string): boolean {
  return calendarNameProblem(name) === undefined;
}

/**
 * Validates a row's `calendars`: a `Set` or an array of calendar names. Returns them sorted
 * and deduplicated, or the first entry that is not a calendar name.
 *
 * @example
 * ```ts
 * parseCalendarNames(new Set(['de-public', 'company'])); // { ok: true, names: ['company', 'de-public'] }
 * ```
 */
function parseCalendarNames(value: unknown): CalendarNamesResult {
  if (!Array.isArray(value) && !(value instanceof Set)) {
    const what = value === undefined ? 'is missing' : `${describeValue(value)} is ${describeKind(value)}`;
    return { ok: false, problem: `calendars ${what}`, rule: CALENDARS_RULE };
  }
  const valid: string[] = [];
  for (const entry of value as Iterable<unknown>) {
    if (typeof entry !== 'string') {
      return {
        ok: false,
        problem: `calendars has ${describeValue(entry)}, which is ${describeKind(entry)}, not a calendar name`,
        rule: CALENDARS_RULE,
      };
    }
    const problem = calendarNameProblem(entry);
    if (problem !== undefined) {
      return { ok: false, problem: `calendars has ${describeValue(entry)}, which ${problem}`, rule: CALENDARS_RULE };
    }
    valid.push(entry);
  }
  return { ok: true, names: Object.freeze([...new Set(valid)].sort()) };
}

export type { CalendarNamesResult, NameListInput };
export { CALENDAR_NAME_RULE, CALENDARS_RULE, calendarNameProblem, isCalendarName, parseCalendarNames };
