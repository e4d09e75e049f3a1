import * as z from 'zod';
import { CALENDAR_NAME_RULE, calendarNameProblem } from './calendarName';
import { CALENDAR_DESCRIPTION_MAX_LENGTH, CALENDAR_PREFIX } from './constants';
import { type DateListInput, dateListRule, parseDateList } from './dateList';
import { describeTypeProblem, describeValue } from './describeValue';
import { isMap, shortTextProblem } from './elements';
import { ROW_AS_A_WHOLE, type RowIssue, type RowWarning, rowIdOf } from './parseRow';
import { suggest } from './suggest';

/**
 * A shared holiday list: the table item whose appName is `calendar:<name>`. Rows name it in
 * their `calendars`; its dates are holidays of each such row, in the row's own zone.
 */
interface Calendar {
  /** The name after `calendar:`, e.g. `de-public`. */
  readonly name: string;
  /** Dates `YYYY-MM-DD`, sorted, without duplicates. */
  readonly dates: readonly string[];
  readonly description?: string;
}

/** A calendar item that exists but is invalid: rows naming it run without it, with a warning. */
interface InvalidCalendar {
  readonly name: string;
  /** Why it is unusable: its issues' messages, joined. */
  readonly problem: string;
}

/** What a row's calendar name can find: a usable calendar, or an invalid calendar item. */
type CalendarEntry = Calendar | InvalidCalendar;

/** The outcome of {@link parseCalendarItem}, shaped like parseRow's. */
type CalendarParseResult =
  | {
      readonly ok: true;
      readonly rowId: string;
      readonly calendar: Calendar;
      readonly warnings: readonly RowWarning[];
    }
  | {
      readonly ok: false;
      readonly rowId: string;
      /** The calendar name, when the appName has the `calendar:` prefix; rows may still name it. */
      readonly name: string | undefined;
      readonly issues: readonly RowIssue[];
      readonly warnings: readonly RowWarning[];
    };

/** One calendar item as written to the table. */
interface CalendarItemInput {
  readonly appName: string;
  readonly dates: DateListInput;
  readonly description?: string;
}

const CALENDAR_ATTRIBUTES: readonly string[] = Object.freeze(['appName', 'dates', 'description']);

const CalendarRules = Object.freeze({
  appName: `a calendar item's appName is "${CALENDAR_PREFIX}" and the calendar name; ${CALENDAR_NAME_RULE}`,
  dates: dateListRule('dates', " (the calendar's holidays)"),
  description: `description must be 1-${CALENDAR_DESCRIPTION_MAX_LENGTH} characters on one line (a DynamoDB S); it may be left out`,
});

type CalendarAttribute = keyof typeof CalendarRules;

function isCalendarAttribute(name: string): name is CalendarAttribute {
  return Object.hasOwn(CalendarRules, name);
}

function typeProblem(attribute: CalendarAttribute) {
  return (issue: { readonly input?: unknown }): string =>
    `${describeTypeProblem(attribute, issue.input)}; ${CalendarRules[attribute]}`;
}

function addProblem(ctx: z.core.$RefinementCtx<unknown>, problem: string, rule: string): void {
  ctx.addIssue({ code: 'custom', message: `${problem}; ${rule}`, params: { rule } });
}

/**
 * The zod schema of one calendar item. Output is the {@link Calendar}: the name without its
 * prefix, dates sorted and deduplicated. Prefer {@link parseCalendarItem}.
 *
 * @example
 * ```ts
 * CalendarItemSchema.parse({ appName: 'calendar:de-public', dates: new Set(['2026-12-25']) });
 * // { name: 'de-public', dates: ['2026-12-25'] }
 * ```
 */
const CalendarItemSchema = z
  .object({
    appName: z.string({ error: typeProblem('appName') }).superRefine((value, ctx) => {
      if (!value.startsWith(CALENDAR_PREFIX)) {
        addProblem(
          ctx,
          `appName ${describeValue(value)} does not start with "${CALENDAR_PREFIX}"`,
          CalendarRules.appName,
        );
        return;
      }
      const problem = calendarNameProblem(value.slice(CALENDAR_PREFIX.length));
      if (problem !== undefined) {
        const name = describeValue(value.slice(CALENDAR_PREFIX.length));
        addProblem(
          ctx,
          `appName ${describeValue(value)} has the calendar name ${name}, which ${problem}`,
          CalendarRules.appName,
        );
      }
    }),
    dates: z
      .custom<DateListInput>((value) => Array.isArray(value) || value instanceof Set, { error: typeProblem('dates') })
      .transform((value, ctx): readonly string[] => {
        const result = parseDateList(value, 'dates', " (the calendar's holidays)");
        if (result.ok) return result.dates;
        addProblem(ctx, result.problem, result.rule);
        return z.NEVER;
      }),
    description: z
      .string({ error: typeProblem('description') })
      .superRefine((value, ctx) => {
        const problem = shortTextProblem('description', value, CALENDAR_DESCRIPTION_MAX_LENGTH);
        if (problem !== undefined) addProblem(ctx, problem, CalendarRules.description);
      })
      .exactOptional(),
  } satisfies Record<CalendarAttribute, z.ZodType>)
  .transform(
    ({ appName, dates, description }): Calendar =>
      Object.freeze({
        name: appName.slice(CALENDAR_PREFIX.length),
        dates,
        ...(description === undefined ? {} : { description }),
      }),
  );

/**
 * Whether a raw table item is a calendar item (its appName starts with `calendar:`) rather
 * than a schedule row. The run sorts the scan with it: calendar items are never applications.
 *
 * @example
 * ```ts
 * isCalendarItem({ appName: 'calendar:de-public', dates: new Set(['2026-12-25']) }); // true
 * isCalendarItem({ appName: 'orders-enricher', lowKPU: 1 });                         // false
 * ```
 */
function isCalendarItem(raw: unknown): boolean {
  return isMap(raw) && typeof raw.appName === 'string' && raw.appName.startsWith(CALENDAR_PREFIX);
}

function nameOf(raw: unknown): string | undefined {
  if (!isMap(raw) || typeof raw.appName !== 'string' || !raw.appName.startsWith(CALENDAR_PREFIX)) return undefined;
  return raw.appName.slice(CALENDAR_PREFIX.length);
}

function labelOf(raw: unknown, position: number): string {
  const name = nameOf(raw);
  return name === undefined ? `calendar item #${position + 1}` : `calendar ${describeValue(name)}`;
}

function unknownAttributeWarnings(raw: Record<string, unknown>, rowId: string, label: string): RowWarning[] {
  return Object.keys(raw)
    .filter((key) => !CALENDAR_ATTRIBUTES.includes(key))
    .map((attribute) => {
      const suggestion = suggest(attribute, CALENDAR_ATTRIBUTES);
      const unknown = `${label}: unknown attribute ${describeValue(attribute)} is ignored`;
      return suggestion === undefined
        ? { rowId, attribute, message: `${unknown}; a calendar item holds only ${CALENDAR_ATTRIBUTES.join(', ')}` }
        : { rowId, attribute, message: `${unknown}; did you mean "${suggestion}"?`, suggestion };
    });
}

function toIssue(issue: z.core.$ZodIssue, raw: Record<string, unknown>, rowId: string, label: string): RowIssue {
  const head = issue.path[0];
  const attribute = typeof head === 'string' ? head : ROW_AS_A_WHOLE;
  const value = raw[attribute];
  const rule: unknown = issue.code === 'custom' ? issue.params?.rule : undefined;
  if (typeof rule === 'string') return { rowId, attribute, value, rule, message: `${label}: ${issue.message}` };
  const known = isCalendarAttribute(attribute) ? CalendarRules[attribute] : 'unknown attribute';
  return {
    rowId,
    attribute,
    value,
    rule: known,
    message: `${label}: ${describeTypeProblem(attribute, value)}; ${known}`,
  };
}

/**
 * Validates one calendar item (as returned by lib-dynamodb). Never throws; the result is
 * shaped like parseRow's: a usable {@link Calendar}, or every issue found, each message
 * naming the calendar, the attribute, the value and the rule. Unknown attributes give
 * warnings (a calendar item holds only appName, dates and description).
 *
 * @param position - 0-based position in scan order, used to name items without a usable appName
 * @example
 * ```ts
 * const result = parseCalendarItem({ appName: 'calendar:de-public', dates: ['2026-12-25', '2026-13-01'] }, 4);
 * // result.ok === false
 * // result.issues[0].message ===
 * //   'calendar "de-public": dates has "2026-13-01", which is not a date YYYY-MM-DD; dates must be dates YYYY-MM-DD ...'
 * ```
 */
function parseCalendarItem(raw: unknown, position: number): CalendarParseResult {
  const rowId = rowIdOf(raw, position);
  const label = labelOf(raw, position);
  const name = nameOf(raw);
  if (!isMap(raw)) {
    const rule = 'every item must be a DynamoDB item: a map of attributes';
    return {
      ok: false,
      rowId,
      name,
      warnings: [],
      issues: [
        {
          rowId,
          attribute: ROW_AS_A_WHOLE,
          value: raw,
          rule,
          message: `${label}: ${describeTypeProblem('the item', raw)}; ${rule}`,
        },
      ],
    };
  }
  const warnings = unknownAttributeWarnings(raw, rowId, label);
  const parsed = CalendarItemSchema.safeParse(raw);
  if (parsed.success) return { ok: true, rowId, calendar: parsed.data, warnings };
  return {
    ok: false,
    rowId,
    name,
    warnings,
    issues: parsed.error.issues.map((issue) => toIssue(issue, raw, rowId, label)),
  };
}

/**
 * The calendars of a scan by name, for the evaluation: each usable calendar, and each invalid
 * one (when its appName still names it) as an {@link InvalidCalendar}, so the rows naming it
 * say it is invalid rather than missing.
 *
 * @example
 * ```ts
 * const calendars = calendarsByName(items.filter(isCalendarItem).map(parseCalendarItem));
 * ```
 */
function calendarsByName(results: readonly CalendarParseResult[]): ReadonlyMap<string, CalendarEntry> {
  const byName = new Map<string, CalendarEntry>();
  for (const result of results) {
    if (result.ok) byName.set(result.calendar.name, result.calendar);
    else if (result.name !== undefined) {
      byName.set(result.name, { name: result.name, problem: result.issues.map((issue) => issue.message).join('; ') });
    }
  }
  return byName;
}

/**
 * Whether a calendar entry is usable (a {@link Calendar}) rather than an invalid item.
 *
 * @example
 * ```ts
 * const entry = calendars.get('de-public');
 * if (entry !== undefined && isUsableCalendar(entry)) entry.dates;
 * ```
 */
function isUsableCalendar(entry: CalendarEntry): entry is Calendar {
  return 'dates' in entry;
}

export type { Calendar, CalendarEntry, CalendarItemInput, CalendarParseResult, InvalidCalendar };
export { CalendarItemSchema, calendarsByName, isCalendarItem, isUsableCalendar, parseCalendarItem };
