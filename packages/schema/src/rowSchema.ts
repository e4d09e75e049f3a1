import * as z from 'zod';
import { CALENDARS_RULE, type NameListInput, parseCalendarNames } from './calendarName';
import {
  APP_NAME_MAX_LENGTH,
  APP_NAME_PATTERN,
  AUTO_SCALING_MODES,
  AutoScalingMode,
  RowDefaults,
  type Weekday,
} from './constants';
import { type DateListInput, dateListRule, parseDateList } from './dateList';
import { describeTypeProblem, describeValue } from './describeValue';
import type { ElementsResult } from './elements';
import { type Override, type OverrideInput, parseOverrides } from './overrides';
import { PEAK_DAYS_RULE, type PeakDaysInput, parsePeakDays } from './peakDays';
import { suggest } from './suggest';
import { isTimeZone, suggestTimeZone } from './timezone';
import { parseWindows, type ScheduleWindow, WINDOW_KPU_RULE, type WindowInput } from './windows';
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
  'windows',
  'overrides',
  'holidays',
  'calendars',
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

/** How the holidays rule describes its dates. */
const HOLIDAYS_MEANING = " in the row's timezone, days on which no window starts";

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
  windows:
    'windows must be a list of maps {from, to, kpu, days} (a DynamoDB L of M); remove the attribute to use only scaleUpHour, scaleDownHour and highKPU',
  overrides:
    'overrides must be a list of maps {kpu, until, from, reason, by} (a DynamoDB L of M); remove the attribute for none',
  holidays: dateListRule('holidays', HOLIDAYS_MEANING),
  calendars: CALENDARS_RULE,
});

/** The rule quoted when a row has no appName at all. */
const APP_NAME_MISSING_RULE = 'every row needs appName (1-128 letters, digits, _ . -)';
/** The cross-field rule blamed on highKPU. */
const KPU_ORDER_RULE = 'highKPU must be >= lowKPU';
/** The cross-field rule blamed on scaleDownHour. */
const HOURS_DIFFER_RULE = 'scaleDownHour must differ from scaleUpHour (for constant capacity set lowKPU = highKPU)';
/** The rule blamed on a part of the simple window missing from a row that has `windows`. */
const SIMPLE_WINDOW_RULE =
  'scaleUpHour, scaleDownHour and highKPU go together (the simple window, the first of the row): give all three, or leave all three out and use only windows';
/** The rule blamed on an empty `windows` in a row without the simple window. */
const SOME_WINDOW_RULE =
  'a row needs the simple window (scaleUpHour, scaleDownHour, highKPU), a non-empty windows list, or both';
/** The attributes of the simple window, the row's first window. */
const SIMPLE_WINDOW_ATTRIBUTES = ['scaleUpHour', 'scaleDownHour', 'highKPU'] as const;

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

/**
 * A list attribute whose map elements `parse` validates (`windows`, `overrides`): each problem
 * becomes an issue at its element's path (`windows.2.kpu`), so every bad element is reported.
 */
function elementListSchema<Item, Input>(
  attribute: RowAttribute,
  parse: (list: readonly unknown[]) => ElementsResult<Item>,
) {
  return z
    .custom<readonly Input[]>((value) => Array.isArray(value), { error: typeError(attribute) })
    .transform((value, ctx): readonly Item[] => {
      const result = parse(value);
      if (result.ok) return result.items;
      for (const problem of result.problems) {
        ctx.addIssue({
          code: 'custom',
          message: `${problem.problem}; ${problem.rule}`,
          params: { rule: problem.rule },
          path: [...problem.path],
        });
      }
      return z.NEVER;
    })
    .exactOptional();
}

function isStringList(value: unknown): boolean {
  return Array.isArray(value) || value instanceof Set;
}

const windowsSchema = elementListSchema<ScheduleWindow, WindowInput>('windows', parseWindows);

const overridesSchema = elementListSchema<Override, OverrideInput>('overrides', parseOverrides);

const holidaysSchema = z
  .custom<DateListInput>(isStringList, { error: typeError('holidays') })
  .transform((value, ctx): readonly string[] => {
    const result = parseDateList(value, 'holidays', HOLIDAYS_MEANING);
    if (result.ok) return result.dates;
    addProblem(ctx, result.problem, result.rule);
    return z.NEVER;
  })
  .exactOptional();

const calendarsSchema = z
  .custom<NameListInput>(isStringList, { error: typeError('calendars') })
  .transform((value, ctx): readonly string[] => {
    const result = parseCalendarNames(value);
    if (result.ok) return result.names;
    addProblem(ctx, result.problem, result.rule);
    return z.NEVER;
  })
  .exactOptional();

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A required attribute the row leaves out, reported as missing with `rule`. parseRow words it
 * like zod's own "missing" (with the misspelling hint), from `params.missing`.
 */
function addMissing(ctx: z.core.$RefinementCtx<unknown>, attribute: RowAttribute, rule: string): void {
  ctx.addIssue({
    code: 'custom',
    message: `${attribute} is missing; ${rule}`,
    params: { rule, missing: true },
    path: [attribute],
  });
}

/**
 * Which of the simple window and `windows` the row has. Without `windows` the simple window
 * is required exactly as before the model had windows (same rules, same messages); with
 * `windows` its three attributes go together.
 */
function checkWindowPresence(row: Record<string, unknown>, ctx: z.core.$RefinementCtx<unknown>): void {
  const { windows } = row;
  const present = SIMPLE_WINDOW_ATTRIBUTES.filter((attribute) => row[attribute] !== undefined);
  const missing = SIMPLE_WINDOW_ATTRIBUTES.filter((attribute) => row[attribute] === undefined);
  if (windows === undefined) {
    for (const attribute of missing) addMissing(ctx, attribute, ATTRIBUTE_RULES[attribute]);
    return;
  }
  if (present.length > 0) {
    for (const attribute of missing) addMissing(ctx, attribute, SIMPLE_WINDOW_RULE);
  } else if (Array.isArray(windows) && windows.length === 0) {
    addProblem(ctx, 'windows [] is empty and the row has no simple window', SOME_WINDOW_RULE, 'windows');
  }
}

/** Each window's kpu against lowKPU (or 1 when lowKPU is itself invalid). */
function checkWindowKpus(row: Record<string, unknown>, ctx: z.core.$RefinementCtx<unknown>): void {
  const { lowKPU, windows } = row;
  // A windows list that failed its own checks is not an array of windows here: judged later.
  if (!Array.isArray(windows)) return;
  const low = isWhole(lowKPU, 1, Number.MAX_SAFE_INTEGER) ? lowKPU : undefined;
  windows.forEach((window: unknown, index) => {
    if (!isRecord(window) || typeof window.kpu !== 'number') return;
    const { kpu } = window;
    if (kpu >= (low ?? 1)) return;
    ctx.addIssue({
      code: 'custom',
      message: `windows[${index}].kpu ${kpu} is below ${low === undefined ? '1' : `lowKPU ${low}`}; ${WINDOW_KPU_RULE}`,
      params: { rule: WINDOW_KPU_RULE },
      path: ['windows', index, 'kpu'],
    });
  });
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
  checkWindowPresence(row, ctx);
  checkWindowKpus(row, ctx);
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
 * | lowKPU | whole number >= 1 | (required) |
 * | highKPU | whole number >= lowKPU | (required with the simple window) |
 * | scaleUpHour, scaleDownHour | whole hours 0-23, different; peak is [up, down) local time | (required without windows) |
 * | timezone | IANA zone, kept as spelled | `'UTC'` |
 * | peakDays | days a window starts on: list, set or `'MON-FRI'`-style string | every day |
 * | enabled | boolean | `true` |
 * | autoScaling | `'keep'`, `'disable'`, `'enable'` | `'keep'` |
 * | windows | list of `{from, to, kpu, days}`: more levels a day, kpu >= lowKPU | none |
 * | overrides | list of `{kpu, until, from?, reason, by?}`: temporary targets | none |
 * | holidays | dates `YYYY-MM-DD` (set or list) on which no window starts | none |
 * | calendars | names of shared holiday calendars (set or list) | none |
 *
 * The simple window (scaleUpHour, scaleDownHour, highKPU, peakDays) is the row's first
 * window; a row needs it, `windows`, or both. The deployment's KPU limit and the rule that
 * `peakDays` needs the simple window are checked by {@link parseRow}, which sees the raw item.
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
    // Required unless the row has windows: see checkWindowPresence.
    highKPU: wholeNumberSchema('highKPU', 1, Number.MAX_SAFE_INTEGER).exactOptional(),
    scaleUpHour: wholeNumberSchema('scaleUpHour', 0, MAX_HOUR).exactOptional(),
    scaleDownHour: wholeNumberSchema('scaleDownHour', 0, MAX_HOUR).exactOptional(),
    timezone: timezoneSchema,
    peakDays: peakDaysSchema,
    enabled: z.boolean({ error: typeError('enabled') }).default(RowDefaults.enabled),
    autoScaling: z.enum(AutoScalingMode, { error: typeError('autoScaling') }).default(RowDefaults.autoScaling),
    windows: windowsSchema,
    overrides: overridesSchema,
    holidays: holidaysSchema,
    calendars: calendarsSchema,
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
 * One row as written to the table: optional attributes may be left out, `peakDays` (and a
 * window's `days`) may be a list, a set or a string, and `holidays` and `calendars` a list or a set.
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
  SIMPLE_WINDOW_ATTRIBUTES,
  SIMPLE_WINDOW_RULE,
};
