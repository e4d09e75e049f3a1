import { parseRow, RowSchema, WEEKDAYS, windowsOf } from '../../src/index';
import { issuesOf, rawRow, rowOf } from '../helpers/rows';

/** A row with windows only: no simple window. */
function windowsRow(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { appName: 'orders-enricher', lowKPU: 2, windows: [{ from: 8, to: 20, kpu: 8 }], ...overrides };
}

const OVERRIDE = { kpu: 16, until: '2026-12-04T18:00:00Z', reason: 'launch week', by: 'ops' };

describe('Function: parseRow (schedule model 2.0)', () => {
  describe('windows', () => {
    it('returns a row with windows only, days defaulting to every day', () => {
      // Act
      const row = rowOf(parseRow(windowsRow(), 0));

      // Assess
      expect(row.windows).toEqual([{ from: 8, to: 20, kpu: 8, days: WEEKDAYS }]);
      expect(row.highKPU).toBeUndefined();
      expect(row.scaleUpHour).toBeUndefined();
    });

    it('returns the simple window as the first window, then the listed ones', () => {
      // Prepare
      const raw = rawRow({ peakDays: 'MON-FRI', windows: [{ from: 20, to: 23, kpu: 4, days: new Set(['sat']) }] });

      // Act
      const windows = windowsOf(rowOf(parseRow(raw, 0)));

      // Assess
      expect(windows).toEqual([
        { from: 8, to: 20, kpu: 8, days: ['MON', 'TUE', 'WED', 'THU', 'FRI'] },
        { from: 20, to: 23, kpu: 4, days: ['SAT'] },
      ]);
    });

    it.each([
      ['a string', 'MON-FRI', ['MON', 'TUE', 'WED', 'THU', 'FRI']],
      ['a wrapping range', 'fri-mon', ['MON', 'FRI', 'SAT', 'SUN']],
      ['a list', ['sat', 'Sunday'], ['SAT', 'SUN']],
      ['a string set', new Set(['TUE']), ['TUE']],
    ])('accepts days as %s, like peakDays', (_name, days, expected) => {
      // Act
      const row = rowOf(parseRow(windowsRow({ windows: [{ from: 22, to: 6, kpu: 3, days }] }), 0));

      // Assess
      expect(row.windows?.[0]?.days).toEqual(expected);
    });

    it.each([
      // windows, path, the problem wording, the rule wording
      [
        [{ from: 8, to: 20, kpu: 0 }],
        'windows[0].kpu',
        'windows[0].kpu 0 is below lowKPU 2',
        "each window's kpu must be",
      ],
      [
        [
          { from: 8, to: 20, kpu: 8 },
          { from: 1, to: 2, kpu: 3 },
          { from: 3, to: 4, kpu: 1 },
        ],
        'windows[2].kpu',
        'windows[2].kpu 1 is below lowKPU 2',
        '>= lowKPU',
      ],
      [[{ from: 8, to: 20, kpu: 2.5 }], 'windows[0].kpu', 'windows[0].kpu 2.5 is not a whole number', '>= lowKPU'],
      [[{ from: 8, to: 20, kpu: '8' }], 'windows[0].kpu', 'windows[0].kpu "8" is a string', '>= lowKPU'],
      [[{ from: 8, to: 20 }], 'windows[0].kpu', 'windows[0].kpu is missing', '>= lowKPU'],
      [[{ from: 24, to: 20, kpu: 8 }], 'windows[0].from', 'windows[0].from 24 is above 23', 'whole hours 0-23'],
      [[{ to: 20, kpu: 8 }], 'windows[0].from', 'windows[0].from is missing', 'whole hours 0-23'],
      [[{ from: 8, to: -1, kpu: 8 }], 'windows[0].to', 'windows[0].to -1 is below 0', 'whole hours 0-23'],
      [
        [{ from: 8, to: 8, kpu: 8 }],
        'windows[0].to',
        'windows[0].to 8 equals from 8, which leaves no window',
        'must differ',
      ],
      [
        [{ from: 8, to: 20, kpu: 8, days: 'MON-FRX' }],
        'windows[0].days',
        'windows[0].days "MON-FRX" has "FRX", which is not a day name (did you mean "FRI"?)',
        'windows[0].days must name days',
      ],
      [[{ from: 8, to: 20, kpu: 8, days: [] }], 'windows[0].days', 'windows[0].days [] is empty', 'leave it out'],
      [['08-20'], 'windows[0]', 'windows[0] "08-20" is a string', 'each window must be a map'],
    ])('returns an issue naming %p at %s', (windows, path, problem, rule) => {
      // Act
      const issues = issuesOf(parseRow(windowsRow({ windows }), 0));

      // Assess
      expect(issues).toEqual([
        expect.objectContaining({
          attribute: 'windows',
          path,
          message: expect.stringContaining(`row "orders-enricher": ${problem}; `),
          rule: expect.stringContaining(rule),
        }),
      ]);
    });

    it('returns every problem of every window at once', () => {
      // Prepare
      const windows = [{ from: 8, to: 25, kpu: 8 }, 'x', { from: 1, to: 2, kpu: 1.5, days: 'FUNDAY' }];

      // Act
      const issues = issuesOf(parseRow(windowsRow({ windows }), 0));

      // Assess
      expect(issues.map((issue) => issue.path)).toEqual([
        'windows[0].to',
        'windows[1]',
        'windows[2].kpu',
        'windows[2].days',
      ]);
    });

    it('returns the offending value of the element, not the whole list', () => {
      // Act
      const [issue] = issuesOf(parseRow(windowsRow({ windows: [{ from: 8, to: 20, kpu: 0 }] }), 0));

      // Assess
      expect(issue?.value).toBe(0);
    });

    it('applies the deployment limit to each window kpu, like highKPU', () => {
      // Act
      const issues = issuesOf(
        parseRow(
          windowsRow({
            windows: [
              { from: 8, to: 20, kpu: 8 },
              { from: 20, to: 22, kpu: 48 },
            ],
          }),
          0,
          {
            maxKPUPerApplication: 32,
          },
        ),
      );

      // Assess
      expect(issues).toEqual([
        expect.objectContaining({
          attribute: 'windows',
          path: 'windows[1].kpu',
          value: 48,
          message: expect.stringContaining(
            'row "orders-enricher": windows[1].kpu 48 is above 32; KPU must be at most maxKPUPerApplication 32',
          ),
        }),
      ]);
    });

    it('refuses a window kpu above the default limit of 64', () => {
      // Act
      const issues = issuesOf(parseRow(windowsRow({ windows: [{ from: 8, to: 20, kpu: 400 }] }), 0));

      // Assess
      expect(issues.map((issue) => issue.message)).toEqual([expect.stringContaining('windows[0].kpu 400 is above 64')]);
    });

    it('warns about an unknown key in a window, with a did-you-mean', () => {
      // Act
      const result = parseRow(windowsRow({ windows: [{ from: 8, to: 20, kpu: 8, day: 'MON' }] }), 0);

      // Assess
      expect(result.ok).toBe(true);
      expect(result.warnings).toEqual([
        {
          rowId: 'orders-enricher',
          attribute: 'windows',
          suggestion: 'days',
          message: 'row "orders-enricher": unknown key "day" in windows[0] is ignored; did you mean "days"?',
        },
      ]);
    });
  });

  describe('the simple window and windows together', () => {
    it.each([
      ['scaleUpHour', { highKPU: 8, scaleDownHour: 20 }],
      ['scaleDownHour', { highKPU: 8, scaleUpHour: 8 }],
      ['highKPU', { scaleUpHour: 8, scaleDownHour: 20 }],
    ])('refuses a row with windows and only part of the simple window: %s missing', (missing, simple) => {
      // Act
      const issues = issuesOf(parseRow(windowsRow(simple), 0));

      // Assess
      expect(issues).toEqual([
        expect.objectContaining({
          attribute: missing,
          value: undefined,
          message: expect.stringContaining(
            `: ${missing} is missing; scaleUpHour, scaleDownHour and highKPU go together`,
          ),
        }),
      ]);
    });

    it('refuses a row with neither the simple window nor windows, as before windows existed', () => {
      // Act
      const issues = issuesOf(parseRow({ appName: 'orders-enricher', lowKPU: 2 }, 0));

      // Assess
      expect(issues.map((issue) => issue.message)).toEqual([
        'row "orders-enricher": highKPU is missing; highKPU must be a whole number >= 1 (a DynamoDB N attribute)',
        'row "orders-enricher": scaleUpHour is missing; scaleUpHour must be a whole hour 0-23, local time in the row\'s timezone (a DynamoDB N attribute)',
        'row "orders-enricher": scaleDownHour is missing; scaleDownHour must be a whole hour 0-23, local time in the row\'s timezone (a DynamoDB N attribute)',
      ]);
    });

    it('refuses an empty windows list without the simple window', () => {
      // Act
      const issues = issuesOf(parseRow(windowsRow({ windows: [] }), 0));

      // Assess
      expect(issues).toEqual([
        expect.objectContaining({
          attribute: 'windows',
          message: expect.stringContaining('windows [] is empty and the row has no simple window; a row needs'),
        }),
      ]);
    });

    it('accepts an empty windows list next to the simple window', () => {
      // Act
      const result = parseRow(rawRow({ windows: [] }), 0);

      // Assess
      expect(result.ok).toBe(true);
    });

    it('refuses peakDays in a row without the simple window, which it could not apply to', () => {
      // Act
      const issues = issuesOf(parseRow(windowsRow({ peakDays: 'MON-FRI' }), 0));

      // Assess
      expect(issues).toEqual([
        expect.objectContaining({
          attribute: 'peakDays',
          message:
            'row "orders-enricher": peakDays "MON-FRI" has no simple window to apply to; peakDays sets the days of the simple window (scaleUpHour, scaleDownHour, highKPU); without it, give each window its own days',
        }),
      ]);
    });

    it('keeps the misspelling hint for a missing part of the simple window', () => {
      // Act
      const issues = issuesOf(parseRow(windowsRow({ highKPU: 8, scaleDownHour: 20, scaleupHour: 8 }), 0));

      // Assess
      expect(issues[0]?.message).toContain(
        'scaleUpHour is missing (the row has "scaleupHour"; attribute names are case-sensitive)',
      );
    });

    it('enforces the same rules when RowSchema is used directly', () => {
      // Act
      const result = RowSchema.safeParse(windowsRow({ windows: [{ from: 8, to: 20, kpu: 1 }] }));

      // Assess
      expect(result.error?.issues).toEqual([
        expect.objectContaining({
          path: ['windows', 0, 'kpu'],
          message:
            "windows[0].kpu 1 is below lowKPU 2; each window's kpu must be a whole number >= lowKPU (a DynamoDB N)",
        }),
      ]);
    });
  });

  describe('overrides', () => {
    it('returns the overrides as given, from and by optional', () => {
      // Prepare
      const overrides = [
        OVERRIDE,
        { kpu: 1, from: '2026-12-24T00:00:00+01:00', until: '2026-12-27T00:00+01:00', reason: 'shutdown' },
      ];

      // Act
      const row = rowOf(parseRow(rawRow({ overrides }), 0));

      // Assess
      expect(row.overrides).toEqual(overrides);
    });

    it.each([
      // override, path, problem, rule
      [{ ...OVERRIDE, kpu: 0 }, 'overrides[0].kpu', 'overrides[0].kpu 0 is below 1', "an override's kpu must be"],
      [{ ...OVERRIDE, kpu: undefined }, 'overrides[0].kpu', 'overrides[0].kpu is missing', "an override's kpu"],
      [
        { ...OVERRIDE, until: '2026-12-04 18:00' },
        'overrides[0].until',
        'overrides[0].until "2026-12-04 18:00" is not an ISO-8601 instant with Z or an offset',
        'such as "2026-12-04T18:00:00Z"',
      ],
      [
        { ...OVERRIDE, until: '2026-12-04T18:00:00' },
        'overrides[0].until',
        'overrides[0].until "2026-12-04T18:00:00" is not an ISO-8601 instant with Z or an offset',
        'ISO-8601 instants with Z or an offset',
      ],
      [
        { ...OVERRIDE, until: '2026-02-30T18:00:00Z' },
        'overrides[0].until',
        'is not an ISO-8601 instant',
        'Z or an offset',
      ],
      [{ ...OVERRIDE, until: undefined }, 'overrides[0].until', 'overrides[0].until is missing', 'Z or an offset'],
      [
        { ...OVERRIDE, until: 1796407200 },
        'overrides[0].until',
        'overrides[0].until 1796407200 is a number',
        'a DynamoDB S',
      ],
      [
        { ...OVERRIDE, from: 'now' },
        'overrides[0].from',
        'overrides[0].from "now" is not an ISO-8601 instant',
        'Z or an offset',
      ],
      [
        { ...OVERRIDE, from: '2026-12-04T19:00:00+01:00' },
        'overrides[0].from',
        'overrides[0].from "2026-12-04T19:00:00+01:00" is not before until "2026-12-04T18:00:00Z"',
        "an override's from must be before its until",
      ],
      [
        { ...OVERRIDE, reason: undefined },
        'overrides[0].reason',
        'overrides[0].reason is missing',
        'must say why in 1-100 characters',
      ],
      [{ ...OVERRIDE, reason: '  ' }, 'overrides[0].reason', 'overrides[0].reason "  " is empty', '1-100 characters'],
      [{ ...OVERRIDE, reason: 'x'.repeat(101) }, 'overrides[0].reason', 'is 101 characters long', '1-100 characters'],
      [
        { ...OVERRIDE, reason: 'launch\nweek' },
        'overrides[0].reason',
        'contains a line break or a control character',
        'on one line',
      ],
      [{ ...OVERRIDE, by: '' }, 'overrides[0].by', 'overrides[0].by "" is empty', '1-64 characters'],
      [{ ...OVERRIDE, by: 'x'.repeat(65) }, 'overrides[0].by', 'is 65 characters long', '1-64 characters'],
      ['16 KPU', 'overrides[0]', 'overrides[0] "16 KPU" is a string', 'each override must be a map'],
    ])('returns an issue for %p at %s', (override, path, problem, rule) => {
      // Act
      const issues = issuesOf(parseRow(rawRow({ overrides: [override] }), 0));

      // Assess
      expect(issues).toEqual([
        expect.objectContaining({
          attribute: 'overrides',
          path,
          message: expect.stringContaining(problem),
          rule: expect.stringContaining(rule),
        }),
      ]);
    });

    it('accepts a 100-character reason and an override below lowKPU (a shutdown)', () => {
      // Act
      const result = parseRow(rawRow({ overrides: [{ ...OVERRIDE, kpu: 1, reason: 'x'.repeat(100) }] }), 0);

      // Assess
      expect(result.ok).toBe(true);
    });

    it('applies the deployment limit to an override kpu', () => {
      // Act
      const issues = issuesOf(parseRow(rawRow({ overrides: [{ ...OVERRIDE, kpu: 65 }] }), 0));

      // Assess
      expect(issues).toEqual([
        expect.objectContaining({
          path: 'overrides[0].kpu',
          message: expect.stringContaining('overrides[0].kpu 65 is above 64'),
        }),
      ]);
    });

    it('warns about an override with a from lasting more than 31 days, naming it', () => {
      // Prepare
      const long = { ...OVERRIDE, from: '2026-11-01T18:00:00Z', until: '2026-12-02T18:00:01Z' };

      // Act
      const result = parseRow(rawRow({ overrides: [long] }), 0);

      // Assess
      expect(result.ok).toBe(true);
      expect(result.warnings).toEqual([
        {
          rowId: 'orders-enricher',
          attribute: 'overrides',
          message:
            'row "orders-enricher": overrides[0] (override until 2026-12-02T18:00:01Z (launch week, by ops)) lasts 31 days from 2026-11-01T18:00:00Z, longer than 31; an override is meant to be temporary: check until, or change the schedule instead',
        },
      ]);
    });

    it('does not warn about an override of exactly 31 days, nor judge one without from (that needs the instant)', () => {
      // Prepare
      const exact = { ...OVERRIDE, from: '2026-11-03T18:00:00Z', until: '2026-12-04T18:00:00Z' };
      const open = { ...OVERRIDE, until: '2030-01-01T00:00:00Z' };

      // Act
      const result = parseRow(rawRow({ overrides: [exact, open] }), 0);

      // Assess
      expect(result.warnings).toEqual([]);
    });

    it('warns about an unknown key in an override, with a did-you-mean', () => {
      // Act
      const result = parseRow(rawRow({ overrides: [{ ...OVERRIDE, untill: 'x' }] }), 0);

      // Assess
      expect(result.warnings.map((warning) => warning.message)).toEqual([
        'row "orders-enricher": unknown key "untill" in overrides[0] is ignored; did you mean "until"?',
      ]);
    });
  });

  describe('holidays and calendars', () => {
    it('returns holidays and calendars from string sets or lists, sorted and deduplicated', () => {
      // Prepare
      const raw = rawRow({
        holidays: new Set(['2026-12-26', '2026-12-25']),
        calendars: ['de-public', 'company', 'de-public'],
      });

      // Act
      const row = rowOf(parseRow(raw, 0));

      // Assess
      expect(row.holidays).toEqual(['2026-12-25', '2026-12-26']);
      expect(row.calendars).toEqual(['company', 'de-public']);
    });

    it.each([
      ['holidays', ['2026-12-25', '2026-13-01'], 'holidays has "2026-13-01", which is not a date YYYY-MM-DD'],
      ['holidays', new Set(['2026-02-29']), 'holidays has "2026-02-29", which is not a date YYYY-MM-DD'],
      ['holidays', ['25.12.2026'], 'holidays has "25.12.2026", which is not a date'],
      ['holidays', [20261225], 'holidays has 20261225, which is a number, not a date'],
      ['holidays', '2026-12-25', 'holidays "2026-12-25" is a string'],
      ['calendars', ['de public'], 'calendars has "de public", which contains " "'],
      [
        'calendars',
        ['calendar:de-public'],
        'calendars has "calendar:de-public", which starts with "calendar:" (name the calendar without the prefix)',
      ],
      ['calendars', ['-x'], 'calendars has "-x", which does not start with a letter or a digit'],
      ['calendars', ['x'.repeat(65)], `calendars has "${'x'.repeat(65)}", which is 65 characters long`],
      ['calendars', [''], 'calendars has "", which is empty'],
      ['calendars', 'de-public', 'calendars "de-public" is a string'],
    ])('returns an issue on %s for %p', (attribute, value, problem) => {
      // Act
      const issues = issuesOf(parseRow(rawRow({ [attribute]: value }), 0));

      // Assess
      expect(issues).toEqual([
        expect.objectContaining({ attribute, message: expect.stringContaining(`row "orders-enricher": ${problem}`) }),
      ]);
      expect(issues[0]?.path).toBeUndefined();
    });

    it('accepts a 64-character calendar name and empty lists', () => {
      // Act
      const result = parseRow(rawRow({ calendars: ['a'.repeat(64)], holidays: [] }), 0);

      // Assess
      expect(result.ok).toBe(true);
    });
  });

  it('reports the issues of every new attribute in documentation order, after the old ones', () => {
    // Prepare
    const raw = rawRow({
      calendars: [1],
      holidays: ['x'],
      overrides: [{}],
      windows: [{ from: 1, to: 1, kpu: 8 }],
      lowKPU: 0,
    });

    // Act
    const issues = issuesOf(parseRow(raw, 0));

    // Assess
    expect([...new Set(issues.map((issue) => issue.attribute))]).toEqual([
      'lowKPU',
      'windows',
      'overrides',
      'holidays',
      'calendars',
    ]);
  });
});
