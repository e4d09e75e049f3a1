import {
  CALENDAR_PREFIX,
  CalendarItemSchema,
  calendarsByName,
  isCalendarItem,
  isCalendarName,
  isUsableCalendar,
  parseCalendarItem,
} from '../../src/index';

describe('Function: isCalendarItem', () => {
  it.each([
    ['a calendar item', { appName: 'calendar:de-public', dates: new Set(['2026-12-25']) }, true],
    ['an invalid calendar item', { appName: 'calendar:', dates: 3 }, true],
    ['a schedule row', { appName: 'orders-enricher', lowKPU: 1 }, false],
    ['a row whose name merely contains the prefix', { appName: 'x-calendar:y' }, false],
    ['an item without appName', { dates: [] }, false],
    ['a non-item', 'calendar:de-public', false],
  ])('returns whether %s is a calendar item', (_name, raw, expected) => {
    // Act
    const result = isCalendarItem(raw);

    // Assess
    expect(result).toBe(expected);
  });

  it('uses the "calendar:" prefix, which no MSF application name can have', () => {
    // Assess
    expect(CALENDAR_PREFIX).toBe('calendar:');
  });
});

describe('Function: isCalendarName', () => {
  it.each([
    ['de-public', true],
    ['Company_2026.v2', true],
    ['a'.repeat(64), true],
    ['a'.repeat(65), false],
    ['', false],
    ['.hidden', false],
    ['de public', false],
    ['de/public', false],
  ])('returns whether %p is a calendar name', (name, expected) => {
    // Act
    const result = isCalendarName(name);

    // Assess
    expect(result).toBe(expected);
  });
});

describe('Function: parseCalendarItem', () => {
  it('returns the calendar with its name, sorted dates and description', () => {
    // Prepare
    const raw = {
      appName: 'calendar:de-public',
      dates: new Set(['2026-12-26', '2026-12-25']),
      description: 'German public holidays',
    };

    // Act
    const result = parseCalendarItem(raw, 0);

    // Assess
    expect(result).toEqual({
      ok: true,
      rowId: 'calendar:de-public',
      warnings: [],
      calendar: { name: 'de-public', dates: ['2026-12-25', '2026-12-26'], description: 'German public holidays' },
    });
  });

  it('returns a calendar from a list of dates, without description', () => {
    // Act
    const result = parseCalendarItem({ appName: 'calendar:company', dates: ['2026-08-14'] }, 0);

    // Assess
    expect(result).toEqual(expect.objectContaining({ ok: true, calendar: { name: 'company', dates: ['2026-08-14'] } }));
  });

  it.each([
    // raw, attribute, message
    [
      { appName: 'calendar:de-public', dates: ['2026-12-25', '2026-13-01'] },
      'dates',
      'calendar "de-public": dates has "2026-13-01", which is not a date YYYY-MM-DD; dates must be dates YYYY-MM-DD (the calendar\'s holidays), as a string set or a list (a DynamoDB SS or L of S)',
    ],
    [
      { appName: 'calendar:de-public' },
      'dates',
      'calendar "de-public": dates is missing; dates must be dates YYYY-MM-DD',
    ],
    [
      { appName: 'calendar:de-public', dates: '2026-12-25' },
      'dates',
      'calendar "de-public": dates "2026-12-25" is a string;',
    ],
    [
      { appName: 'calendar:de public', dates: [] },
      'appName',
      'calendar "de public": appName "calendar:de public" has the calendar name "de public", which contains " "; a calendar item\'s appName is "calendar:" and the calendar name',
    ],
    [
      { appName: 'calendar:', dates: [] },
      'appName',
      'calendar "": appName "calendar:" has the calendar name "", which is empty',
    ],
    [{ appName: 'orders', dates: [] }, 'appName', 'calendar item #3: appName "orders" does not start with "calendar:"'],
    [{ appName: 'calendar:x', dates: [], description: 'x'.repeat(201) }, 'description', 'description "xxxxxxxx'],
    [
      { appName: 'calendar:x', dates: [], description: 7 },
      'description',
      'calendar "x": description 7 is a number; description must be 1-200 characters on one line',
    ],
  ])('returns an invalid result for %p, blaming %s', (raw, attribute, message) => {
    // Act
    const result = parseCalendarItem(raw, 2);

    // Assess
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues).toEqual([
      expect.objectContaining({ attribute, message: expect.stringContaining(message) }),
    ]);
  });

  it('returns the name of an invalid calendar item, so rows naming it can be told it is invalid', () => {
    // Act
    const result = parseCalendarItem({ appName: 'calendar:de-public', dates: ['xmas'] }, 0);

    // Assess
    expect(result).toEqual(expect.objectContaining({ ok: false, rowId: 'calendar:de-public', name: 'de-public' }));
  });

  it('returns one issue for an item that is not a map', () => {
    // Act
    const result = parseCalendarItem('calendar:x', 0);

    // Assess
    expect(result).toEqual(
      expect.objectContaining({
        ok: false,
        rowId: 'row #1',
        issues: [expect.objectContaining({ attribute: '(row)', message: expect.stringContaining('is a string') })],
      }),
    );
  });

  it('warns about attributes a calendar item does not hold, with a did-you-mean', () => {
    // Act
    const result = parseCalendarItem({ appName: 'calendar:x', dates: [], date: ['2026-12-25'], lowKPU: 1 }, 0);

    // Assess
    expect(result.ok).toBe(true);
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      'calendar "x": unknown attribute "date" is ignored; did you mean "dates"?',
      'calendar "x": unknown attribute "lowKPU" is ignored; a calendar item holds only appName, dates, description',
    ]);
  });

  it('is what CalendarItemSchema says, in our wording', () => {
    // Act
    const result = CalendarItemSchema.safeParse({ appName: 'calendar:x', dates: 3 });

    // Assess
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      "dates 3 is a number; dates must be dates YYYY-MM-DD (the calendar's holidays), as a string set or a list (a DynamoDB SS or L of S)",
    ]);
  });
});

describe('Function: calendarsByName', () => {
  it('returns usable calendars and invalid ones by name, and skips items without a name', () => {
    // Prepare
    const results = [
      parseCalendarItem({ appName: 'calendar:de-public', dates: ['2026-12-25'] }, 0),
      parseCalendarItem({ appName: 'calendar:broken', dates: ['xmas'] }, 1),
      parseCalendarItem({ dates: [] }, 2),
    ];

    // Act
    const calendars = calendarsByName(results);

    // Assess
    expect([...calendars.keys()]).toEqual(['de-public', 'broken']);
    const usable = calendars.get('de-public');
    const broken = calendars.get('broken');
    expect(usable !== undefined && isUsableCalendar(usable)).toBe(true);
    expect(broken !== undefined && isUsableCalendar(broken)).toBe(false);
    expect(broken).toEqual({ name: 'broken', problem: expect.stringContaining('dates has "xmas"') });
  });
});
