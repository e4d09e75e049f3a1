import { UnreadableValue } from '@msf-scaler/schema';
import { InputError, JsonSyntaxError } from '../../src/errors';
import type { SourceRow } from '../../src/validate/parseRows';
import { readRows } from '../../src/validate/parseRows';

/** Every row of `text` and the format, numbers read as JavaScript numbers. */
function readAll(text: string): { rows: SourceRow[]; format: string } {
  const rows: SourceRow[] = [];
  const iterator = readRows(text, Number);
  let step = iterator.next();
  while (step.done !== true) {
    rows.push(step.value);
    step = iterator.next();
  }
  return { rows, format: step.value };
}

/** The syntax error reading `text` throws, as line, column and message. */
function syntaxErrorOf(text: string): { line: number; column: number; message: string } | undefined {
  try {
    readAll(text);
    return undefined;
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { line: error.line, column: error.column, message: error.message };
  }
}

describe('Function: readRows', () => {
  it('reads a JSON array, with where each row and each attribute starts', () => {
    // Act
    const { rows, format } = readAll('[\n  {"appName": "a",\n   "lowKPU": 1},\n  {"appName": "b"}\n]\n');

    // Assess
    expect(format).toBe('json-array');
    expect(rows.map((row) => row.value)).toEqual([{ appName: 'a', lowKPU: 1 }, { appName: 'b' }]);
    expect(rows[0]?.position).toEqual({ line: 2, column: 3 });
    expect(rows[0]?.info?.keys.get('lowKPU')).toEqual({ line: 3, column: 4 });
    expect(rows[1]?.position).toEqual({ line: 4, column: 3 });
  });

  it.each([
    ['one object', '{"appName": "a"}', 'json-object', [{ appName: 'a' }]],
    ['JSON Lines', '{"appName": "a"}\r\n{"appName": "b"}\n\n', 'json-lines', [{ appName: 'a' }, { appName: 'b' }]],
    [
      'pretty rows one after the other',
      '{\n  "appName": "a"\n}\n{\n  "appName": "b"\n}\n',
      'json-lines',
      [{ appName: 'a' }, { appName: 'b' }],
    ],
    [
      'the output of aws dynamodb scan',
      '{"Items": [{"appName": {"S": "a"}}], "Count": 1}',
      'dynamodb-scan',
      [{ appName: { S: 'a' } }],
    ],
    [
      'the output of aws dynamodb get-item',
      '{"Item": {"appName": {"S": "a"}}}',
      'json-object',
      [{ appName: { S: 'a' } }],
    ],
    ['an empty array', '[]', 'json-array', []],
    ['a UTF-8 byte-order mark', '\ufeff[{"appName": "a"}]', 'json-array', [{ appName: 'a' }]],
  ])('reads %s', (_, text, format, values) => {
    // Act
    const result = readAll(text);

    // Assess
    expect(result.format).toBe(format);
    expect(result.rows.map((row) => row.value)).toEqual(values);
  });

  it('reads numbers through the reader given, so none is rounded on the way', () => {
    // Prepare
    const seen: string[] = [];

    // Act
    const [row] = readRows('{"a": 99999999999999999999, "b": -1.5e3, "c": [0]}', (text) => {
      seen.push(text);
      return new UnreadableValue(text, 'a number');
    });

    // Assess
    expect(seen).toEqual(['99999999999999999999', '-1.5e3', '0']);
    expect(row?.value).toEqual({
      a: expect.any(UnreadableValue),
      b: expect.any(UnreadableValue),
      c: [expect.any(UnreadableValue)],
    });
    expect(String((row?.value as Record<string, unknown> | undefined)?.a)).toBe('99999999999999999999');
  });

  it('keeps __proto__ as an own attribute and notes keys written twice', () => {
    // Act
    const [row] = readAll('{"__proto__": {"x": 1}, "a": 1, "a": 2}').rows;

    // Assess
    const value = row?.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'a']);
    expect(value.a).toBe(2);
    expect(row?.info?.duplicates).toEqual([
      { key: 'a', first: { line: 1, column: 25 }, again: { line: 1, column: 33 } },
    ]);
  });

  it('goes on after a malformed JSON Lines row, from the next line that starts a row', () => {
    // Act
    const { rows } = readAll('{"appName": "a"}\n{"appName": "b",, }\n{"appName": "c"}\n');

    // Assess
    expect(rows.map((row) => row.value)).toEqual([{ appName: 'a' }, undefined, { appName: 'c' }]);
    expect(rows[1]?.syntaxError).toMatchObject({ line: 2, column: 17 });
    expect(rows[2]?.position).toEqual({ line: 3, column: 1 });
  });

  it.each([
    ['[{"a": 1},]', 1, 11, "trailing comma before ']'"],
    ['{"a": 1,}', 1, 9, "trailing comma before '}'"],
    ['[\n  {"a": 1}\n  {"b": 2}\n]', 3, 3, "expected ',' or ']' after a row, found \"{\""],
    ['{"a": 1', 1, 8, "expected ',' or '}' after a property value, found the end of the input"],
    ["{'a': 1}", 1, 2, 'expected a property name in double quotes'],
    ['[// rows\n]', 1, 2, 'comments are not allowed in JSON'],
    ['{"a": "line\nbreak"}', 1, 12, 'a line ends inside it'],
    ['{"a": "x\u001by"}', 1, 9, 'control character U+001B inside a string'],
    ['{"a": "\\x"}', 1, 8, 'invalid escape \\x'],
    ['{"a": "\\u12"}', 1, 8, '\\u must be followed by 4 hexadecimal digits'],
    ['{"a": "open', 1, 7, 'unterminated string'],
    ['{"a": tru}', 1, 7, 'expected a value'],
    ['{"a": 01}', 1, 8, "expected ',' or '}'"],
    ['{"a": -}', 1, 7, 'expected a number'],
    ['[1] [2]', 1, 5, 'unexpected text after the array of rows'],
    [`${'['.repeat(100)}`, 1, 66, 'nested deeper than 64 levels'],
    ['{"a": 1\u202e}', 1, 8, "expected ',' or '}' after a property value, found U+202E"],
  ])('names line and column of malformed JSON: %p', (text, line, column, message) => {
    // Act
    const error = syntaxErrorOf(text);

    // Assess
    expect(error).toMatchObject({ line, column });
    expect(error?.message).toContain(message);
  });

  it('reports text after a first row as a malformed row of JSON Lines, not as a failed input', () => {
    // Act
    const { rows, format } = readAll('{"a": 1} ]');

    // Assess
    expect(format).toBe('json-lines');
    expect(rows[1]?.syntaxError).toMatchObject({ line: 1, column: 10 });
  });

  it.each(['', '  \n\t\r\n', '\ufeff'])('refuses an input of blanks (%p) as empty', (text) => {
    // Act
    function read(): void {
      readAll(text);
    }

    // Assess
    expect(read).toThrow(InputError);
    expect(read).toThrow('empty input');
  });
});
