import * as z from 'zod';
import {
  APP_NAME_MAX_LENGTH,
  APP_NAME_PATTERN,
  AUTO_SCALING_MODES,
  AutoScalingMode,
  RowDefaults,
  type Weekday,
} from './constants';
import { describeTypeProblem, describeValue } from './describeValue';
import { PEAK_DAYS_RULE, type PeakDaysInput, parsePeakDays } from './peakDays';
import { suggest } from './suggest';
import { isTimeZone, suggestTimeZone } from './timezone';
import { offsetAdvice } from './zoneAdvice';

const ATTRIBUTES = [
  'appName',
  'lowKPU',
  'highKPU',
  'scaleUpHour',
  'scaleDownHour',
  'timezone',
  'peakDays',
  'enabled',
  'autoScaling',
] as const;

/** The name of one known row attribute. */
type RowAttribute = (typeof ATTRIBUTES)[number];

/**
 * The attribute names the scaler reads from a row, in documentation order. Any other
 * attribute is ignored with a warning.
 *
 * @example
 * ```ts
 * ROW_ATTRIBUTES.includes('timezone'); // true
 * ```
 */
const ROW_ATTRIBUTES: readonly string[] = Object.freeze([...ATTRIBUTES]);

/** Whether `name` is one of {@link ROW_ATTRIBUTES} (exact, case-sensitive). */
function isRowAttribute(name: string): name is RowAttribute {
  return ROW_ATTRIBUTES.includes(name);
}

/** The rule each attribute must satisfy, quoted in every message about it. */
const ATTRIBUTE_RULES: Readonly<Record<RowAttribute, string>> = Object.freeze({
  appName: 'appName must be the MSF application name: 1-128 letters, digits, _ . -',
  lowKPU: 'lowKPU must be a whole number >= 1 (a DynamoDB N attribute)',
  highKPU: 'highKPU must be a whole number >= 1 (a DynamoDB N attribute)',
  scaleUpHour: "scaleUpHour must be a whole hour 0-23, local time in the row's timezone (a DynamoDB N attribute)",
  scaleDownHour: "scaleDownHour must be a whole hour 0-23, local time in the row's timezone (a DynamoDB N attribute)",
  timezone:
    'timezone must be an IANA time zone such as "Europe/Paris" (a DynamoDB S attribute); remove the attribute for UTC',
  peakDays: PEAK_DAYS_RULE,
  enabled: 'enabled must be a boolean (a DynamoDB BOOL attribute); remove the attribute for true',
  autoScaling:
    'autoScaling must be "keep", "disable" or "enable" (a DynamoDB S attribute); remove the attribute for "keep"',
});

/** The rule quoted when a row has no appName at all. */
const APP_NAME_MISSING_RULE = 'every row needs appName (1-128 letters, digits, _ . -)';
/** The cross-field rule blamed on highKPU. */
const KPU_ORDER_RULE = 'highKPU must be >= lowKPU';
/** The cross-field rule blamed on scaleDownHour. */
const HOURS_DIFFER_RULE = 'scaleDownHour must differ from scaleUpHour (for constant capacity set lowKPU = highKPU)';

/** The rule broken by `value` in `attribute` when the value has the wrong type or is missing. */
function ruleFor(attribute: string, value: unknown): string {
  if (attribute === 'appName' && value === undefined) return APP_NAME_MISSING_RULE;
  return isRowAttribute(attribute) ? ATTRIBUTE_RULES[attribute] : 'unknown attribute';
}

/**
 * What is wrong with a value that failed a structural check: the type problem, or for
 * autoScaling the unknown mode (with a did-you-mean).
 */
function describeProblem(attribute: string, value: unknown): string {
  if (attribute === 'autoScaling' && typeof value === 'string') {
    const guess = suggest(value, AUTO_SCALING_MODES, 2);
    const hint = guess === undefined ? '' : ` (did you mean "${guess}"?)`;
    return `autoScaling ${describeValue(value)} is not a known mode${hint}`;
  }
  return describeTypeProblem(attribute, value);
}

/** Zod error map for structural problems, so RowSchema on its own also speaks our language. */
function typeError(attribute: RowAttribute) {
  return (issue: { readonly input?: unknown }): string =>
    `${describeProblem(attribute, issue.input)}; ${ruleFor(attribute, issue.input)}`;
}

/**
 * Adds a value-level issue. The rule travels in `params` so parseRow can report it
 * separately from the message.
 */
function addProblem(
  ctx: z.core.$RefinementCtx<unknown>,
  problem: string,
  rule: string,
  attribute?: RowAttribute,
): void {
  ctx.addIssue({
    code: 'custom',
    message: `${problem}; ${rule}`,
    params: { rule },
    ...(attribute === undefined ? {} : { path: [attribute] }),
  });
}

function isWhole(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function wholeNumberProblem(attribute: RowAttribute, value: number, min: number, max: number): string | undefined {
  if (!Number.isInteger(value)) return `${attribute} ${value} is not a whole number`;
  if (value < min) return `${attribute} ${value} is below ${min}`;
  if (value > max) {
    const limit = max === Number.MAX_SAFE_INTEGER ? `${max} (the largest safe integer)` : `${max}`;
    return `${attribute} ${value} is above ${limit}`;
  }
  return undefined;
}

function appNameProblem(value: string): string | undefined {
  if (value.length === 0) return 'appName "" is empty';
  if (value.length > APP_NAME_MAX_LENGTH) {
    return `appName ${describeValue(value)} is ${value.length} characters long`;
  }
  if (!APP_NAME_PATTERN.test(value)) {
    const bad = [...new Set(value.replace(/[a-zA-Z0-9_.-]/g, ''))];
    return `appName ${describeValue(value)} contains ${bad.map((c) => JSON.stringify(c)).join(', ')}`;
  }
  return undefined;
}

function wholeNumberSchema(attribute: RowAttribute, min: number, max: number) {
  return z.number({ error: typeError(attribute) }).superRefine((value, ctx) => {
    const problem = wholeNumberProblem(attribute, value, min, max);
    if (problem !== undefined) addProblem(ctx, problem, ATTRIBUTE_RULES[attribute]);
  });
}

const MAX_HOUR = 23;

const appNameSchema = z.string({ error: typeError('appName') }).superRefine((value, ctx) => {
  const problem = appNameProblem(value);
  if (problem !== undefined) addProblem(ctx, problem, ATTRIBUTE_RULES.appName);
});

const timezoneSchema = z
  .string({ error: typeError('timezone') })
  .superRefine((value, ctx) => {
    if (isTimeZone(value)) return;
    // An offset such as UTC+2 is not a zone name; its nearest name (UTC) would be hours off.
    const advice = offsetAdvice(value);
    const guess = value === '' || advice !== undefined ? undefined : suggestTimeZone(value);
    const hint = advice !== undefined ? ` (${advice})` : guess === undefined ? '' : ` (did you mean "${guess}"?)`;
    addProblem(ctx, `timezone ${describeValue(value)} is not an IANA time zone${hint}`, ATTRIBUTE_RULES.timezone);
  })
  .default(RowDefaults.timezone);

const peakDaysSchema = z
  .custom<PeakDaysInput>((value) => typeof value === 'string' || Array.isArray(value) || value instanceof Set, {
    error: typeError('peakDays'),
  })
  .transform((value, ctx): readonly Weekday[] => {
    const result = parsePeakDays(value);
    if (result.ok) return result.days;
    addProblem(ctx, result.problem, result.rule);
    return z.NEVER;
  })
  .default(() => RowDefaults.peakDays);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Cross-field rules, each blamed on one attribute. They run even when other attributes
 * have issues (zod skips refinements after type errors by default), so a row reports
 * all its problems at once; each rule only looks at values that are valid on their own.
 */
function checkCrossFields(row: Record<string, unknown>, ctx: z.core.$RefinementCtx<unknown>): void {
  const { lowKPU, highKPU, scaleUpHour, scaleDownHour } = row;
  if (isWhole(lowKPU, 1, Number.MAX_SAFE_INTEGER) && isWhole(highKPU, 1, Number.MAX_SAFE_INTEGER) && highKPU < lowKPU) {
    addProblem(ctx, `highKPU ${highKPU} is below lowKPU ${lowKPU}`, KPU_ORDER_RULE, 'highKPU');
  }
  if (isWhole(scaleUpHour, 0, MAX_HOUR) && isWhole(scaleDownHour, 0, MAX_HOUR) && scaleUpHour === scaleDownHour) {
    addProblem(
      ctx,
      `scaleDownHour ${scaleDownHour} equals scaleUpHour ${scaleUpHour}, which leaves no window`,
      HOURS_DIFFER_RULE,
      'scaleDownHour',
    );
  }
}

/**
 * The zod schema of one schedule table row (one row per MSF application). Unknown
 * attributes are stripped, not rejected. Output has defaults applied and `peakDays`
 * normalized. Prefer {@link parseRow}, which turns failures into row-named messages
 * and warns about unknown attributes.
 *
 * | attribute | rule | default |
 * |---|---|---|
 * | appName | 1-128 of `[a-zA-Z0-9_.-]` | (required) |
 * | lowKPU, highKPU | whole numbers >= 1, lowKPU <= highKPU | (required) |
 * | scaleUpHour, scaleDownHour | whole hours 0-23, different; peak is [up, down) local time | (required) |
 * | timezone | IANA zone, kept as spelled | `'UTC'` |
 * | peakDays | days a window starts on: list, set or `'MON-FRI'`-style string | every day |
 * | enabled | boolean | `true` |
 * | autoScaling | `'keep'`, `'disable'`, `'enable'` | `'keep'` |
 *
 * @example
 * ```ts
 * const row = RowSchema.parse({ appName: 'orders', lowKPU: 1, highKPU: 4, scaleUpHour: 8, scaleDownHour: 20 });
 * row.peakDays; // ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN']
 * ```
 */
const RowSchema = z
  .object({
    appName: appNameSchema,
    lowKPU: wholeNumberSchema('lowKPU', 1, Number.MAX_SAFE_INTEGER),
    highKPU: wholeNumberSchema('highKPU', 1, Number.MAX_SAFE_INTEGER),
    scaleUpHour: wholeNumberSchema('scaleUpHour', 0, MAX_HOUR),
    scaleDownHour: wholeNumberSchema('scaleDownHour', 0, MAX_HOUR),
    timezone: timezoneSchema,
    peakDays: peakDaysSchema,
    enabled: z.boolean({ error: typeError('enabled') }).default(RowDefaults.enabled),
    autoScaling: z.enum(AutoScalingMode, { error: typeError('autoScaling') }).default(RowDefaults.autoScaling),
  } satisfies Record<RowAttribute, z.ZodType>)
  .superRefine(checkCrossFields, { when: (payload) => isRecord(payload.value) });

/**
 * One validated row with defaults applied: what the scaler works with.
 *
 * @example
 * ```ts
 * const row: Row = RowSchema.parse(item);
 * ```
 */
type Row = Readonly<z.output<typeof RowSchema>>;

/**
 * One row as written to the table: optional attributes may be left out, and
 * `peakDays` may be a list, a set or a string.
 */
type RowInput = z.input<typeof RowSchema>;

export type { Row, RowAttribute, RowInput };
export {
  APP_NAME_MISSING_RULE,
  ATTRIBUTE_RULES,
  describeProblem,
  HOURS_DIFFER_RULE,
  isRowAttribute,
  KPU_ORDER_RULE,
  ROW_ATTRIBUTES,
  RowSchema,
  ruleFor,
};
