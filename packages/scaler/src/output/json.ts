import { createChunkedWriter } from './chunkedWriter';

/**
 * A `JSON.stringify` replacer under which no value read from the table can make the output
 * throw or vanish: bigints become their digits, sets become arrays, maps objects, binary
 * base64. Values read as {@link UnreadableValue} already serialize as their text.
 *
 * @example
 * JSON.stringify({ n: 10n, s: new Set(['MON']) }, jsonReplacer); // '{"n":"10","s":["MON"]}'
 */
function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Set) return [...value];
  if (value instanceof Map) return Object.fromEntries(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return value;
}

/**
 * `JSON.stringify` that never throws on what a table can hold (see {@link jsonReplacer}).
 *
 * @example
 * toJson({ highKPU: 99999999999999999999n }, 2);
 */
function toJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, jsonReplacer, indent);
}

/**
 * Writes `value` as `toJson(value, 2)` would, byte for byte, but expands the array under
 * `arrayKey` element by element, in chunks: the whole document never exists as one string (for
 * 10,000 rows it is ~30 MB, held twice while it is written).
 *
 * @example
 * writeJson(summary, 'outcomes', (text) => process.stdout.write(text)); // then a newline
 */
function writeJson(value: object, arrayKey: string, write: (text: string) => void): void {
  const out = createChunkedWriter(write);
  const emit = out.write;
  function nested(inner: unknown, indent: string): string {
    return (toJson(inner, 2) ?? 'null').replace(/\n/g, `\n${indent}`);
  }
  const entries = Object.entries(value).filter(([, inner]) => toJson(inner) !== undefined);
  emit('{');
  entries.forEach(([key, inner], index) => {
    emit(`${index === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `);
    if (key === arrayKey && Array.isArray(inner) && inner.length > 0) {
      emit('[');
      inner.forEach((element, position) => {
        emit(`${position === 0 ? '' : ','}\n    ${nested(element, '    ')}`);
      });
      emit('\n  ]');
    } else {
      emit(nested(inner, '  '));
    }
  });
  emit(entries.length === 0 ? '}' : '\n}');
  out.flush();
}

export { jsonReplacer, toJson, writeJson };
