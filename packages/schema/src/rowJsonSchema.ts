import * as z from 'zod';
import {
  APP_NAME_MAX_LENGTH,
  CALENDAR_NAME_MAX_LENGTH,
  OVERRIDE_BY_MAX_LENGTH,
  OVERRIDE_REASON_MAX_LENGTH,
  WEEKDAYS,
} from './constants';
import { ATTRIBUTE_RULES, isRowAttribute, RowSchema } from './rowSchema';

/** A JSON Schema document or sub-schema, as plain JSON. */
type JsonSchema = Record<string, unknown>;

/** Where the committed schema lives, relative to the repository root. */
const ROW_JSON_SCHEMA_PATH = 'packages/schema/row.schema.json';

/** The command that rewrites {@link ROW_JSON_SCHEMA_PATH}. */
const ROW_JSON_SCHEMA_COMMAND = 'pnpm schema:json';

const WHOLE_KPU: JsonSchema = { type: 'integer', minimum: 1 };
const WHOLE_HOUR: JsonSchema = { type: 'integer', minimum: 0, maximum: 23 };
/** Day names as peakDays accepts them; the string form (`"MON-FRI"`) is checked by the scaler. */
const DAYS: JsonSchema = {
  anyOf: [
    { type: 'string', minLength: 1, examples: ['MON-FRI', 'SAT,SUN'] },
    { type: 'array', minItems: 1, items: { type: 'string', examples: [...WEEKDAYS] } },
  ],
};
/** `YYYY-MM-DDTHH:mm[:ss[.f]]` with `Z` or an offset, as the scaler reads instants. */
const INSTANT: JsonSchema = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$',
};
const ONE_LINE = '^[^\\r\\n]+$';

/**
 * What zod cannot express for each attribute: its checks run in refinements and transforms
 * (whole numbers, ranges, element maps, day strings), which `z.toJSONSchema` leaves out or
 * turns into `{}`. The rules (messages) stay in zod; these are their structural shadow.
 */
const ATTRIBUTE_SHAPES: Readonly<Record<string, JsonSchema>> = {
  appName: { type: 'string', minLength: 1, maxLength: APP_NAME_MAX_LENGTH, pattern: '^[a-zA-Z0-9_.-]+$' },
  lowKPU: WHOLE_KPU,
  highKPU: WHOLE_KPU,
  scaleUpHour: WHOLE_HOUR,
  scaleDownHour: WHOLE_HOUR,
  peakDays: DAYS,
  windows: {
    type: 'array',
    items: {
      type: 'object',
      properties: { from: WHOLE_HOUR, to: WHOLE_HOUR, kpu: WHOLE_KPU, days: DAYS },
      required: ['from', 'to', 'kpu'],
    },
  },
  overrides: {
    type: 'array',
    items: {
      type: 'object',
      properties: {
        kpu: WHOLE_KPU,
        until: INSTANT,
        from: INSTANT,
        reason: { type: 'string', minLength: 1, maxLength: OVERRIDE_REASON_MAX_LENGTH, pattern: ONE_LINE },
        by: { type: 'string', minLength: 1, maxLength: OVERRIDE_BY_MAX_LENGTH, pattern: ONE_LINE },
      },
      required: ['kpu', 'until', 'reason'],
    },
  },
  holidays: { type: 'array', items: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } },
  calendars: {
    type: 'array',
    items: {
      type: 'string',
      minLength: 1,
      maxLength: CALENDAR_NAME_MAX_LENGTH,
      pattern: '^[a-zA-Z0-9][a-zA-Z0-9_.-]*$',
    },
  },
};

/** Replaces the contents of `target` with `source` (z.toJSONSchema's override edits in place). */
function replaceContents(target: JsonSchema, source: JsonSchema): void {
  for (const key of Object.keys(target)) delete target[key];
  Object.assign(target, source);
}

/**
 * The JSON Schema (draft 2020-12) of one schedule row as plain JSON, the form an editor sees in
 * a row file (not DynamoDB JSON), generated from {@link RowSchema} with `io: 'input'` (defaults
 * are optional) and each attribute's rule as its `description`. Cross-field rules (highKPU >=
 * lowKPU, the simple window's three attributes together) and time zone names are left to
 * `msf-scaler validate`. Unknown attributes are allowed, as the scaler ignores them with a warning.
 *
 * @example
 * ```ts
 * const schema = rowJsonSchema();
 * schema.required; // ['appName', 'lowKPU']
 * ```
 */
function rowJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(RowSchema, {
    io: 'input',
    unrepresentable: 'any',
    override: (context) => {
      const [section, attribute, ...rest] = context.path;
      if (section !== 'properties' || typeof attribute !== 'string' || rest.length > 0) return;
      if (!isRowAttribute(attribute)) return;
      const { default: fallback } = context.jsonSchema;
      replaceContents(context.jsonSchema, {
        ...context.jsonSchema,
        ...ATTRIBUTE_SHAPES[attribute],
        description: ATTRIBUTE_RULES[attribute],
        ...(fallback === undefined ? {} : { default: fallback }),
      });
    },
  }) as JsonSchema;
  return {
    $schema: generated.$schema,
    title: 'MSF Scheduled Scaler schedule row',
    description:
      'One row of the schedule table as plain JSON (one MSF application). Written by pnpm schema:json from the zod schema in packages/schema; check rows with msf-scaler validate.',
    ...generated,
  };
}

export type { JsonSchema };
export { ROW_JSON_SCHEMA_COMMAND, ROW_JSON_SCHEMA_PATH, rowJsonSchema };
