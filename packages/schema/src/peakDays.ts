import { WEEKDAYS, type Weekday } from './constants';
import { describeKind, describeValue } from './describeValue';
import { suggest } from './suggest';

/** The rule quoted when a days value (`peakDays`, a window's `days`) has the wrong shape or an unknown day name. */
function daysRule(attribute: string): string {
  const leaveOut = attribute === 'peakDays' ? 'remove the attribute' : 'leave it out';
  return `${attribute} must name days (MON..SUN or Monday..Sunday) as a list, a string set, or a string such as "MON-FRI", "SAT,SUN" or "FRI-MON"; ${leaveOut} for every day`;
}

/** The rule quoted when a days value names no day at all. */
function daysEmptyRule(attribute: string): string {
  const leaveOut = attribute === 'peakDays' ? 'remove the attribute' : 'leave it out';
  return `${attribute} must name at least one day; ${leaveOut} for every day`;
}

/** The rule quoted when `peakDays` has the wrong shape or an unknown day name. */
const PEAK_DAYS_RULE = daysRule('peakDays');

/** The rule quoted when `peakDays` names no day at all. */
const PEAK_DAYS_EMPTY_RULE = daysEmptyRule('peakDays');

/**
 * What `peakDays` may hold before normalization: a day list, a string set (lib-dynamodb
 * returns a DynamoDB SS as a `Set`), or one string of days and ranges.
 */
type PeakDaysInput = string | readonly string[] | ReadonlySet<string>;

/** The outcome of {@link parsePeakDays}: the normalized days, or why the value is unusable. */
type PeakDaysResult =
  | { readonly ok: true; readonly days: readonly Weekday[] }
  | {
      readonly ok: false;
      /** What is wrong, naming the attribute and the value, e.g. `peakDays "MON-FRX" has "FRX", which is not a day name`. */
      readonly problem: string;
      /** The rule the value breaks. */
      readonly rule: string;
      /** `problem; rule`. */
      readonly message: string;
    };

const FULL_NAMES: Readonly<Record<Weekday, string>> = {
  MON: 'MONDAY',
  TUE: 'TUESDAY',
  WED: 'WEDNESDAY',
  THU: 'THURSDAY',
  FRI: 'FRIDAY',
  SAT: 'SATURDAY',
  SUN: 'SUNDAY',
};

/** Upper-case 3-letter and full names → day. */
const DAY_BY_NAME: ReadonlyMap<string, Weekday> = new Map(
  WEEKDAYS.flatMap((day) => [
    [day, day],
    [FULL_NAMES[day], day],
  ]),
);
const DAY_NAMES: readonly string[] = [...DAY_BY_NAME.keys()];

class PeakDaysProblem {
  constructor(
    readonly problem: string,
    readonly rule: string,
  ) {}
}

/** What the helpers below need to word a problem: the attribute's name, the whole value as rendered. */
interface DaysContext {
  readonly attribute: string;
  readonly whole: string;
}

function shapeProblem(context: DaysContext, problem: string): PeakDaysProblem {
  return new PeakDaysProblem(`${context.attribute} ${context.whole} ${problem}`, daysRule(context.attribute));
}

function fail(problem: PeakDaysProblem): PeakDaysResult {
  return {
    ok: false,
    problem: problem.problem,
    rule: problem.rule,
    message: `${problem.problem}; ${problem.rule}`,
  };
}

function dayOf(name: string, context: DaysContext): Weekday {
  const day = DAY_BY_NAME.get(name.toUpperCase());
  if (day !== undefined) return day;
  const guess = suggest(name, DAY_NAMES, 2);
  const hint = guess === undefined ? '' : ` (did you mean "${DAY_BY_NAME.get(guess) ?? guess}"?)`;
  throw shapeProblem(context, `has ${JSON.stringify(name)}, which is not a day name${hint}`);
}

/** Adds the days of one entry: `MON`, `monday` or a range `FRI-MON` (ranges wrap around the week). */
function addEntry(entry: string, context: DaysContext, into: Set<Weekday>): void {
  const parts = entry.split('-').map((part) => part.trim());
  const [first, last, ...rest] = parts;
  if (first === undefined || first === '' || rest.length > 0 || last === '') {
    throw shapeProblem(context, `has ${JSON.stringify(entry)}, which is neither a day nor a range of two days`);
  }
  const start = dayOf(first, context);
  if (last === undefined) {
    into.add(start);
    return;
  }
  const end = dayOf(last, context);
  // Walk forward from start until end, so FRI-MON is FRI, SAT, SUN, MON and MON-MON is MON.
  let index = WEEKDAYS.indexOf(start);
  for (;;) {
    const day = WEEKDAYS[index % 7];
    if (day === undefined) break;
    into.add(day);
    if (day === end) break;
    index++;
  }
}

/** Adds the days of a comma-separated string such as `MON-WED,FRI`. */
function addString(text: string, context: DaysContext, into: Set<Weekday>): void {
  for (const entry of text.split(',')) {
    const trimmed = entry.trim();
    if (trimmed === '') throw shapeProblem(context, 'has an empty entry');
    addEntry(trimmed, context, into);
  }
}

function parseOrThrow(value: unknown, attribute: string): readonly Weekday[] {
  const context: DaysContext = { attribute, whole: describeValue(value) };
  const empty = new PeakDaysProblem(`${attribute} ${context.whole} is empty`, daysEmptyRule(attribute));
  const days = new Set<Weekday>();
  if (typeof value === 'string') {
    if (value.trim() === '') throw empty;
    addString(value, context, days);
  } else if (Array.isArray(value) || value instanceof Set) {
    const entries: unknown[] = [...value];
    if (entries.length === 0) throw empty;
    for (const entry of entries) {
      if (typeof entry !== 'string') {
        throw shapeProblem(context, `has ${describeValue(entry)}, which is ${describeKind(entry)}, not a day name`);
      }
      if (entry.trim() === '') throw shapeProblem(context, 'has an empty entry');
      addString(entry, context, days);
    }
  } else if (value === undefined || value === null) {
    throw new PeakDaysProblem(`${attribute} is ${value === null ? 'null' : 'missing'}`, daysRule(attribute));
  } else {
    throw shapeProblem(context, `is ${describeKind(value)}`);
  }
  return Object.freeze(WEEKDAYS.filter((day) => days.has(day)));
}

/**
 * {@link parsePeakDays} for any attribute that holds days, such as a window's `days`: the same
 * forms, the same normalization, problems and rules worded with `attribute`.
 *
 * @param attribute - how messages name the value, e.g. `windows[2].days`
 * @example
 * ```ts
 * parseDays('MON-FRX', 'windows[0].days').ok; // false, problem 'windows[0].days "MON-FRX" has "FRX", ...'
 * ```
 */
function parseDays(value: unknown, attribute: string): PeakDaysResult {
  try {
    return { ok: true, days: parseOrThrow(value, attribute) };
  } catch (error) {
    if (error instanceof PeakDaysProblem) return fail(error);
    throw error;
  }
}

/**
 * Normalizes a `peakDays` value to a sorted (Monday first), deduplicated, frozen day list.
 *
 * Accepts a list or a `Set` of day names, or a string of comma-separated days and
 * ranges. Day names are case-insensitive, 3-letter (`mon`) or full (`Monday`). A range
 * `A-B` walks forward from A to B and wraps around the week (`FRI-MON` is FRI, SAT,
 * SUN, MON). List and set entries may themselves be ranges. An empty value is refused:
 * a row without the attribute already means every day.
 *
 * Never throws: a bad value gives `{ ok: false }` with the problem and the rule.
 * `undefined` is refused too; the row schema handles the missing attribute itself.
 *
 * @example
 * ```ts
 * parsePeakDays('fri-mon');            // { ok: true, days: ['MON', 'FRI', 'SAT', 'SUN'] }
 * parsePeakDays(new Set(['SAT', 'sunday'])); // { ok: true, days: ['SAT', 'SUN'] }
 * parsePeakDays('MON-FRX').ok;         // false
 * ```
 */
function parsePeakDays(value: unknown): PeakDaysResult {
  return parseDays(value, 'peakDays');
}

/**
 * The days as comma-separated runs, using a range for 3 or more consecutive days
 * (wrapping around the week) and listing shorter runs. Runs are ordered by their
 * first day, Monday first. The output parses back to the same days.
 */
function formatRuns(days: readonly Weekday[]): string {
  const selected = WEEKDAYS.map((day) => days.includes(day));
  function isSelected(index: number): boolean {
    return selected[((index % 7) + 7) % 7] === true;
  }
  const runs: string[] = [];
  for (let start = 0; start < 7; start++) {
    // A run starts on a selected day whose previous day is not selected.
    if (!isSelected(start) || isSelected(start - 1)) continue;
    let length = 1;
    while (length < 7 && isSelected(start + length)) length++;
    const names = Array.from({ length }, (_, offset) => WEEKDAYS[(start + offset) % 7]);
    const first = names[0];
    const last = names[names.length - 1];
    runs.push(length >= 3 ? `${first}-${last}` : names.join(','));
  }
  return runs.join(',');
}

/**
 * Human-readable peak days for messages and listings: `every day` for all seven days,
 * otherwise compact runs such as `MON-FRI`, `SAT,SUN`, `MON-WED,FRI` or `FRI-MON`
 * (ranges of 3 or more days, wrapping around the week). Order and duplicates in the
 * input do not matter. An empty list gives `no days`.
 *
 * @example
 * ```ts
 * formatPeakDays(WEEKDAYS);              // 'every day'
 * formatPeakDays(['MON', 'TUE', 'WED', 'THU', 'FRI']); // 'MON-FRI'
 * formatPeakDays(['SUN', 'SAT']);        // 'SAT,SUN'
 * ```
 */
function formatPeakDays(days: readonly Weekday[]): string {
  if (WEEKDAYS.every((day) => days.includes(day))) return 'every day';
  if (days.length === 0) return 'no days';
  return formatRuns(days);
}

/**
 * The `peakDays` string to store in the table: like {@link formatPeakDays} but always
 * parseable, so all seven days give `MON-SUN` rather than `every day`.
 *
 * @example
 * ```ts
 * toPeakDaysString(['FRI', 'SAT', 'SUN', 'MON']); // 'FRI-MON'
 * toPeakDaysString(WEEKDAYS);                     // 'MON-SUN'
 * ```
 */
function toPeakDaysString(days: readonly Weekday[]): string {
  if (WEEKDAYS.every((day) => days.includes(day))) return 'MON-SUN';
  return formatRuns(days);
}

export type { PeakDaysInput, PeakDaysResult };
export { daysRule, formatPeakDays, PEAK_DAYS_EMPTY_RULE, PEAK_DAYS_RULE, parseDays, parsePeakDays, toPeakDaysString };
