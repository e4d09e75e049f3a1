import type * as z from 'zod';
import { APP_NAME_MAX_LENGTH, DEFAULT_MAX_KPU_PER_APPLICATION } from './constants';
import { describeTypeProblem, describeValue } from './describeValue';
import { detach } from './detach';
import { describeProblem, ROW_ATTRIBUTES, type Row, RowSchema, ruleFor } from './rowSchema';
import { suggest } from './suggest';
import { isTimeZone } from './timezone';
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

/** Options of {@link parseRow}. */
interface ParseRowOptions {
  /** Most KPU `lowKPU` and `highKPU` may ask for. @default 64 (MSF's default quota per application) */
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

function labelOf(raw: unknown, position: number): string {
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

/** `lowKPU` or `highKPU` above the deployment's limit (whole numbers only: others are the schema's). */
function kpuLimitIssues(raw: Record<string, unknown>, rowId: string, label: string, max: number): RowIssue[] {
  const rule = `KPU must be at most maxKPUPerApplication ${max}; to go higher, raise the MSF quota and the scaler's maxKPUPerApplication together`;
  return (['lowKPU', 'highKPU'] as const).flatMap((attribute) => {
    const value = raw[attribute];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= max) return [];
    return [{ rowId, attribute, value, rule, message: `${label}: ${attribute} ${value} is above ${max}; ${rule}` }];
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

function toRowIssue(
  issue: z.core.$ZodIssue,
  raw: Record<string, unknown>,
  rowId: string,
  label: string,
  warnings: readonly RowWarning[],
): RowIssue {
  const head = issue.path[0];
  const attribute = typeof head === 'string' ? head : ROW_AS_A_WHOLE;
  const value = attribute === ROW_AS_A_WHOLE ? raw : raw[attribute];
  const rule: unknown = issue.code === 'custom' ? issue.params?.rule : undefined;
  if (typeof rule === 'string') {
    // Value-level rules: the schema already wrote "problem; rule".
    return { rowId, attribute, value, rule, message: `${label}: ${issue.message}` };
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
  };
}

/**
 * Validates one raw table item (as returned by lib-dynamodb) and applies defaults.
 *
 * Never throws. A bad row gives `{ ok: false }` with *every* issue found, each with a
 * message naming the row, attribute, value and rule; cross-field rules (lowKPU <=
 * highKPU, scaleUpHour != scaleDownHour) are blamed on highKPU and scaleDownHour.
 * Unknown attributes do not reject the row: each gives a warning with a did-you-mean
 * suggestion when a known attribute is close (case-insensitive, up to 3 edits).
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
  const label = labelOf(raw, position);
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
  const warnings = [...unknownAttributeWarnings(raw, rowId, label), ...zoneWarnings(raw, rowId, label)];
  const parsed = RowSchema.safeParse(raw);
  const schemaIssues = parsed.success
    ? []
    : parsed.error.issues.map((issue) => toRowIssue(issue, raw, rowId, label, warnings));
  const max = options.maxKPUPerApplication ?? DEFAULT_MAX_KPU_PER_APPLICATION;
  // One issue per attribute: a value the schema already refused is not blamed twice.
  const limitIssues = kpuLimitIssues(raw, rowId, label, max).filter(
    (limit) => !schemaIssues.some((issue) => issue.attribute === limit.attribute),
  );
  if (parsed.success && limitIssues.length === 0) return { ok: true, row: parsed.data, warnings };
  return {
    ok: false,
    rowId,
    warnings,
    issues: [...schemaIssues, ...limitIssues]
      // Documentation order, so a row's report reads top to bottom like the table (the sort is stable).
      .sort((a, b) => attributeOrder(a.attribute) - attributeOrder(b.attribute)),
  };
}

export type { ParseRowOptions, RowIssue, RowParseResult, RowWarning };
export { parseRow, ROW_AS_A_WHOLE, rowIdOf };
