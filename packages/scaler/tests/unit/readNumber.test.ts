import { UnreadableValue } from '@msf-scaler/schema';
import fc from 'fast-check';
import { readNumber } from '../../src/adapters/readNumber';

describe('Function: readNumber', () => {
  it.each([
    ['8', 8],
    ['-3', -3],
    ['0', 0],
    ['1.5', 1.5],
    ['0.000001', 0.000001],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
    ['123456789012345', 123456789012345],
    ['1.23456789012345E+20', 1.23456789012345e20],
  ])('reads %s as the number %d', (text, expected) => {
    // Act & Assess
    expect(readNumber(text)).toBe(expected);
  });

  it.each([
    '99999999999999999999',
    '9007199254740993',
    '123456789012345678901.5',
    '0.1234567890123456789',
    '1E+400',
    '99999999999999999999999999999999999999',
  ])('keeps %s as an unreadable value with its text, never throwing', (text) => {
    // Act
    const value = readNumber(text);

    // Assess
    expect(value).toBeInstanceOf(UnreadableValue);
    expect(JSON.stringify({ value })).toBe(`{"value":"${text}"}`);
  });

  it('returns every safe integer and every short decimal exactly', () => {
    // Assess
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(readNumber(String(n))).toBe(n);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: -999_999_999, max: 999_999_999 }), fc.integer({ min: 0, max: 6 }), (n, scale) => {
        const text = (n / 10 ** scale).toFixed(scale);
        expect(readNumber(text)).toBe(Number(text));
      }),
    );
  });

  it('never throws, whatever the digits', () => {
    // Assess
    fc.assert(
      fc.property(fc.stringMatching(/^-?\d{1,38}(\.\d{1,20})?$/), (text) => {
        const value = readNumber(text);
        if (typeof value === 'number') expect(Number(text)).toBe(value);
        else expect(value.text).toBe(text);
      }),
    );
  });
});
