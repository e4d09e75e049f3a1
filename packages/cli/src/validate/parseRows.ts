import { InputError, JsonSyntaxError } from '../errors';
import { JsonReader, type NumberReader, type ObjectInfo, type Position } from './jsonText';
import { isPlainObject } from './values';

/** How an input holds its rows. */
const InputFormat = {
  /** `[ {row}, {row} ]` */
  JSON_ARRAY: 'json-array',
  /** One row: `{row}` (also `{"Item": {row}}`, what `aws dynamodb get-item` prints). */
  JSON_OBJECT: 'json-object',
  /** One row per line (any whitespace between values is accepted). */
  JSON_LINES: 'json-lines',
  /** What `aws dynamodb scan` prints: `{"Items": [ {row} ], "Count": …}`. */
  DYNAMODB_SCAN: 'dynamodb-scan',
  /** Rows read from the table with a Scan. */
  TABLE: 'table',
} as const;

type InputFormat = (typeof InputFormat)[keyof typeof InputFormat];

/** One row of an input, before it is checked. */
interface SourceRow {
  readonly value: unknown;
  /** Where the row starts. */
  readonly position?: Position;
  /** Where its attributes are, when it is an object. */
  readonly info?: ObjectInfo;
  /** Set instead of a value when a JSON Lines line is not JSON. */
  readonly syntaxError?: JsonSyntaxError;
}

const EMPTY_HINT = 'expected a JSON array of rows, one row per line (JSON Lines), or one row object';

function rowOf(reader: JsonReader, value: unknown, position: Position | undefined): SourceRow {
  const info = typeof value === 'object' && value !== null ? reader.info.get(value) : undefined;
  return {
    value,
    ...(position === undefined ? (info === undefined ? {} : { position: info.start }) : { position }),
    ...(info === undefined ? {} : { info }),
  };
}

/** The rows of a top-level array, each with the position it starts at, as they are read. */
function* arrayRows(reader: JsonReader): Generator<SourceRow> {
  reader.consume();
  reader.skipBlanks();
  if (reader.peek() === ']') {
    reader.consume();
    return;
  }
  for (;;) {
    reader.skipBlanks();
    if (reader.peek() === ']') reader.fail("trailing comma before ']': JSON allows none");
    const position = reader.position();
    yield rowOf(reader, reader.value(1), position);
    reader.skipBlanks();
    if (reader.peek() === ']') {
      reader.consume();
      return;
    }
    reader.expect(',', "',' or ']' after a row");
  }
}

/**
 * The rows of one document: a row, or the output of `aws dynamodb scan` / `get-item`. Each row
 * is let go once it is yielded, so a large scan is not held twice.
 */
function* documentRows(reader: JsonReader, value: unknown, position: Position): Generator<SourceRow, InputFormat> {
  if (isPlainObject(value) && !('appName' in value)) {
    const items = value.Items;
    if (Array.isArray(items)) {
      const itemsAt = reader.info.get(value)?.keys.get('Items');
      for (let index = 0; index < items.length; index += 1) {
        const item: unknown = items[index];
        items[index] = undefined;
        yield rowOf(reader, item, isPlainObject(item) ? undefined : itemsAt);
      }
      return InputFormat.DYNAMODB_SCAN;
    }
    const item = value.Item;
    if (isPlainObject(item) && Object.keys(value).every((key) => key === 'Item' || key === 'ConsumedCapacity')) {
      yield rowOf(reader, item, undefined);
      return InputFormat.JSON_OBJECT;
    }
  }
  yield rowOf(reader, value, position);
  return InputFormat.JSON_OBJECT;
}

/**
 * Reads the rows of an input's text, one at a time as they are parsed (a large input is never
 * held twice): a JSON array of rows, JSON Lines (one row per line), or one row object (also the
 * output of `aws dynamodb scan` and `get-item`). Numbers go through `readNumber`, so none is
 * rounded. In JSON Lines a line that is not JSON becomes a row with its `syntaxError`, and the
 * rows after it are still read. Returns the input's format when the rows are done.
 *
 * @throws InputError when the text holds nothing but blanks
 * @throws JsonSyntaxError when an array or a single document is not JSON (line and column set)
 * @example
 * [...readRows('{"appName": "a"}\n{"appName": "b"}\n', Number)].length; // 2
 */
function* readRows(text: string, readNumber: NumberReader): Generator<SourceRow, InputFormat> {
  // Rows are at depth 1 in an array; at depth 0 in JSON Lines and one document, 2 in a scan's Items.
  const reader = new JsonReader(text, readNumber, text.trimStart().startsWith('[') ? [1] : [0, 2]);
  // A byte-order mark left by an editor (decoding drops a UTF-8 one; a string may still carry it).
  if (reader.peek() === '\ufeff') reader.consume();
  reader.skipBlanks();
  if (reader.atEnd()) throw new InputError(`empty input: ${EMPTY_HINT}`);
  if (reader.peek() === '[') {
    yield* arrayRows(reader);
    reader.skipBlanks();
    if (!reader.atEnd()) reader.fail('unexpected text after the array of rows; give one array, or one row per line');
    return InputFormat.JSON_ARRAY;
  }
  const firstAt = reader.position();
  const first = reader.value(0);
  reader.skipBlanks();
  if (reader.atEnd()) return yield* documentRows(reader, first, firstAt);
  // More than one value: JSON Lines (or values one after the other, as `jq '.[]'` prints them).
  // Each row stands alone, so a bad one is reported and the rows after it are still read.
  yield rowOf(reader, first, firstAt);
  while (!reader.atEnd()) {
    const position = reader.position();
    try {
      yield rowOf(reader, reader.value(0), position);
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error;
      yield { value: undefined, position, syntaxError: error };
      reader.skipToNextRow();
    }
    reader.skipBlanks();
  }
  return InputFormat.JSON_LINES;
}

export type { SourceRow };
export { InputFormat, readRows };
