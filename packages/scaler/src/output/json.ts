import { chunked } from './chunkedWriter';

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
 * `value` as `toJson(value, 2)` would write it, byte for byte, in chunks made as they are asked
 * for: the array under `arrayKey` is serialized element by element, so the whole document never
 * exists as one string (for 10,000 rows it is ~30 MB).
 *
 * @example
 * await writeChunks(process.stdout, jsonChunks(summary, 'outcomes'));
 */
function* jsonChunks(value: object, arrayKey: string): Generator<string> {
  yield* chunked(jsonParts(value, arrayKey));
}

function nested(inner: unknown, indent: string): string {
  return (toJson(inner, 2) ?? 'null').replace(/\n/g, `\n${indent}`);
}

function* jsonParts(value: object, arrayKey: string): Generator<string> {
  // The properties JSON.stringify leaves out of an object (checked without serializing them).
  const entries = Object.entries(value).filter(
    ([, inner]) => inner !== undefined && typeof inner !== 'function' && typeof inner !== 'symbol',
  );
  yield '{';
  for (const [index, [key, inner]] of entries.entries()) {
    yield `${index === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `;
    if (key === arrayKey && Array.isArray(inner) && inner.length > 0) {
      yield '[';
      for (const [position, element] of inner.entries()) {
        yield `${position === 0 ? '' : ','}\n    ${nested(element, '    ')}`;
      }
      yield '\n  ]';
    } else {
      yield nested(inner, '  ');
    }
  }
  yield entries.length === 0 ? '}' : '\n}';
}

export { jsonChunks, jsonReplacer, toJson };
