import { WEEKDAYS, type Weekday } from './constants';
import { describeTypeProblem } from './describeValue';
import { type ElementProblem, type ElementsResult, elementLabel, isMap, wholeNumberProblem } from './elements';
import { type PeakDaysInput, parseDays } from './peakDays';

/**
 * One level of the day: `kpu` KPU during `[from, to)` local hours in the row's zone, on the
 * windows that start on one of `days`. Same semantics as the simple window (`scaleUpHour`,
 * `scaleDownHour`, `highKPU`, `peakDays`): `from > to` crosses midnight and belongs to the day it
 * starts on.
 */
interface ScheduleWindow {
  /** Local hour the window starts at, 0-23. */
  readonly from: number;
  /** Local hour the window ends at (excluded), 0-23, different from `from`. */
  readonly to: number;
  /** Target KPU inside the window: a whole number >= the row's lowKPU. */
  readonly kpu: number;
  /** Days the window starts on, Monday first. @default every day */
  readonly days: readonly Weekday[];
}

/** One window as written to the table: `days` may be left out, or given in any `peakDays` form. */
interface WindowInput {
  readonly from: number;
  readonly to: number;
  readonly kpu: number;
  readonly days?: PeakDaysInput;
}

/** The keys a window map may hold; others are ignored with a warning. */
const WINDOW_KEYS: readonly string[] = Object.freeze(['from', 'to', 'kpu', 'days']);

/** The rule quoted when an element of `windows` is not a map. */
const WINDOW_SHAPE_RULE =
  'each window must be a map {from, to, kpu, days} (a DynamoDB M inside the windows L); days may be left out for every day';
/** The rule quoted for a window's `from` or `to`. */
const WINDOW_HOUR_RULE = "a window's from and to must be whole hours 0-23, local time in the row's timezone";
/** The rule quoted when a window's `from` equals its `to`. */
const WINDOW_HOURS_DIFFER_RULE = "a window's to must differ from its from (the window is [from, to) local time)";
/** The rule quoted for a window's `kpu`, here and in the cross-field check against lowKPU. */
const WINDOW_KPU_RULE = "each window's kpu must be a whole number >= lowKPU (a DynamoDB N)";

const MAX_HOUR = 23;

function windowOf(element: unknown, index: number, problems: ElementProblem[]): ScheduleWindow | undefined {
  const label = elementLabel('windows', index);
  if (!isMap(element)) {
    problems.push({ path: [index], problem: describeTypeProblem(label, element), rule: WINDOW_SHAPE_RULE });
    return undefined;
  }
  const before = problems.length;
  for (const key of ['from', 'to'] as const) {
    const problem = wholeNumberProblem(elementLabel('windows', index, key), element[key], 0, MAX_HOUR);
    if (problem !== undefined) problems.push({ path: [index, key], problem, rule: WINDOW_HOUR_RULE });
  }
  const { from, to, kpu } = element;
  if (problems.length === before && from === to) {
    problems.push({
      path: [index, 'to'],
      problem: `${elementLabel('windows', index, 'to')} ${String(to)} equals from ${String(from)}, which leaves no window`,
      rule: WINDOW_HOURS_DIFFER_RULE,
    });
  }
  // The lower bound is lowKPU, a cross-field rule (RowSchema's), so here only the number itself.
  const kpuProblem = wholeNumberProblem(
    elementLabel('windows', index, 'kpu'),
    kpu,
    Number.MIN_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER,
  );
  if (kpuProblem !== undefined) problems.push({ path: [index, 'kpu'], problem: kpuProblem, rule: WINDOW_KPU_RULE });
  let days: readonly Weekday[] = WEEKDAYS;
  if (element.days !== undefined) {
    const parsed = parseDays(element.days, elementLabel('windows', index, 'days'));
    if (parsed.ok) days = parsed.days;
    else problems.push({ path: [index, 'days'], problem: parsed.problem, rule: parsed.rule });
  }
  // The type checks repeat what the problems already say; they let the compiler see it too.
  if (problems.length > before || typeof from !== 'number' || typeof to !== 'number' || typeof kpu !== 'number') {
    return undefined;
  }
  return Object.freeze({ from, to, kpu, days });
}

/**
 * Validates and normalizes the elements of a `windows` list (the list itself is checked by the
 * row schema). Every problem of every element is returned, each naming the element
 * (`windows[2].to 24 is above 23`). `kpu` is only checked to be a whole number here: its lower
 * bound, lowKPU, is the row schema's cross-field rule.
 *
 * @example
 * ```ts
 * parseWindows([{ from: 8, to: 20, kpu: 8, days: 'MON-FRI' }]);
 * // { ok: true, items: [{ from: 8, to: 20, kpu: 8, days: ['MON', 'TUE', 'WED', 'THU', 'FRI'] }] }
 * ```
 */
function parseWindows(list: readonly unknown[]): ElementsResult<ScheduleWindow> {
  const problems: ElementProblem[] = [];
  const items = list.map((element, index) => windowOf(element, index, problems));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, items: Object.freeze(items.filter((item) => item !== undefined)) };
}

export type { ScheduleWindow, WindowInput };
export { parseWindows, WINDOW_KEYS, WINDOW_KPU_RULE };
