import {
  type DynamoDBDocumentClient,
  GetCommand,
  NumberValue,
  paginateScan,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { CALENDAR_PREFIX, UnreadableValue } from '@msf-scaler/schema';
import { ScheduleTableError } from '../errors';

/**
 * Why a conditional write of a row's `overrides` was refused: the row does not exist (or no
 * longer does), or its `overrides` changed between the read and the write.
 *
 * @example
 * ```ts
 * if (!result.ok && result.refusal === WriteRefusal.CHANGED) { ... }
 * ```
 */
const WriteRefusal = {
  ROW_MISSING: 'row-missing',
  CHANGED: 'changed',
  /** The overrides read are too many to compare within DynamoDB's 4 KB condition. */
  TOO_LARGE: 'too-large',
} as const;

/** One of `'row-missing' | 'changed' | 'too-large'`. */
type WriteRefusal = (typeof WriteRefusal)[keyof typeof WriteRefusal];

/** A conditional write that went through, or why not, with a message naming the row and the fix. */
type WriteResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly refusal: WriteRefusal; readonly message: string };

/** What {@link writeOverrides} writes to one row. */
interface OverridesWrite {
  readonly appName: string;
  /**
   * The row's `overrides` exactly as read (plain values from the DocumentClient); `undefined`
   * when the row had none. The write goes through only while the row still holds this.
   */
  readonly expected: unknown;
  /** The new list; an empty one removes the attribute. */
  readonly overrides: readonly unknown[];
}

/** What {@link putCalendar} writes: the item `calendar:<name>`. */
interface CalendarWrite {
  /** The name after `calendar:`. */
  readonly name: string;
  /** Dates `YYYY-MM-DD`, already validated. */
  readonly dates: readonly string[];
  /** Written when given; otherwise the item keeps the description it has. */
  readonly description?: string;
}

/** DynamoDB's limit on the length of one expression. */
const MAX_EXPRESSION_LENGTH = 4096;

/** A failure of the table as a whole, with the fix for the usual causes. */
function tableFailure(tableName: string, error: unknown, verb: string, action: string): ScheduleTableError {
  const name = error instanceof Error ? error.name : 'UnknownError';
  const detail = error instanceof Error ? error.message : String(error);
  const fix =
    name === 'ResourceNotFoundException'
      ? 'create the table or point the command at the right one (--table or SCHEDULE_TABLE)'
      : name === 'AccessDeniedException'
        ? `grant ${action} on the table to the credentials the command uses`
        : 'check the region, credentials and endpoint the command uses';
  return new ScheduleTableError(`cannot ${verb} schedule table "${tableName}": ${name}: ${detail}; ${fix}`, {
    cause: error,
  });
}

/** A value as the condition compares it: a number no JavaScript number holds goes back as its digits. */
function toWire(value: unknown): unknown {
  if (value instanceof UnreadableValue) return NumberValue.from(value.text);
  if (value instanceof Set) return new Set([...value].map(toWire));
  return value;
}

function isMapValue(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Set) &&
    !(value instanceof Uint8Array) &&
    !(value instanceof UnreadableValue)
  );
}

/** Placeholders of one expression: every name and value goes through one, so any key is safe. */
interface Placeholders {
  readonly names: Record<string, string>;
  readonly values: Record<string, unknown>;
  name(text: string): string;
  value(value: unknown): string;
}

function placeholders(): Placeholders {
  const names: Record<string, string> = {};
  const byName = new Map<string, string>();
  const values: Record<string, unknown> = {};
  let count = 0;
  return {
    names,
    values,
    name(text) {
      let placeholder = byName.get(text);
      if (placeholder === undefined) {
        placeholder = `#n${byName.size}`;
        byName.set(text, placeholder);
        names[placeholder] = text;
      }
      return placeholder;
    },
    value(value) {
      const placeholder = `:v${count++}`;
      values[placeholder] = value;
      return placeholder;
    },
  };
}

/**
 * The terms of a condition that holds only while the attribute at `path` still holds `value`,
 * deeply. Lists and maps are compared element by element, with their sizes (so nothing was
 * added or removed): DynamoDB compares a whole list or map with `=`, but dynalite (the local
 * world) compares their elements by reference and would refuse every write, so the one form
 * both understand is used.
 */
function unchangedTerms(path: string, value: unknown, expression: Placeholders): string[] {
  if (value === undefined) return [`attribute_not_exists(${path})`];
  if (value === null) return [`attribute_type(${path}, ${expression.value('NULL')})`];
  if (Array.isArray(value)) {
    return [
      `size(${path}) = ${expression.value(value.length)}`,
      ...value.flatMap((element, index) => unchangedTerms(`${path}[${index}]`, element, expression)),
    ];
  }
  if (isMapValue(value)) {
    return [
      `size(${path}) = ${expression.value(Object.keys(value).length)}`,
      ...Object.entries(value).flatMap(([key, element]) =>
        unchangedTerms(`${path}.${expression.name(key)}`, element, expression),
      ),
    ];
  }
  return [`${path} = ${expression.value(toWire(value))}`];
}

/** Reads one item consistently; `undefined` when there is none. */
async function readItem(
  client: DynamoDBDocumentClient,
  tableName: string,
  appName: string,
): Promise<Record<string, unknown> | undefined> {
  try {
    const output = await client.send(new GetCommand({ TableName: tableName, Key: { appName }, ConsistentRead: true }));
    return output.Item;
  } catch (error) {
    throw tableFailure(tableName, error, 'read', 'dynamodb:GetItem');
  }
}

function rowMissing(tableName: string, appName: string): WriteResult {
  return {
    ok: false,
    refusal: WriteRefusal.ROW_MISSING,
    message: `no row "${appName}" in table "${tableName}"; add it first (aws dynamodb put-item, see the README)`,
  };
}

/**
 * Writes a row's `overrides` and nothing else, with one conditional UpdateItem: it goes
 * through only if the row exists and its `overrides` are still exactly those read, so two
 * operators never overwrite each other's override. An empty list removes the attribute.
 *
 * @returns `ok`, or the refusal with a message naming the row and the fix (`no row "x" ...;
 *   add it first`, `row "x" changed since it was read ...; run the command again`)
 * @throws ScheduleTableError when the table cannot be written (missing, access denied, ...)
 * @example
 * ```ts
 * const item = await readScheduleItems(client, table, ['orders-enricher']);
 * const expected = item.get('orders-enricher')?.overrides;
 * await writeOverrides(client, table, { appName: 'orders-enricher', expected, overrides: [...current, added] });
 * ```
 */
async function writeOverrides(
  client: DynamoDBDocumentClient,
  tableName: string,
  write: OverridesWrite,
): Promise<WriteResult> {
  const expression = placeholders();
  const attribute = expression.name('overrides');
  const condition = [
    `attribute_exists(${expression.name('appName')})`,
    ...unchangedTerms(attribute, write.expected, expression),
  ].join(' AND ');
  if (condition.length > MAX_EXPRESSION_LENGTH) {
    const count = Array.isArray(write.expected) ? write.expected.length : 1;
    return {
      ok: false,
      refusal: WriteRefusal.TOO_LARGE,
      message: `row "${write.appName}" has ${count} overrides, too many to compare in one conditional write (DynamoDB's ${MAX_EXPRESSION_LENGTH}-character condition); remove the old ones with aws dynamodb update-item --update-expression "REMOVE overrides"`,
    };
  }
  const update =
    write.overrides.length === 0
      ? `REMOVE ${attribute}`
      : `SET ${attribute} = ${expression.value(write.overrides.map(toWire))}`;
  try {
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { appName: write.appName },
        UpdateExpression: update,
        ConditionExpression: condition,
        ExpressionAttributeNames: expression.names,
        ExpressionAttributeValues: expression.values,
      }),
    );
    return { ok: true };
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'ConditionalCheckFailedException') {
      throw tableFailure(tableName, error, 'write', 'dynamodb:UpdateItem');
    }
  }
  // Which half of the condition failed: read again to tell a deleted row from a changed one.
  if ((await readItem(client, tableName, write.appName)) === undefined) return rowMissing(tableName, write.appName);
  return {
    ok: false,
    refusal: WriteRefusal.CHANGED,
    message: `row "${write.appName}" changed since it was read (its overrides were written by someone else in between); nothing was written: run the command again`,
  };
}

/**
 * Creates the calendar item `calendar:<name>`, or replaces its `dates` (and its
 * `description`, when given), with one UpdateItem: its other attributes are kept. `dates` is
 * written as a string set (an empty list when there is none: DynamoDB has no empty set).
 *
 * @throws ScheduleTableError when the table cannot be written
 * @example
 * ```ts
 * await putCalendar(client, 'msf-scaler-schedules', { name: 'de-public', dates: ['2026-12-25', '2026-12-26'] });
 * ```
 */
async function putCalendar(client: DynamoDBDocumentClient, tableName: string, calendar: CalendarWrite): Promise<void> {
  const expression = placeholders();
  const dates = calendar.dates.length === 0 ? [] : new Set(calendar.dates);
  const assignments = [`${expression.name('dates')} = ${expression.value(dates)}`];
  if (calendar.description !== undefined) {
    assignments.push(`${expression.name('description')} = ${expression.value(calendar.description)}`);
  }
  try {
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { appName: `${CALENDAR_PREFIX}${calendar.name}` },
        UpdateExpression: `SET ${assignments.join(', ')}`,
        ExpressionAttributeNames: expression.names,
        ExpressionAttributeValues: expression.values,
      }),
    );
  } catch (error) {
    throw tableFailure(tableName, error, 'write', 'dynamodb:UpdateItem');
  }
}

/**
 * Every calendar item of the table (`appName` starting with `calendar:`), all pages, as plain
 * objects like the run reads them. One Scan with a filter: the table is read whole (DynamoDB
 * bills the items scanned), but only the calendar items travel.
 *
 * @throws ScheduleTableError when the table cannot be read
 * @example
 * ```ts
 * const items = await listCalendarItems(client, 'msf-scaler-schedules');
 * items.map((item) => parseCalendarItem(item, 0));
 * ```
 */
async function listCalendarItems(
  client: DynamoDBDocumentClient,
  tableName: string,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  try {
    const pages = paginateScan(
      { client },
      {
        TableName: tableName,
        ConsistentRead: true,
        FilterExpression: 'begins_with(#appName, :prefix)',
        ExpressionAttributeNames: { '#appName': 'appName' },
        ExpressionAttributeValues: { ':prefix': CALENDAR_PREFIX },
      },
    );
    for await (const page of pages) items.push(...(page.Items ?? []));
  } catch (error) {
    throw tableFailure(tableName, error, 'read', 'dynamodb:Scan');
  }
  return items;
}

export type { CalendarWrite, OverridesWrite, WriteResult };
export { listCalendarItems, putCalendar, WriteRefusal, writeOverrides };
