import { describeKind, describeValue } from './describeValue';
import { isIsoDate } from './iso8601';

/** What a list of dates may be in the table: a string set (a `Set` from lib-dynamodb) or a list. */
type DateListInput = readonly string[] | ReadonlySet<string>;

/** The outcome of {@link parseDateList}: the dates sorted and deduplicated, or the first problem. */
type DateListResult =
  | { readonly ok: true; readonly dates: readonly string[] }
  | { readonly ok: false; readonly problem: string; readonly rule: string };

/** The rule of a date list attribute, e.g. `holidays must be dates YYYY-MM-DD ...`. */
function dateListRule(attribute: string, meaning: string): string {
  return `${attribute} must be dates YYYY-MM-DD${meaning}, as a string set or a list (a DynamoDB SS or L of S)`;
}

/**
 * Validates a list of `YYYY-MM-DD` dates (`holidays`, a calendar's `dates`): a `Set` or an
 * array of real dates. Returns them sorted and deduplicated, or the first entry that is not a
 * date. An empty list is fine (a DynamoDB SS cannot be empty, an L can).
 *
 * @param meaning - added to the rule after "dates YYYY-MM-DD", e.g. ` in the row's timezone`
 * @example
 * ```ts
 * parseDateList(new Set(['2026-12-26', '2026-12-25']), 'holidays', '');
 * // { ok: true, dates: ['2026-12-25', '2026-12-26'] }
 * ```
 */
function parseDateList(value: unknown, attribute: string, meaning: string): DateListResult {
  const rule = dateListRule(attribute, meaning);
  if (!Array.isArray(value) && !(value instanceof Set)) {
    const what = value === undefined ? 'is missing' : `${describeValue(value)} is ${describeKind(value)}`;
    return { ok: false, problem: `${attribute} ${what}`, rule };
  }
  const valid: string[] = [];
  for (const entry of value as Iterable<unknown>) {
    if (typeof entry !== 'string') {
      return {
        ok: false,
        problem: `${attribute} has ${describeValue(entry)}, which is ${describeKind(entry)}, not a date`,
        rule,
      };
    }
    if (!isIsoDate(entry)) {
      return { ok: false, problem: `${attribute} has ${describeValue(entry)}, which is not a date YYYY-MM-DD`, rule };
    }
    valid.push(entry);
  }
  const dates = [...new Set(valid)].sort();
  return { ok: true, dates: Object.freeze(dates) };
}

export type { DateListInput, DateListResult };
export { dateListRule, parseDateList };
