import { parseRow } from '../../src/index';
import { fixedOffsetWarning, offsetAdvice } from '../../src/zoneAdvice';
import { issuesOf, rawRow, rowOf } from '../helpers/rows';

describe('Function: fixedOffsetWarning', () => {
  it.each([
    ['EST', 'is UTC-05:00 all year, without daylight saving time; for New York time use "America/New_York"'],
    ['MST', 'is UTC-07:00 all year, without daylight saving time; for Denver time use "America/Denver"'],
    ['HST', 'is UTC-10:00 all year, without daylight saving time; the city zone is "Pacific/Honolulu"'],
    [
      'Etc/GMT+5',
      'is UTC-05:00 all year, without daylight saving time (Etc/GMT signs are inverted: Etc/GMT+5 is 5 hours behind UTC)',
    ],
    [
      'Etc/GMT-2',
      'is UTC+02:00 all year, without daylight saving time (Etc/GMT signs are inverted: Etc/GMT-2 is 2 hours ahead of UTC)',
    ],
  ])('warns about %s naming the offset and the zone probably meant', (zone, expected) => {
    // Act & Assess
    expect(fixedOffsetWarning(zone)).toContain(expected);
  });

  it.each(['UTC', 'Etc/UTC', 'Etc/GMT+0', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'EST5EDT'])(
    'says nothing about %s',
    (zone) => {
      // Act & Assess
      expect(fixedOffsetWarning(zone)).toBeUndefined();
    },
  );
});

describe('Function: offsetAdvice', () => {
  it.each([
    [
      'UTC+2',
      'use "Etc/GMT-2" for UTC+02:00 all year (Etc/GMT signs are inverted), or a city zone such as "Europe/Berlin"',
    ],
    [
      'GMT-5',
      'use "Etc/GMT+5" for UTC-05:00 all year (Etc/GMT signs are inverted), or a city zone such as "America/New_York"',
    ],
    ['+01:00', 'use "Etc/GMT-1" for UTC+01:00 all year'],
    ['utc +5:30', 'no IANA zone is a fixed UTC+05:30; use the city zone, such as "Asia/Kolkata"'],
    ['UTC+0', 'use "UTC"'],
    ['UTC+25', 'UTC+25:00 is not an offset any place uses'],
  ])('answers %s with %s, never plain UTC for a real offset', (value, expected) => {
    // Act & Assess
    expect(offsetAdvice(value)).toContain(expected);
  });

  it.each(['Europe/Berln', 'EST', '', 'UTC'])('is not about %j', (value) => {
    // Act & Assess
    expect(offsetAdvice(value)).toBeUndefined();
  });
});

describe('Function: parseRow with fixed-offset zones', () => {
  it('accepts EST with a warning that names the offset and America/New_York', () => {
    // Act
    const result = parseRow(rawRow({ timezone: 'EST' }), 0);

    // Assess
    expect(rowOf(result).timezone).toBe('EST');
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      'row "orders-enricher": timezone "EST" is UTC-05:00 all year, without daylight saving time; for New York time use "America/New_York"',
    ]);
  });

  it('refuses UTC+2 with the Etc/GMT-2 advice instead of "did you mean UTC?"', () => {
    // Act
    const [issue] = issuesOf(parseRow(rawRow({ timezone: 'UTC+2' }), 0));

    // Assess
    expect(issue?.message).toContain('timezone "UTC+2" is not an IANA time zone (use "Etc/GMT-2"');
    expect(issue?.message).not.toContain('did you mean "UTC"');
  });
});
