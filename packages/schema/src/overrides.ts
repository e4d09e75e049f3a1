import { OVERRIDE_BY_MAX_LENGTH, OVERRIDE_REASON_MAX_LENGTH } from './constants';
import { describeTypeProblem, describeValue } from './describeValue';
import {
  type ElementProblem,
  type ElementsResult,
  elementLabel,
  isMap,
  shortTextProblem,
  wholeNumberProblem,
} from './elements';
import { parseIsoInstant } from './iso8601';

/**
 * A temporary target that reverts by itself: `kpu` KPU from `from` (or at once) until `until`,
 * whatever the windows and holidays say. Instants are kept as written; {@link parseIsoInstant}
 * reads them.
 */
interface Override {
  /** Target KPU while in force: a whole number >= 1 (it may go below lowKPU, for a shutdown). */
  readonly kpu: number;
  /** When it stops (excluded): an ISO-8601 instant with `Z` or an offset. */
  readonly until: string;
  /** When it starts: an ISO-8601 instant with `Z` or an offset, before `until`. @default in force at once */
  readonly from?: string;
  /** Why, in 1-100 characters; shown in every decision it makes. */
  readonly reason: string;
  /** Who set it, in 1-64 characters. */
  readonly by?: string;
}

/** One override as written to the table. */
type OverrideInput = Override;

/** The keys an override map may hold; others are ignored with a warning. */
const OVERRIDE_KEYS: readonly string[] = Object.freeze(['kpu', 'until', 'from', 'reason', 'by']);

const OVERRIDE_SHAPE_RULE =
  'each override must be a map {kpu, until, from, reason, by} (a DynamoDB M inside the overrides L); from and by may be left out';
const OVERRIDE_KPU_RULE = "an override's kpu must be a whole number >= 1 (a DynamoDB N)";
const OVERRIDE_INSTANT_RULE =
  'an override\'s until and from must be ISO-8601 instants with Z or an offset, such as "2026-12-04T18:00:00Z" or "2026-12-04T19:00:00+01:00" (a DynamoDB S); from may be left out for "in force at once"';
const OVERRIDE_ORDER_RULE = "an override's from must be before its until";
const OVERRIDE_REASON_RULE = `an override's reason must say why in 1-${OVERRIDE_REASON_MAX_LENGTH} characters on one line (a DynamoDB S)`;
const OVERRIDE_BY_RULE = `an override's by must name who set it in 1-${OVERRIDE_BY_MAX_LENGTH} characters on one line (a DynamoDB S); it may be left out`;

function instantProblem(label: string, value: unknown): string | undefined {
  if (typeof value !== 'string') return describeTypeProblem(label, value);
  if (parseIsoInstant(value) !== undefined) return undefined;
  return `${label} ${describeValue(value)} is not an ISO-8601 instant with Z or an offset`;
}

function overrideOf(element: unknown, index: number, problems: ElementProblem[]): Override | undefined {
  if (!isMap(element)) {
    problems.push({
      path: [index],
      problem: describeTypeProblem(elementLabel('overrides', index), element),
      rule: OVERRIDE_SHAPE_RULE,
    });
    return undefined;
  }
  const before = problems.length;
  function check(key: string, problem: string | undefined, rule: string): void {
    if (problem !== undefined) problems.push({ path: [index, key], problem, rule });
  }
  const { kpu, until, from, reason, by } = element;
  function label(key: string): string {
    return elementLabel('overrides', index, key);
  }
  check('kpu', wholeNumberProblem(label('kpu'), kpu, 1, Number.MAX_SAFE_INTEGER), OVERRIDE_KPU_RULE);
  check('until', instantProblem(label('until'), until), OVERRIDE_INSTANT_RULE);
  if (from !== undefined) check('from', instantProblem(label('from'), from), OVERRIDE_INSTANT_RULE);
  check('reason', shortTextProblem(label('reason'), reason, OVERRIDE_REASON_MAX_LENGTH), OVERRIDE_REASON_RULE);
  if (by !== undefined) check('by', shortTextProblem(label('by'), by, OVERRIDE_BY_MAX_LENGTH), OVERRIDE_BY_RULE);
  if (problems.length > before) return undefined;
  // The type checks repeat what the problems already say; they let the compiler see it too.
  if (typeof kpu !== 'number' || typeof until !== 'string' || typeof reason !== 'string') return undefined;
  if (typeof from === 'string' && (parseIsoInstant(from) ?? 0) >= (parseIsoInstant(until) ?? 0)) {
    check(
      'from',
      `${label('from')} ${describeValue(from)} is not before until ${describeValue(until)}`,
      OVERRIDE_ORDER_RULE,
    );
    return undefined;
  }
  return Object.freeze({
    kpu,
    until,
    ...(typeof from === 'string' ? { from } : {}),
    reason,
    ...(typeof by === 'string' ? { by } : {}),
  });
}

/**
 * Validates the elements of an `overrides` list (the list itself is checked by the row
 * schema). Every problem of every element is returned, each naming the element
 * (`overrides[0].until "2026-12-04 18:00" is not an ISO-8601 instant with Z or an offset`).
 * Time-dependent remarks (expired, in force for long) are not problems: see `parseRow` and the
 * scaler's evaluation.
 *
 * @example
 * ```ts
 * parseOverrides([{ kpu: 16, until: '2026-12-04T18:00:00Z', reason: 'launch week', by: 'ops' }]).ok; // true
 * ```
 */
function parseOverrides(list: readonly unknown[]): ElementsResult<Override> {
  const problems: ElementProblem[] = [];
  const items = list.map((element, index) => overrideOf(element, index, problems));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, items: Object.freeze(items.filter((item) => item !== undefined)) };
}

/**
 * How messages and rules name an override: `override until 2026-12-04T18:00:00Z (launch week, by ops)`.
 *
 * @example
 * ```ts
 * describeOverride({ kpu: 16, until: '2026-12-04T18:00:00Z', reason: 'launch week' });
 * // 'override until 2026-12-04T18:00:00Z (launch week)'
 * ```
 */
function describeOverride(override: Override): string {
  const by = override.by === undefined ? '' : `, by ${override.by}`;
  return `override until ${override.until} (${override.reason}${by})`;
}

export type { Override, OverrideInput };
export { describeOverride, OVERRIDE_KEYS, parseOverrides };
