import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  NumberValue,
  PutCommand,
  paginateScan,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { CALENDAR_PREFIX, ROW_ATTRIBUTES, UnreadableValue } from '@msf-scaler/schema';
import { tableFailure } from './scheduleTable';

/**
 * Why a conditional write of a row was refused: the row does not exist (or no longer does), it
 * exists when it was to be created, or it (or the attribute written) changed between the read
 * and the write.
 *
 * @example
 * ```ts
 * if (!result.ok && result.refusal === WriteRefusal.CHANGED) { ... }
 * ```
 */
const WriteRefusal = {
  ROW_MISSING: 'row-missing',
  /** A row to create exists: someone created it between the read and the write. */
  ROW_EXISTS: 'row-exists',
  CHANGED: 'changed',
  /** What was read is too large to compare within DynamoDB's 4 KB condition. */
  TOO_LARGE: 'too-large',
} as const;

/** One of `'row-missing' | 'row-exists' | 'changed' | 'too-large'`. */
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

/** What {@link replaceRow} writes: a whole item in place of the row read. */
interface RowReplace {
  /**
   * The row exactly as read (plain values from the DocumentClient). The write goes through only
   * while the row still holds every one of these attributes, deeply, and none of the scaler's
   * attributes, nor of `item`'s, that it did not have.
   */
  readonly expected: Readonly<Record<string, unknown>>;
  /** The new item, as plain values; its `appName` is the key. */
  readonly item: Readonly<Record<string, unknown>>;
}

/** What {@link deleteRow} removes. */
interface RowDelete {
  readonly appName: string;
  /** The row exactly as read (and shown): the delete goes through only while the row still holds it. */
  readonly expected: Readonly<Record<string, unknown>>;
}

/** What {@link writeEnabled} writes to one row. */
interface EnabledWrite {
  readonly appName: string;
  /** The row's `enabled` exactly as read; `undefined` when the row had none. */
  readonly expected: unknown;
  readonly enabled: boolean;
}

/** DynamoDB's limit on the length of one expression. */
const MAX_EXPRESSION_LENGTH = 4096;

/**
 * A value as the DocumentClient is given it, at any depth: a number no JavaScript number holds
 * goes back as its digits (it was read as an {@link UnreadableValue}), so what is written or
 * compared is what was read, digit for digit.
 */
function toWire(value: unknown): unknown {
  if (value instanceof UnreadableValue) return NumberValue.from(value.text);
  if (value instanceof Set) return new Set([...value].map(toWire));
  if (Array.isArray(value)) return value.map(toWire);
  if (isMapValue(value) && !(value instanceof NumberValue)) {
    return Object.fromEntries(Object.entries(value).map(([key, element]) => [key, toWire(element)]));
  }
  return value;
}

/**
 * The one mapping of an item to what the DocumentClient writes: plain values as read or
 * parsed, with numbers no JavaScript number holds exactly written back as their digits, at any
 * depth. The DocumentClient then stores arrays as lists (L), objects as maps (M) and `Set`s as
 * sets (SS, NS, BS).
 *
 * @example
 * ```ts
 * marshall(toWireItem({ appName: 'orders', note: new UnreadableValue('99999999999999999999', 'a number') }));
 * // { appName: { S: 'orders' }, note: { N: '99999999999999999999' } }
 * ```
 */
function toWireItem(item: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).map(([attribute, value]) => [attribute, toWire(value)]));
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

/**
 * The terms of a condition that holds only while the whole item is still `expected`: every
 * attribute read compared deeply (its `appName` first, which also requires the row to exist),
 * and every attribute of `absent` it did not have still missing. DynamoDB cannot say "no other
 * attribute": `absent` names the ones that matter (the scaler's, and those about to be written).
 */
function itemUnchangedTerms(
  expected: Readonly<Record<string, unknown>>,
  absent: readonly string[],
  expression: Placeholders,
): string[] {
  const attributes = Object.keys(expected).sort((a, b) => Number(b === 'appName') - Number(a === 'appName'));
  const missing = [...new Set(absent)].filter((attribute) => !Object.hasOwn(expected, attribute));
  return [
    ...attributes.flatMap((attribute) => unchangedTerms(expression.name(attribute), expected[attribute], expression)),
    ...missing.map((attribute) => `attribute_not_exists(${expression.name(attribute)})`),
  ];
}

/** The names and values of an expression, as a command takes them: DynamoDB refuses an empty values map. */
function expressionParameters(expression: Placeholders): {
  readonly ExpressionAttributeNames: Record<string, string>;
  readonly ExpressionAttributeValues?: Record<string, unknown>;
} {
  return Object.keys(expression.values).length === 0
    ? { ExpressionAttributeNames: expression.names }
    : { ExpressionAttributeNames: expression.names, ExpressionAttributeValues: expression.values };
}

/** Returns when a write failed its condition; any other failure is a failure of the table, thrown. */
function throwUnlessConditionFailed(error: unknown, tableName: string, action: string): void {
  if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return;
  throw tableFailure(tableName, error, 'write', action);
}

function tooLarge(appName: string, fix: string): WriteResult {
  return {
    ok: false,
    refusal: WriteRefusal.TOO_LARGE,
    message: `row "${appName}" holds too much to compare in one conditional write (DynamoDB's ${MAX_EXPRESSION_LENGTH}-character condition); ${fix}`,
  };
}

function changed(appName: string, what: string): WriteResult {
  return {
    ok: false,
    refusal: WriteRefusal.CHANGED,
    message: `row "${appName}" changed since it was read (${what} in between); nothing was written: run the command again`,
  };
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
    message: `no row "${appName}" in table "${tableName}"; add it first (msf-scaler put, see the README)`,
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

/**
 * Creates a row with one PutItem, conditional on there being none with its `appName`
 * (`attribute_not_exists(appName)`): a row someone else created in the meantime is never
 * overwritten.
 *
 * @param item - the row as plain values (see {@link toWireItem}); its `appName` is the key
 * @returns `ok`, or the refusal `row-exists` with a message naming the row
 * @throws ScheduleTableError when the table cannot be written (missing, access denied, ...)
 * @example
 * ```ts
 * await createRow(client, 'msf-scaler-schedules', { appName: 'orders', lowKPU: 1, highKPU: 4, scaleUpHour: 8, scaleDownHour: 20 });
 * ```
 */
async function createRow(
  client: DynamoDBDocumentClient,
  tableName: string,
  item: Readonly<Record<string, unknown>>,
): Promise<WriteResult> {
  const expression = placeholders();
  try {
    await client.send(
      new PutCommand({
        TableName: tableName,
        Item: toWireItem(item),
        ConditionExpression: `attribute_not_exists(${expression.name('appName')})`,
        ...expressionParameters(expression),
      }),
    );
    return { ok: true };
  } catch (error) {
    throwUnlessConditionFailed(error, tableName, 'dynamodb:PutItem');
  }
  return {
    ok: false,
    refusal: WriteRefusal.ROW_EXISTS,
    message: `row "${String(item.appName)}" exists in table "${tableName}": someone created it since it was read; nothing was written: run the command again`,
  };
}

/**
 * Replaces a whole row with one PutItem, conditional on the row being exactly as read: every
 * attribute read still holds its value (lists and maps compared element by element, see
 * {@link unchangedTerms}), and none of the scaler's attributes, nor of the new item's, that the
 * row did not have has appeared. So an override, an `enabled` or a schedule someone wrote in
 * between is never lost silently. (An attribute unknown to the scaler added in between, and not
 * in the new item, is not seen: DynamoDB has no "no other attribute" condition.)
 *
 * @returns `ok`, or the refusal: `row-missing` (removed in between), `changed`, `too-large`
 * @throws ScheduleTableError when the table cannot be written
 * @example
 * ```ts
 * const expected = (await readScheduleItems(client, table, ['orders'])).get('orders');
 * if (expected !== undefined) await replaceRow(client, table, { expected, item: { ...expected, highKPU: 8 } });
 * ```
 */
async function replaceRow(client: DynamoDBDocumentClient, tableName: string, write: RowReplace): Promise<WriteResult> {
  const appName = String(write.item.appName);
  const expression = placeholders();
  const condition = itemUnchangedTerms(
    write.expected,
    [...ROW_ATTRIBUTES, ...Object.keys(write.item)],
    expression,
  ).join(' AND ');
  if (condition.length > MAX_EXPRESSION_LENGTH) {
    return tooLarge(appName, 'replace it with aws dynamodb put-item, which overwrites it without a check');
  }
  try {
    await client.send(
      new PutCommand({
        TableName: tableName,
        Item: toWireItem(write.item),
        ConditionExpression: condition,
        ...expressionParameters(expression),
      }),
    );
    return { ok: true };
  } catch (error) {
    throwUnlessConditionFailed(error, tableName, 'dynamodb:PutItem');
  }
  // Which half of the condition failed: read again to tell a removed row from a changed one.
  if ((await readItem(client, tableName, appName)) === undefined) {
    return {
      ok: false,
      refusal: WriteRefusal.ROW_MISSING,
      message: `row "${appName}" was removed from table "${tableName}" since it was read; nothing was written: run the command again`,
    };
  }
  return changed(appName, 'someone else wrote it');
}

/**
 * Deletes a row with one DeleteItem, conditional on it being exactly as read (and shown), with
 * the same condition as {@link replaceRow}: a row someone changed since is never removed
 * unseen. There is no version attribute to check instead: rows are written by hand, by
 * `aws dynamodb`, by `msf-scaler override`, and none of them would keep one up to date.
 *
 * @returns `ok`, or the refusal: `row-missing` (removed by someone else), `changed`, `too-large`
 * @throws ScheduleTableError when the table cannot be written
 * @example
 * ```ts
 * await deleteRow(client, 'msf-scaler-schedules', { appName: 'orders', expected: itemAsShown });
 * ```
 */
async function deleteRow(client: DynamoDBDocumentClient, tableName: string, write: RowDelete): Promise<WriteResult> {
  const expression = placeholders();
  const condition = itemUnchangedTerms(write.expected, ROW_ATTRIBUTES, expression).join(' AND ');
  if (condition.length > MAX_EXPRESSION_LENGTH) {
    return tooLarge(write.appName, 'remove it with aws dynamodb delete-item, which removes it without a check');
  }
  try {
    await client.send(
      new DeleteCommand({
        TableName: tableName,
        Key: { appName: write.appName },
        ConditionExpression: condition,
        ...expressionParameters(expression),
      }),
    );
    return { ok: true };
  } catch (error) {
    throwUnlessConditionFailed(error, tableName, 'dynamodb:DeleteItem');
  }
  if ((await readItem(client, tableName, write.appName)) === undefined) {
    return {
      ok: false,
      refusal: WriteRefusal.ROW_MISSING,
      message: `no row "${write.appName}" in table "${tableName}": someone removed it since it was read`,
    };
  }
  return changed(write.appName, 'someone else wrote it');
}

/**
 * Sets a row's `enabled` and nothing else, with one UpdateItem conditional on the row existing
 * and its `enabled` being still as read (absent stays absent), so a concurrent enable or
 * disable is never overwritten silently. Every other attribute is left as it is.
 *
 * @returns `ok`, or the refusal: `row-missing`, `changed`
 * @throws ScheduleTableError when the table cannot be written
 * @example
 * ```ts
 * await writeEnabled(client, 'msf-scaler-schedules', { appName: 'orders', expected: undefined, enabled: false });
 * ```
 */
async function writeEnabled(
  client: DynamoDBDocumentClient,
  tableName: string,
  write: EnabledWrite,
): Promise<WriteResult> {
  const expression = placeholders();
  const attribute = expression.name('enabled');
  const condition = [
    `attribute_exists(${expression.name('appName')})`,
    ...unchangedTerms(attribute, write.expected, expression),
  ].join(' AND ');
  try {
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { appName: write.appName },
        UpdateExpression: `SET ${attribute} = ${expression.value(write.enabled)}`,
        ConditionExpression: condition,
        ...expressionParameters(expression),
      }),
    );
    return { ok: true };
  } catch (error) {
    throwUnlessConditionFailed(error, tableName, 'dynamodb:UpdateItem');
  }
  if ((await readItem(client, tableName, write.appName)) === undefined) return rowMissing(tableName, write.appName);
  return changed(write.appName, 'its enabled was written by someone else');
}

export type { CalendarWrite, EnabledWrite, OverridesWrite, RowDelete, RowReplace, WriteResult };
export {
  createRow,
  deleteRow,
  listCalendarItems,
  putCalendar,
  replaceRow,
  toWireItem,
  WriteRefusal,
  writeEnabled,
  writeOverrides,
};
