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

export { jsonReplacer, toJson };
