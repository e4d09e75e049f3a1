import fc from 'fast-check';
import { formatPeakDays, parseDays, parsePeakDays, toPeakDaysString, WEEKDAYS, type Weekday } from '../../src/index';

const WEEKEND: readonly Weekday[] = ['SAT', 'SUN'];
const WORKDAYS: readonly Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI'];

/** Any non-empty subset of the week, in any order, possibly with duplicates. */
/** Fixed seed: property runs must not depend on the wall clock (fast-check seeds from it by default). */
const FC_OPTIONS = { seed: 0x5ca1e, numRuns: 300 };

const daysArbitrary = fc.array(fc.constantFrom(...WEEKDAYS), { minLength: 1, maxLength: 10 });

describe('Function: parsePeakDays', () => {
  it.each([
    ['a 3-letter name', 'MON', ['MON']],
    ['a lower-case name', 'sun', ['SUN']],
    ['a full name', 'monday', ['MON']],
    ['a mixed-case full name', 'WednesDay', ['WED']],
    ['a range', 'MON-FRI', WORKDAYS],
    ['a list', 'SAT,SUN', WEEKEND],
    ['a list with spaces', ' sat , Sunday ', WEEKEND],
    ['a range and a day', 'MON-WED,FRI', ['MON', 'TUE', 'WED', 'FRI']],
    ['a range with spaces around the dash', 'mon - wed', ['MON', 'TUE', 'WED']],
    ['a range of full names', 'Monday-Friday', WORKDAYS],
    ['a range that wraps around the week', 'FRI-MON', ['MON', 'FRI', 'SAT', 'SUN']],
    ['a range that wraps from Sunday', 'SUN-TUE', ['MON', 'TUE', 'SUN']],
    ['a one-day range', 'TUE-TUE', ['TUE']],
    ['the whole week as a range', 'MON-SUN', WEEKDAYS],
    ['overlapping entries', 'MON-WED,TUE-THU,mon', ['MON', 'TUE', 'WED', 'THU']],
  ])('returns the days for a string with %s', (_name, value, days) => {
    // Act
    const result = parsePeakDays(value);

    // Assess
    expect(result).toEqual({ ok: true, days });
  });

  it.each([
    ['an array of names', ['fri', 'MON', 'wednesday'], ['MON', 'WED', 'FRI']],
    ['an array with duplicates', ['SUN', 'sun', 'Sunday'], ['SUN']],
    ['an array with a range entry', ['MON-WED', 'SAT'], ['MON', 'TUE', 'WED', 'SAT']],
    ['a Set (a DynamoDB string set from lib-dynamodb)', new Set(['SUN', 'SAT']), WEEKEND],
    ['a Set with full names', new Set(['Monday', 'friday']), ['MON', 'FRI']],
    ['a Set with a wrap range', new Set(['SAT-MON']), ['MON', 'SAT', 'SUN']],
  ])('returns the days for %s', (_name, value, days) => {
    // Act
    const result = parsePeakDays(value);

    // Assess
    expect(result).toEqual({ ok: true, days });
  });

  it('returns a frozen list', () => {
    // Act
    const result = parsePeakDays('MON');

    // Assess
    expect(result.ok && Object.isFrozen(result.days)).toBe(true);
  });

  it.each([
    [
      'an empty string',
      '',
      'peakDays "" is empty',
      'peakDays must name at least one day; remove the attribute for every day',
    ],
    ['a blank string', '   ', 'peakDays "   " is empty', 'peakDays must name at least one day'],
    ['an empty list', [], 'peakDays [] is empty', 'peakDays must name at least one day'],
    ['an empty Set', new Set(), 'peakDays set [] is empty', 'peakDays must name at least one day'],
    [
      'an unknown name',
      'MON,FUNDAY',
      'peakDays "MON,FUNDAY" has "FUNDAY", which is not a day name (did you mean "SUN"?)',
      'peakDays must name days',
    ],
    [
      'a misspelled full name',
      'wendsday',
      'has "wendsday", which is not a day name (did you mean "WED"?)',
      'peakDays must name days',
    ],
    [
      'a name with no close match',
      'weekend',
      'peakDays "weekend" has "weekend", which is not a day name',
      'peakDays must name days',
    ],
    [
      'a bad range end',
      'MON-FRX',
      'has "FRX", which is not a day name (did you mean "FRI"?)',
      'peakDays must name days',
    ],
    [
      'a three-part range',
      'MON-WED-FRI',
      'has "MON-WED-FRI", which is neither a day nor a range of two days',
      'peakDays must name days',
    ],
    ['an open range', 'MON-', 'has "MON-", which is neither a day nor a range of two days', 'peakDays must name days'],
    ['an empty entry', 'MON,,FRI', 'peakDays "MON,,FRI" has an empty entry', 'peakDays must name days'],
    ['a trailing comma', 'MON,', 'has an empty entry', 'peakDays must name days'],
    ['space-separated names', 'MON FRI', 'has "MON FRI", which is not a day name', 'peakDays must name days'],
    [
      'a non-string list entry',
      ['MON', 2],
      'peakDays ["MON",2] has 2, which is a number, not a day name',
      'peakDays must name days',
    ],
    ['an empty list entry', ['MON', ''], 'has an empty entry', 'peakDays must name days'],
    ['a number', 1, 'peakDays 1 is a number', 'peakDays must name days'],
    ['a map', { MON: true }, 'peakDays {"MON":true} is a map', 'peakDays must name days'],
    ['null', null, 'peakDays is null', 'peakDays must name days'],
    ['undefined', undefined, 'peakDays is missing', 'peakDays must name days'],
  ])('returns a failure for %s', (_name, value, problem, rule) => {
    // Act
    const result = parsePeakDays(value);

    // Assess
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toContain(problem);
    expect(result.rule).toContain(rule);
    expect(result.message).toBe(`${result.problem}; ${result.rule}`);
  });

  it('returns days sorted Monday first, deduplicated, for any list of day names', () => {
    fc.assert(
      fc.property(daysArbitrary, (days) => {
        // Act
        const result = parsePeakDays(days.map((day) => day.toLowerCase()));

        // Assess
        expect(result).toEqual({ ok: true, days: WEEKDAYS.filter((day) => days.includes(day)) });
      }),
      FC_OPTIONS,
    );
  });
});

describe('Function: formatPeakDays', () => {
  it.each([
    ['every day', WEEKDAYS, 'every day'],
    ['every day, unsorted and duplicated', ['SUN', ...WEEKDAYS, 'MON'], 'every day'],
    ['working days', WORKDAYS, 'MON-FRI'],
    ['the weekend', WEEKEND, 'SAT,SUN'],
    ['the weekend, unsorted', ['SUN', 'SAT'], 'SAT,SUN'],
    ['a range and a day', ['MON', 'TUE', 'WED', 'FRI'], 'MON-WED,FRI'],
    ['a run that wraps around the week', ['MON', 'FRI', 'SAT', 'SUN'], 'FRI-MON'],
    ['a two-day run across the week boundary', ['SUN', 'MON'], 'SUN,MON'],
    ['scattered days', ['MON', 'WED', 'FRI'], 'MON,WED,FRI'],
    ['a day and a wrapping run', ['WED', 'FRI', 'SAT', 'SUN', 'MON'], 'WED,FRI-MON'],
    ['six days', ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'], 'MON-SAT'],
    ['six days wrapping', ['MON', 'TUE', 'THU', 'FRI', 'SAT', 'SUN'], 'THU-TUE'],
    ['one day', ['THU'], 'THU'],
    ['no days', [], 'no days'],
  ] satisfies [string, readonly Weekday[], string][])('returns the text for %s', (_name, days, text) => {
    // Act
    const formatted = formatPeakDays(days);

    // Assess
    expect(formatted).toBe(text);
  });
});

describe('Function: toPeakDaysString', () => {
  it('returns MON-SUN for every day', () => {
    // Act
    const text = toPeakDaysString(WEEKDAYS);

    // Assess
    expect(text).toBe('MON-SUN');
  });

  it('returns a string that parses back to the same days, for any non-empty set of days', () => {
    fc.assert(
      fc.property(daysArbitrary, (days) => {
        // Act
        const result = parsePeakDays(toPeakDaysString(days));

        // Assess
        expect(result).toEqual({ ok: true, days: WEEKDAYS.filter((day) => days.includes(day)) });
      }),
      FC_OPTIONS,
    );
  });
});

describe('Function: parseDays', () => {
  it('returns the same days as parsePeakDays for every form', () => {
    fc.assert(
      fc.property(daysArbitrary, fc.constantFrom('list', 'set', 'string'), (days, form) => {
        // Prepare
        const value = form === 'list' ? days : form === 'set' ? new Set(days) : days.join(',');

        // Act
        const result = parseDays(value, 'windows[0].days');

        // Assess
        expect(result).toEqual(parsePeakDays(value));
      }),
      FC_OPTIONS,
    );
  });

  it.each([
    [
      'MON-FRX',
      'windows[3].days "MON-FRX" has "FRX", which is not a day name (did you mean "FRI"?)',
      'windows[3].days must name days',
    ],
    ['', 'windows[3].days "" is empty', 'windows[3].days must name at least one day; leave it out for every day'],
    [5, 'windows[3].days 5 is a number', 'leave it out for every day'],
  ])('words the problem with %p with the attribute it is given', (value, problem, rule) => {
    // Act
    const result = parseDays(value, 'windows[3].days');

    // Assess
    expect(result).toEqual(expect.objectContaining({ ok: false, problem, rule: expect.stringContaining(rule) }));
  });
});
