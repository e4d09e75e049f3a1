import type * as z from 'zod';
import { APP_NAME_MAX_LENGTH, DEFAULT_MAX_KPU_PER_APPLICATION, LONG_OVERRIDE_DAYS } from './constants';
import { describeTypeProblem, describeValue } from './describeValue';
import { detach } from './detach';
import { elementLabel, isMap, unknownElementKeys } from './elements';
import { parseIsoInstant } from './iso8601';
import { describeOverride, OVERRIDE_KEYS } from './overrides';
import { describeProblem, ROW_ATTRIBUTES, type Row, RowSchema, ruleFor, SIMPLE_WINDOW_ATTRIBUTES } from './rowSchema';
import { suggest } from './suggest';
import { isTimeZone } from './timezone';
import { WINDOW_KEYS } from './windows';
import { fixedOffsetWarning } from './zoneAdvice';

/**
 * One reason a row is unusable. `message` is complete on its own: it names the row,
 * the attribute, the value and the rule, e.g.
 * `row "orders-enricher": highKPU 2 is below lowKPU 4; highKPU must be >= lowKPU`.
 */
interface RowIssue {
  /** The row's appName, or `row #<n>` (1-based scan position) when it has none. */
  readonly rowId: string;
  /** The attribute blamed, or `(row)` when the row itself is not a map. */
  readonly attribute: string;
  /** The offending value as read (`undefined` when missing). */
  readonly value: unknown;
  /** The rule the value breaks, e.g. `highKPU must be >= lowKPU`. */
  readonly rule: string;
  readonly message: string;
  /**
   * Where inside a list attribute the value is, e.g. `windows[2].kpu` (with `attribute`
   * `windows` and `value` the kpu). Absent for problems with a whole attribute.
   */
  readonly path?: string;
}

/** Something odd that does not stop the row from being used, such as an unknown attribute. */
interface RowWarning {
  readonly rowId: string;
  readonly attribute: string;
  readonly message: string;
  /** The known attribute the author probably meant, if one is close. */
  readonly suggestion?: string;
}

/** The outcome of {@link parseRow}: a usable row, or every issue found. Warnings either way. */
type RowParseResult =
  | { readonly ok: true; readonly row: Row; readonly warnings: readonly RowWarning[] }
  | {
      readonly ok: false;
      readonly rowId: string;
      readonly issues: readonly RowIssue[];
      readonly warnings: readonly RowWarning[];
    };

/**
 * Options of {@link parseRow}. There is deliberately no `instant`: parseRow is pure and
 * timeless, so the same item always gives the same result (the CLI, the infra and the tests
 * rely on it). What depends on the time, an override that has expired or has long to run,
 * is reported by the scaler's evaluation, which has the instant.
 */
interface ParseRowOptions {
  /**
   * Most KPU `lowKPU`, `highKPU`, each window's and each override's `kpu` may ask for.
   * @default 64 (MSF's default quota per application)
   */
  readonly maxKPUPerApplication?: number;
}

/** The attribute name used for problems with the row as a whole. */
const ROW_AS_A_WHOLE = '(row)';

const ROW_RULE = 'every row must be a DynamoDB item: a map of attributes';

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Set) &&
    !(value instanceof Map) &&
    !(value instanceof Uint8Array)
  );
}

/**
 * How messages and logs name a row: its appName when that is a non-empty string,
 * otherwise `row #<position + 1>`.
 *
 * @param position - 0-based position in scan order
 * @example
 * ```ts
 * rowIdOf({ appName: 'orders' }, 0); // 'orders'
 * rowIdOf({ lowKPU: 1 }, 2);         // 'row #3'
 * ```
 */
function rowIdOf(raw: unknown, position: number): string {
  const appName = isRecord(raw) ? raw.appName : undefined;
  if (typeof appName !== 'string' || appName === '') return `row #${position + 1}`;
  // A name longer than MSF allows is invalid anyway; cut, it still tells the row apart.
  return appName.length > APP_NAME_MAX_LENGTH
    ? `${detach(appName.slice(0, APP_NAME_MAX_LENGTH))}… (${appName.length} characters)`
    : appName;
}

/**
 * How messages start when they name a row: `row "orders-enricher"` (the name quoted, cut at
 * 80 characters), or `row #<position + 1>` when it has no appName. The scaler's evaluation
 * words its warnings with it too, so they read like parseRow's.
 *
 * @param position - 0-based position in scan order
 * @example
 * ```ts
 * rowLabelOf({ appName: 'orders' }, 0); // 'row "orders"'
 * ```
 */
function rowLabelOf(raw: unknown, position: number): string {
  const appName = isRecord(raw) ? raw.appName : undefined;
  return typeof appName === 'string' && appName !== '' ? `row ${describeValue(appName)}` : `row #${position + 1}`;
}

function unknownAttributeWarnings(raw: Record<string, unknown>, rowId: string, label: string): RowWarning[] {
  return Object.keys(raw)
    .filter((key) => !ROW_ATTRIBUTES.includes(key))
    .map((attribute) => {
      const suggestion = suggest(attribute, ROW_ATTRIBUTES);
      const unknown = `${label}: unknown attribute ${describeValue(attribute)} is ignored`;
      return suggestion === undefined
        ? {
            rowId,
            attribute,
            message: `${unknown}; known attributes are ${ROW_ATTRIBUTES.join(', ')}`,
          }
        : { rowId, attribute, message: `${unknown}; did you mean "${suggestion}"?`, suggestion };
    });
}

/** A valid zone without daylight saving time that reads like a region's time (EST, Etc/GMT+5). */
function zoneWarnings(raw: Record<string, unknown>, rowId: string, label: string): RowWarning[] {
  const zone = raw.timezone;
  if (typeof zone !== 'string' || !isTimeZone(zone)) return [];
  const warning = fixedOffsetWarning(zone);
  return warning === undefined ? [] : [{ rowId, attribute: 'timezone', message: `${label}: ${warning}` }];
}

/** One KPU value the deployment limit applies to: where it is and what it holds. */
interface KpuValue {
  readonly attribute: string;
  readonly path?: string;
  readonly value: unknown;
}

/** Every KPU value of the raw row: lowKPU, highKPU, and each window's and override's kpu. */
function kpuValues(raw: Record<string, unknown>): KpuValue[] {
  const values: KpuValue[] = [
    { attribute: 'lowKPU', value: raw.lowKPU },
    { attribute: 'highKPU', value: raw.highKPU },
  ];
  for (const attribute of ['windows', 'overrides'] as const) {
    const list = raw[attribute];
    if (!Array.isArray(list)) continue;
    list.forEach((element: unknown, index) => {
      if (isMap(element)) values.push({ attribute, path: elementLabel(attribute, index, 'kpu'), value: element.kpu });
    });
  }
  return values;
}

/** KPU values above the deployment's limit (whole numbers only: others are the schema's). */
function kpuLimitIssues(raw: Record<string, unknown>, rowId: string, label: string, max: number): RowIssue[] {
  const rule = `KPU must be at most maxKPUPerApplication ${max}; to go higher, raise the MSF quota and the scaler's maxKPUPerApplication together`;
  return kpuValues(raw).flatMap(({ attribute, path, value }) => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= max) return [];
    const name = path ?? attribute;
    return [
      {
        rowId,
        attribute,
        value,
        rule,
        message: `${label}: ${name} ${value} is above ${max}; ${rule}`,
        ...(path === undefined ? {} : { path }),
      },
    ];
  });
}

const PEAK_DAYS_NEED_SIMPLE_WINDOW_RULE =
  'peakDays sets the days of the simple window (scaleUpHour, scaleDownHour, highKPU); without it, give each window its own days';

/**
 * `peakDays` in a row that has windows but no simple window: it would silently do nothing
 * (a window's days default to every day), so the author's intent is unclear. Checked here,
 * on the raw item, because the schema's output cannot tell a given peakDays from its default.
 */
function orphanPeakDaysIssues(raw: Record<string, unknown>, rowId: string, label: string): RowIssue[] {
  const hasSimpleWindow = SIMPLE_WINDOW_ATTRIBUTES.some((attribute) => raw[attribute] !== undefined);
  if (raw.peakDays === undefined || raw.windows === undefined || hasSimpleWindow) return [];
  const rule = PEAK_DAYS_NEED_SIMPLE_WINDOW_RULE;
  return [
    {
      rowId,
      attribute: 'peakDays',
      value: raw.peakDays,
      rule,
      message: `${label}: peakDays ${describeValue(raw.peakDays)} has no simple window to apply to; ${rule}`,
    },
  ];
}

/** Unknown keys inside window and override maps, with a did-you-mean like unknown attributes. */
function unknownElementKeyWarnings(raw: Record<string, unknown>, rowId: string, label: string): RowWarning[] {
  const known = { windows: WINDOW_KEYS, overrides: OVERRIDE_KEYS } as const;
  return (['windows', 'overrides'] as const).flatMap((attribute) =>
    unknownElementKeys(raw[attribute], attribute, known[attribute]).map(({ label: element, key }) => {
      const suggestion = suggest(key, known[attribute]);
      const unknown = `${label}: unknown key ${describeValue(key)} in ${element} is ignored`;
      return suggestion === undefined
        ? { rowId, attribute, message: `${unknown}; known keys are ${known[attribute].join(', ')}` }
        : { rowId, attribute, message: `${unknown}; did you mean "${suggestion}"?`, suggestion };
    }),
  );
}

const LONG_OVERRIDE_MS = LONG_OVERRIDE_DAYS * 24 * 3_600_000;

/**
 * Overrides with a `from` that last longer than 31 days. Judged from `from` and `until` alone,
 * so parseRow stays timeless; one without `from` is judged by the evaluation, from the instant.
 */
function longOverrideWarnings(row: Row, rowId: string, label: string): RowWarning[] {
  return (row.overrides ?? []).flatMap((override, index) => {
    if (override.from === undefined) return [];
    const length = (parseIsoInstant(override.until) ?? 0) - (parseIsoInstant(override.from) ?? 0);
    if (length <= LONG_OVERRIDE_MS) return [];
    const days = Math.round((length / LONG_OVERRIDE_MS) * LONG_OVERRIDE_DAYS * 10) / 10;
    return [
      {
        rowId,
        attribute: 'overrides',
        message: `${label}: overrides[${index}] (${describeOverride(override)}) lasts ${days} days from ${override.from}, longer than ${LONG_OVERRIDE_DAYS}; an override is meant to be temporary: check until, or change the schedule instead`,
      },
    ];
  });
}

/** For a missing attribute, points at the misspelled one the row does have. */
function misspellingHint(attribute: string, warnings: readonly RowWarning[]): string {
  const near = warnings.find((warning) => warning.suggestion === attribute);
  if (near === undefined) return '';
  return near.attribute.toLowerCase() === attribute.toLowerCase()
    ? ` (the row has ${JSON.stringify(near.attribute)}; attribute names are case-sensitive)`
    : ` (the row has ${JSON.stringify(near.attribute)}; is that a misspelling?)`;
}

function attributeOrder(attribute: string): number {
  return ROW_ATTRIBUTES.indexOf(attribute);
}

/** `['windows', 2, 'kpu']` -> `windows[2].kpu`. */
function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`))
    .join('');
}

/** The raw value at a zod path such as `['windows', 2, 'kpu']`, or `undefined`. */
function valueAt(raw: Record<string, unknown>, path: readonly PropertyKey[]): unknown {
  let value: unknown = raw;
  for (const part of path) {
    if (Array.isArray(value) && typeof part === 'number') value = value[part];
    else if (isRecord(value) && typeof part === 'string') value = value[part];
    else return undefined;
  }
  return value;
}

function toRowIssue(
  issue: z.core.$ZodIssue,
  raw: Record<string, unknown>,
  rowId: string,
  label: string,
  warnings: readonly RowWarning[],
): RowIssue {
  const head = issue.path[0];
  const attribute = typeof head === 'string' ? head : ROW_AS_A_WHOLE;
  const nested = issue.path.length > 1;
  const value = attribute === ROW_AS_A_WHOLE ? raw : valueAt(raw, issue.path);
  const where = nested ? { path: pathText(issue.path) } : {};
  const params = issue.code === 'custom' ? issue.params : undefined;
  const rule: unknown = params?.rule;
  if (typeof rule === 'string' && params?.missing === true) {
    // A required attribute the cross-field rules found missing: worded like zod's own.
    const hint = misspellingHint(attribute, warnings);
    return { rowId, attribute, value, rule, message: `${label}: ${attribute} is missing${hint}; ${rule}` };
  }
  if (typeof rule === 'string') {
    // Value-level rules: the schema already wrote "problem; rule".
    return { rowId, attribute, value, rule, message: `${label}: ${issue.message}`, ...where };
  }
  // Structural problems (missing, wrong type, unknown enum value): worded here from the raw
  // value, never from zod's generic text.
  const hint = value === undefined ? misspellingHint(attribute, warnings) : '';
  const structuralRule = ruleFor(attribute, value);
  return {
    rowId,
    attribute,
    value,
    rule: structuralRule,
    message: `${label}: ${describeProblem(attribute, value)}${hint}; ${structuralRule}`,
    ...where,
  };
}

/** Keeps the first issue per attribute and path: a value refused twice is reported once. */
function firstPerPlace(issues: readonly RowIssue[]): RowIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const place = `${issue.attribute}\u0000${issue.path ?? ''}`;
    if (seen.has(place)) return false;
    seen.add(place);
    return true;
  });
}

/**
 * Validates one raw table item (as returned by lib-dynamodb) and applies defaults.
 *
 * Never throws. A bad row gives `{ ok: false }` with *every* issue found, each with a
 * message naming the row, attribute, value and rule; cross-field rules (lowKPU <=
 * highKPU, scaleUpHour != scaleDownHour) are blamed on highKPU and scaleDownHour.
 * Problems inside `windows` and `overrides` name the element (`windows[2].kpu 0 is below
 * lowKPU 2`) and carry it in `path`. Every KPU value (lowKPU, highKPU, each window's and
 * override's kpu) must be at most `maxKPUPerApplication`.
 * Unknown attributes, and unknown keys inside windows and overrides, do not reject the
 * row: each gives a warning with a did-you-mean suggestion when a known name is close
 * (case-insensitive, up to 3 edits). An override with a `from` lasting more than 31 days
 * gives a warning. parseRow is timeless: expired overrides are the evaluation's warning.
 *
 * @param raw - the item, normally a plain object from lib-dynamodb
 * @param position - 0-based position in scan order, used to name rows without appName
 * @example
 * ```ts
 * const result = parseRow({ appName: 'orders', lowKPU: 4, highKPU: 2, scaleUpHour: 8, scaleDownHour: 20 }, 0);
 * // result.ok === false
 * // result.issues[0].message ===
 * //   'row "orders": highKPU 2 is below lowKPU 4; highKPU must be >= lowKPU'
 * ```
 */
function parseRow(raw: unknown, position: number, options: ParseRowOptions = {}): RowParseResult {
  const rowId = rowIdOf(raw, position);
  const label = rowLabelOf(raw, position);
  if (!isRecord(raw)) {
    return {
      ok: false,
      rowId,
      warnings: [],
      issues: [
        {
          rowId,
          attribute: ROW_AS_A_WHOLE,
          value: raw,
          rule: ROW_RULE,
          message: `${label}: ${describeTypeProblem('the row', raw)}; ${ROW_RULE}`,
        },
      ],
    };
  }
  const warnings = [
    ...unknownAttributeWarnings(raw, rowId, label),
    ...unknownElementKeyWarnings(raw, rowId, label),
    ...zoneWarnings(raw, rowId, label),
  ];
  const parsed = RowSchema.safeParse(raw);
  const schemaIssues = parsed.success
    ? []
    : parsed.error.issues.map((issue) => toRowIssue(issue, raw, rowId, label, warnings));
  const max = options.maxKPUPerApplication ?? DEFAULT_MAX_KPU_PER_APPLICATION;
  const issues = firstPerPlace([
    ...schemaIssues,
    ...orphanPeakDaysIssues(raw, rowId, label),
    // After the schema's: a value the schema already refused is not blamed twice.
    ...kpuLimitIssues(raw, rowId, label, max),
  ]);
  if (parsed.success && issues.length === 0) {
    return { ok: true, row: parsed.data, warnings: [...warnings, ...longOverrideWarnings(parsed.data, rowId, label)] };
  }
  return {
    ok: false,
    rowId,
    warnings,
    issues: issues
      // Documentation order, so a row's report reads top to bottom like the table (the sort is stable).
      .sort((a, b) => attributeOrder(a.attribute) - attributeOrder(b.attribute)),
  };
}

export type { ParseRowOptions, RowIssue, RowParseResult, RowWarning };
export { parseRow, ROW_AS_A_WHOLE, rowIdOf, rowLabelOf };
