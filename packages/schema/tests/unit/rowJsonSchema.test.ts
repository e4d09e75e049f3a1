import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRowJsonSchema } from '../../scripts/writeJsonSchema';
import { CALENDAR_PREFIX, parseRow } from '../../src/index';
import { type JsonSchema, ROW_JSON_SCHEMA_COMMAND, ROW_JSON_SCHEMA_PATH, rowJsonSchema } from '../../src/rowJsonSchema';

const ROOT = join(__dirname, '..', '..', '..', '..');

/** The keywords {@link problemsOf} understands; any other one in the schema fails the test. */
const KNOWN_KEYWORDS = new Set([
  '$schema',
  'title',
  'description',
  'default',
  'examples',
  'type',
  'enum',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'anyOf',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
]);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasType(value: unknown, type: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      throw new Error(`the test validator does not know type ${String(type)}`);
  }
}

function unknownKeywords(schema: JsonSchema): string[] {
  return Object.keys(schema).filter((keyword) => !KNOWN_KEYWORDS.has(keyword));
}

/**
 * A minimal JSON Schema validator for the keywords the row schema uses: the problems of
 * `value` at `path` (empty when valid). Made to check the committed schema, not as a library.
 */
function problemsOf(schema: JsonSchema, value: unknown, path = '$'): string[] {
  const unknown = unknownKeywords(schema);
  if (unknown.length > 0) throw new Error(`${path}: the test validator does not know ${unknown.join(', ')}`);
  if (schema.type !== undefined && !hasType(value, schema.type)) return [`${path} is not ${String(schema.type)}`];
  const problems: string[] = [];
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) problems.push(`${path} is not in the enum`);
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) problems.push(`${path} < ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) problems.push(`${path} > ${schema.maximum}`);
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) problems.push(`${path} too short`);
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) problems.push(`${path} too long`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) {
      problems.push(`${path} does not match ${schema.pattern}`);
    }
  }
  if (Array.isArray(schema.anyOf)) {
    const branches = schema.anyOf.filter(isObject);
    if (branches.every((branch) => problemsOf(branch, value, path).length > 0))
      problems.push(`${path} matches no anyOf`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems)
      problems.push(`${path} has too few items`);
    if (isObject(schema.items)) {
      const items = schema.items;
      value.forEach((item, index) => {
        problems.push(...problemsOf(items, item, `${path}[${index}]`));
      });
    }
  }
  if (isObject(value)) {
    const required = Array.isArray(schema.required) ? schema.required : [];
    for (const key of required) if (!(String(key) in value)) problems.push(`${path}.${String(key)} is missing`);
    const properties = isObject(schema.properties) ? schema.properties : {};
    for (const [key, child] of Object.entries(value)) {
      const property = properties[key];
      if (isObject(property)) problems.push(...problemsOf(property, child, `${path}.${key}`));
      else if (schema.additionalProperties === false) problems.push(`${path}.${key} is not allowed`);
    }
  }
  return problems;
}

/** The schedule rows of examples/schedules.json (calendar items are another kind of item). */
function exampleRows(): Record<string, unknown>[] {
  const file: unknown = JSON.parse(readFileSync(join(ROOT, 'examples', 'schedules.json'), 'utf8'));
  if (!isObject(file) || !Array.isArray(file.rows)) throw new Error('examples/schedules.json has no rows');
  return file.rows
    .filter(isObject)
    .filter((row) => !(typeof row.appName === 'string' && row.appName.startsWith(CALENDAR_PREFIX)));
}

describe('Function: rowJsonSchema', () => {
  it('matches the committed row.schema.json', () => {
    // Prepare
    const committed = readFileSync(join(ROOT, ROW_JSON_SCHEMA_PATH), 'utf8');

    // Act
    const regenerated = renderRowJsonSchema();

    // Assess
    if (regenerated !== committed) {
      throw new Error(`${ROW_JSON_SCHEMA_PATH} is out of date with the zod schema: run \`${ROW_JSON_SCHEMA_COMMAND}\``);
    }
    expect(regenerated).toBe(committed);
  });

  it('describes plain JSON rows with appName and lowKPU required', () => {
    // Prepare
    const schema = rowJsonSchema();

    // Act
    const properties = isObject(schema.properties) ? Object.keys(schema.properties) : [];

    // Assess
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(['appName', 'lowKPU']);
    expect(properties).toEqual(expect.arrayContaining(['windows', 'overrides', 'holidays', 'calendars']));
    expect(JSON.stringify(schema)).not.toContain('"S"');
  });

  it('has an attribute schema (not {}) with its rule for every attribute', () => {
    // Prepare
    const schema = rowJsonSchema();

    // Act
    const properties = isObject(schema.properties) ? Object.entries(schema.properties) : [];

    // Assess
    for (const [, property] of properties) {
      expect(property).toEqual(expect.objectContaining({ description: expect.any(String) }));
      expect(Object.keys(isObject(property) ? property : {}).length).toBeGreaterThan(1);
    }
  });

  it('accepts every example row the scaler accepts', () => {
    // Prepare
    const schema = rowJsonSchema();
    const accepted = exampleRows().filter((row, position) => parseRow(row, position).ok);

    // Act
    const problems = accepted.flatMap((row) => problemsOf(schema, row, String(row.appName)));

    // Assess
    expect(accepted.length).toBeGreaterThan(5);
    expect(problems).toEqual([]);
  });

  it.each([
    ['an hour as a string', { scaleUpHour: '8' }],
    ['a fractional KPU', { lowKPU: 1.5 }],
    ['an hour above 23', { scaleDownHour: 24 }],
    ['an unknown autoScaling mode', { autoScaling: 'off' }],
    ['an appName with a space', { appName: 'orders enricher' }],
    ['a window without kpu', { windows: [{ from: 8, to: 18 }] }],
    ['an override without reason', { overrides: [{ kpu: 8, until: '2026-11-27T18:00:00Z' }] }],
    ['an override until without offset', { overrides: [{ kpu: 8, until: '2026-11-27T18:00', reason: 'x' }] }],
    ['a holiday that is not a date', { holidays: ['Christmas'] }],
    ['DynamoDB JSON', { lowKPU: { N: '1' } }],
  ])('refuses a row with %s, as the scaler does', (_label, change) => {
    // Prepare
    const schema = rowJsonSchema();
    const row = { appName: 'orders-enricher', lowKPU: 1, highKPU: 4, scaleUpHour: 8, scaleDownHour: 20, ...change };

    // Act
    const problems = problemsOf(schema, row);

    // Assess
    expect(parseRow(row, 0).ok).toBe(false);
    expect(problems).not.toEqual([]);
  });
});
