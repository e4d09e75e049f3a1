import { InvalidArgumentError } from 'commander';
import fc from 'fast-check';
import { InvalidNumberError, parseWholeNumber, wholeNumberArg } from '../../src';

describe('Function: parseWholeNumber', () => {
  it.each([
    ['8', 8],
    [' 8 ', 8],
    ['1', 1],
    ['64', 64],
  ])('accepts %j', (text, expected) => {
    // Act
    const value = parseWholeNumber(text, '--concurrency', 1, 64);

    // Assess
    expect(value).toBe(expected);
  });

  it.each(['', ' ', '0', '65', '1.5', '1e1', '-1', '0x10', 'eight', '99999999999999999999'])('refuses %j', (text) => {
    // Act & Assess
    expect(() => parseWholeNumber(text, '--concurrency', 1, 64)).toThrow(
      new InvalidNumberError(`--concurrency must be a whole number from 1 to 64, got ${JSON.stringify(text)}`),
    );
  });

  it('quotes control characters instead of printing them', () => {
    // Act & Assess
    expect(() => parseWholeNumber('4\n\u001b[31m', 'SCALER_CONCURRENCY', 1, 64)).toThrow(
      'SCALER_CONCURRENCY must be a whole number from 1 to 64, got "4\\n\\u001b[31m"',
    );
  });

  it('returns every whole number of the range and refuses its neighbours', () => {
    // Assess
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (a, b) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        expect(parseWholeNumber(String(min), 'n', min, max)).toBe(min);
        expect(parseWholeNumber(String(max), 'n', min, max)).toBe(max);
        expect(() => parseWholeNumber(String(max + 1), 'n', min, max)).toThrow(InvalidNumberError);
        if (min > 0) expect(() => parseWholeNumber(String(min - 1), 'n', min, max)).toThrow(InvalidNumberError);
      }),
    );
  });
});

describe('Function: wholeNumberArg', () => {
  it('turns a bad value into a commander usage error with the same wording', () => {
    // Prepare
    const parse = wholeNumberArg('--port', 0, 65535);

    // Act & Assess
    expect(parse('8080')).toBe(8080);
    expect(() => parse('70000')).toThrow(InvalidArgumentError);
    expect(() => parse('70000')).toThrow('--port must be a whole number from 0 to 65535, got "70000"');
  });
});
