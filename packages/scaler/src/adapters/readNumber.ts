import { UnreadableValue } from '@msf-scaler/schema';

/** Significant digits a JavaScript number always holds exactly (IEEE 754 double: 15.95). */
const EXACT_DIGITS = 15;

const UNREADABLE_NUMBER = 'a number with more digits than can be held exactly';

/** Significant digits of a DynamoDB number text (`-0.00120E+5` has 2). */
function significantDigits(text: string): number {
  const mantissa = text.replace(/^[+-]/, '').split(/e/i)[0] ?? '';
  return mantissa.replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;
}

/**
 * Reads a DynamoDB number (a text of up to 38 digits) without ever throwing: a JavaScript
 * number when it holds the value exactly (a safe integer, or at most 15 significant digits),
 * otherwise an {@link UnreadableValue} that makes a known attribute invalid and is ignored
 * elsewhere. Passed to lib-dynamodb as `wrapNumbers`, which otherwise throws on such values
 * ("can't be converted to BigInt") and fails the whole Scan, or rounds them silently.
 *
 * @example
 * readNumber('8'); // 8
 * readNumber('99999999999999999999'); // UnreadableValue, text '99999999999999999999'
 */
function readNumber(text: string): number | UnreadableValue {
  const value = Number(text);
  if (Number.isFinite(value) && (Number.isSafeInteger(value) || significantDigits(text) <= EXACT_DIGITS)) {
    return value;
  }
  return new UnreadableValue(text, UNREADABLE_NUMBER);
}

export { readNumber };
