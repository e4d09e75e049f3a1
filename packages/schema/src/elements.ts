import { describeTypeProblem, describeValue } from './describeValue';

/**
 * One problem inside a list attribute (`windows`, `overrides`): where it is, relative to the
 * attribute (`[2, 'kpu']`), what is wrong (naming the element, `windows[2].kpu 0.5 is not a whole
 * number`) and the rule it breaks.
 */
interface ElementProblem {
  readonly path: readonly (string | number)[];
  readonly problem: string;
  readonly rule: string;
}

/** The elements of a list attribute, validated and normalized, or every problem found in them. */
type ElementsResult<T> =
  | { readonly ok: true; readonly items: readonly T[] }
  | { readonly ok: false; readonly problems: readonly ElementProblem[] };

/** Line breaks, tabs and other control characters: they would break a log line or a table cell. */
const CONTROL = /\p{Cc}/u;

/** A DynamoDB map as lib-dynamodb returns it: a plain object (not a list, set or binary). */
function isMap(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Set) &&
    !(value instanceof Map) &&
    !(value instanceof Uint8Array)
  );
}

/** How messages name one element or one of its keys: `windows[2]`, `windows[2].kpu`. */
function elementLabel(attribute: string, index: number, key?: string): string {
  return key === undefined ? `${attribute}[${index}]` : `${attribute}[${index}].${key}`;
}

/**
 * What is wrong with a value that must be a whole number in `[min, max]`, or `undefined`.
 * `min` may be left to a cross-field rule (pass `Number.MIN_SAFE_INTEGER`).
 */
function wholeNumberProblem(label: string, value: unknown, min: number, max: number): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return describeTypeProblem(label, value);
  if (!Number.isInteger(value)) return `${label} ${value} is not a whole number`;
  if (value < min) return `${label} ${value} is below ${min}`;
  if (value > max) {
    const limit = max === Number.MAX_SAFE_INTEGER ? `${max} (the largest safe integer)` : `${max}`;
    return `${label} ${value} is above ${limit}`;
  }
  return undefined;
}

/** What is wrong with a value that must be one line of 1 to `maxLength` characters, or `undefined`. */
function shortTextProblem(label: string, value: unknown, maxLength: number): string | undefined {
  if (typeof value !== 'string') return describeTypeProblem(label, value);
  if (value.trim() === '') return `${label} ${describeValue(value)} is empty`;
  if (value.length > maxLength) return `${label} ${describeValue(value)} is ${value.length} characters long`;
  if (CONTROL.test(value)) return `${label} ${describeValue(value)} contains a line break or a control character`;
  return undefined;
}

/**
 * The keys of each map element of `list` that are not in `known`, with the element's label,
 * for unknown-key warnings. Elements that are not maps are the schema's problem, not listed.
 */
function unknownElementKeys(
  list: unknown,
  attribute: string,
  known: readonly string[],
): { readonly label: string; readonly key: string }[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((element: unknown, index) =>
    isMap(element)
      ? Object.keys(element)
          .filter((key) => !known.includes(key))
          .map((key) => ({ label: elementLabel(attribute, index), key }))
      : [],
  );
}

export type { ElementProblem, ElementsResult };
export { elementLabel, isMap, shortTextProblem, unknownElementKeys, wholeNumberProblem };
