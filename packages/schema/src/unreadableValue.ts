/**
 * A value the table holds that JavaScript cannot hold exactly, such as the number
 * `99999999999999999999` (DynamoDB keeps up to 38 digits, a JavaScript number about 15).
 * The reader puts one in place of the value instead of failing, so the row it is in is
 * judged on its own: invalid when a known attribute holds it, ignored with a warning
 * otherwise. It serializes as its original text, so every output can carry it.
 *
 * @example
 * ```ts
 * const value = new UnreadableValue('99999999999999999999', 'a number with more digits than can be held exactly');
 * JSON.stringify({ highKPU: value }); // '{"highKPU":"99999999999999999999"}'
 * ```
 */
class UnreadableValue {
  /** The value as the table holds it, e.g. the digits of a number. */
  readonly text: string;
  /** What it is, worded to follow "is": `a number with more digits than can be held exactly`. */
  readonly kind: string;

  constructor(text: string, kind: string) {
    this.text = text;
    this.kind = kind;
  }

  toJSON(): string {
    return this.text;
  }

  toString(): string {
    return this.text;
  }
}

export { UnreadableValue };
