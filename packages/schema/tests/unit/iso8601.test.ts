import { isIsoDate, parseIsoInstant } from '../../src/index';

describe('Function: isIsoDate', () => {
  it.each([
    ['2026-12-25', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-1-5', false],
    ['2026-12-25T00:00:00Z', false],
    ['25.12.2026', false],
    ['', false],
  ])('returns whether %p is a date', (text, expected) => {
    // Act
    const result = isIsoDate(text);

    // Assess
    expect(result).toBe(expected);
  });
});

describe('Function: parseIsoInstant', () => {
  it.each([
    ['2026-12-04T18:00:00Z', '2026-12-04T18:00:00.000Z'],
    ['2026-12-04T18:00Z', '2026-12-04T18:00:00.000Z'],
    ['2026-12-04T19:00:00+01:00', '2026-12-04T18:00:00.000Z'],
    ['2026-12-04T13:00:00-05:00', '2026-12-04T18:00:00.000Z'],
    ['2026-12-04T23:45:00+05:45', '2026-12-04T18:00:00.000Z'],
    ['2026-12-04T18:00:00.25Z', '2026-12-04T18:00:00.250Z'],
    ['2026-12-04T18:00:00.123456789Z', '2026-12-04T18:00:00.123Z'],
    ['2026-12-05T00:00:00+14:00', '2026-12-04T10:00:00.000Z'],
  ])('returns the instant of %p', (text, iso) => {
    // Act
    const result = parseIsoInstant(text);

    // Assess
    expect(result).toBe(Date.parse(iso));
  });

  it.each([
    '2026-12-04T18:00:00',
    '2026-12-04',
    '2026-12-04 18:00:00Z',
    '2026-12-04t18:00:00z',
    '2026-12-04T24:00:00Z',
    '2026-12-04T18:60:00Z',
    '2026-12-04T18:00:60Z',
    '2026-02-30T18:00:00Z',
    '2026-12-04T18:00:00+15:00',
    '2026-12-04T18:00:00+0100',
    '+2026-12-04T18:00:00Z',
    'now',
  ])('returns undefined for %p, which is not an instant with Z or an offset', (text) => {
    // Act
    const result = parseIsoInstant(text);

    // Assess
    expect(result).toBeUndefined();
  });
});
