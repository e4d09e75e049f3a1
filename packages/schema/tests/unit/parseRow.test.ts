import { parseRow, ROW_ATTRIBUTES, UnreadableValue, WEEKDAYS } from '../../src/index';
import { issuesOf, rawRow, rawRowWithout, rowOf } from '../helpers/rows';

describe('Function: parseRow', () => {
  describe('valid rows', () => {
    it('returns the row with every default applied when only required attributes are set', () => {
      // Prepare
      const raw = rawRow();

      // Act
      const result = parseRow(raw, 0);

      // Assess
      expect(result).toEqual({
        ok: true,
        warnings: [],
        row: {
          appName: 'orders-enricher',
          lowKPU: 2,
          highKPU: 8,
          scaleUpHour: 8,
          scaleDownHour: 20,
          timezone: 'UTC',
          peakDays: WEEKDAYS,
          enabled: true,
          autoScaling: 'keep',
        },
      });
    });

    it('returns every optional attribute as given when all are set', () => {
      // Prepare
      const raw = rawRow({
        timezone: 'Europe/Berlin',
        peakDays: 'MON-FRI',
        enabled: false,
        autoScaling: 'disable',
      });

      // Act
      const row = rowOf(parseRow(raw, 0));

      // Assess
      expect(row).toMatchObject({
        timezone: 'Europe/Berlin',
        peakDays: ['MON', 'TUE', 'WED', 'THU', 'FRI'],
        enabled: false,
        autoScaling: 'disable',
      });
    });

    it.each([
      ['lowKPU equal to highKPU', { lowKPU: 4, highKPU: 4 }],
      ['the highest KPU the default limit allows', { lowKPU: 64, highKPU: 64 }],
      ['a window crossing midnight', { scaleUpHour: 22, scaleDownHour: 6 }],
      ['hours at both ends of the day', { scaleUpHour: 0, scaleDownHour: 23 }],
      ['a 128-character appName', { appName: 'a'.repeat(128) }],
      ['appName with every allowed punctuation', { appName: 'A-z_0.9' }],
      ['a one-character appName', { appName: 'x' }],
      ['a lower-case zone spelling', { timezone: 'europe/paris' }],
      ['a zone link', { timezone: 'US/Eastern' }],
      ['a half-hour zone', { timezone: 'Asia/Kolkata' }],
      ['autoScaling enable', { autoScaling: 'enable' }],
      ['peakDays as a string set', { peakDays: new Set(['SAT', 'SUN']) }],
    ])('returns ok for %s', (_name, overrides) => {
      // Prepare
      const raw = rawRow(overrides);

      // Act
      const result = parseRow(raw, 0);

      // Assess
      expect(result.ok).toBe(true);
    });

    it('returns ok for the largest safe KPU when the deployment allows it', () => {
      // Act
      const result = parseRow(rawRow({ highKPU: Number.MAX_SAFE_INTEGER }), 0, {
        maxKPUPerApplication: Number.MAX_SAFE_INTEGER,
      });

      // Assess
      expect(result.ok).toBe(true);
    });

    it('returns the timezone exactly as spelled', () => {
      // Prepare
      const raw = rawRow({ timezone: 'europe/paris' });

      // Act
      const row = rowOf(parseRow(raw, 0));

      // Assess
      expect(row.timezone).toBe('europe/paris');
    });

    it('returns a row without unknown attributes, and without the optional lists it does not have', () => {
      // Prepare
      const raw = rawRow({ owner: 'team-a' });
      const lists = ['windows', 'overrides', 'holidays', 'calendars'];

      // Act
      const row = rowOf(parseRow(raw, 0));

      // Assess
      expect(Object.keys(row).sort()).toEqual(ROW_ATTRIBUTES.filter((name) => !lists.includes(name)).sort());
    });

    it('returns the row without changing the raw item', () => {
      // Prepare
      const raw = rawRow({ peakDays: ['sun', 'mon'] });
      const before = structuredClone(raw);

      // Act
      parseRow(raw, 0);

      // Assess
      expect(raw).toEqual(before);
    });
  });

  describe('rules per attribute', () => {
    it.each([
      // attribute, value, the problem wording, the rule wording
      ['appName', '', 'appName "" is empty', 'appName must be the MSF application name: 1-128 letters, digits, _ . -'],
      ['appName', 'a'.repeat(129), 'is 129 characters long', '1-128 letters, digits, _ . -'],
      ['appName', 'orders enricher', 'appName "orders enricher" contains " "', '1-128 letters, digits, _ . -'],
      ['appName', 'app/name:x', 'contains "/", ":"', '1-128 letters, digits, _ . -'],
      ['appName', 42, 'appName 42 is a number', '1-128 letters, digits, _ . -'],
      ['lowKPU', '4', 'lowKPU "4" is a string', 'lowKPU must be a whole number >= 1 (a DynamoDB N attribute)'],
      ['lowKPU', 0, 'lowKPU 0 is below 1', 'lowKPU must be a whole number >= 1'],
      ['lowKPU', -3, 'lowKPU -3 is below 1', 'lowKPU must be a whole number >= 1'],
      ['lowKPU', 1.5, 'lowKPU 1.5 is not a whole number', 'lowKPU must be a whole number >= 1'],
      ['lowKPU', Number.NaN, 'lowKPU NaN is not a finite number', 'lowKPU must be a whole number >= 1'],
      ['lowKPU', null, 'lowKPU is null', 'lowKPU must be a whole number >= 1'],
      [
        'highKPU',
        Number.POSITIVE_INFINITY,
        'highKPU Infinity is not a finite number',
        'highKPU must be a whole number >= 1',
      ],
      [
        'highKPU',
        2 ** 60,
        'is above 9007199254740991 (the largest safe integer)',
        'highKPU must be a whole number >= 1',
      ],
      ['highKPU', true, 'highKPU true is a boolean', 'highKPU must be a whole number >= 1'],
      ['highKPU', 10n, 'highKPU 10n is a bigint', 'highKPU must be a whole number >= 1'],
      [
        'highKPU',
        new UnreadableValue('99999999999999999999', 'a number with more digits than can be held exactly'),
        'highKPU 99999999999999999999 is a number with more digits than can be held exactly',
        'highKPU must be a whole number >= 1',
      ],
      ['scaleUpHour', 24, 'scaleUpHour 24 is above 23', 'scaleUpHour must be a whole hour 0-23'],
      ['scaleUpHour', -1, 'scaleUpHour -1 is below 0', 'scaleUpHour must be a whole hour 0-23'],
      ['scaleUpHour', 7.5, 'scaleUpHour 7.5 is not a whole number', 'scaleUpHour must be a whole hour 0-23'],
      ['scaleUpHour', '08', 'scaleUpHour "08" is a string', 'scaleUpHour must be a whole hour 0-23'],
      ['scaleDownHour', [20], 'scaleDownHour [20] is a list', 'scaleDownHour must be a whole hour 0-23'],
      [
        'timezone',
        'Europe/Pariss',
        'timezone "Europe/Pariss" is not an IANA time zone (did you mean "Europe/Paris"?)',
        'such as "Europe/Paris"',
      ],
      [
        'timezone',
        'Mars/Olympus_Mons',
        'timezone "Mars/Olympus_Mons" is not an IANA time zone;',
        'remove the attribute for UTC',
      ],
      ['timezone', '', 'timezone "" is not an IANA time zone', 'timezone must be an IANA time zone'],
      ['timezone', '+01:00', 'timezone "+01:00" is not an IANA time zone', 'timezone must be an IANA time zone'],
      ['timezone', null, 'timezone is null', 'remove the attribute for UTC'],
      ['timezone', 1, 'timezone 1 is a number', 'timezone must be an IANA time zone'],
      [
        'peakDays',
        'MON-FRX',
        'peakDays "MON-FRX" has "FRX", which is not a day name (did you mean "FRI"?)',
        'peakDays must name days',
      ],
      [
        'peakDays',
        '',
        'peakDays "" is empty',
        'peakDays must name at least one day; remove the attribute for every day',
      ],
      [
        'peakDays',
        [],
        'peakDays [] is empty',
        'peakDays must name at least one day; remove the attribute for every day',
      ],
      ['peakDays', 5, 'peakDays 5 is a number', 'peakDays must name days'],
      ['peakDays', { MON: true }, 'peakDays {"MON":true} is a map', 'peakDays must name days'],
      ['peakDays', null, 'peakDays is null', 'remove the attribute for every day'],
      [
        'enabled',
        'true',
        'enabled "true" is a string',
        'enabled must be a boolean (a DynamoDB BOOL attribute); remove the attribute for true',
      ],
      ['enabled', 1, 'enabled 1 is a number', 'enabled must be a boolean'],
      [
        'autoScaling',
        'off',
        'autoScaling "off" is not a known mode;',
        'autoScaling must be "keep", "disable" or "enable"',
      ],
      [
        'autoScaling',
        'KEEP',
        'autoScaling "KEEP" is not a known mode (did you mean "keep"?)',
        'remove the attribute for "keep"',
      ],
      ['autoScaling', false, 'autoScaling false is a boolean', 'autoScaling must be "keep", "disable" or "enable"'],
    ])('returns an issue on %s for %p', (attribute, value, problem, rule) => {
      // Prepare
      const raw = rawRow({ [attribute]: value });

      // Act
      const issues = issuesOf(parseRow(raw, 0));

      // Assess
      expect(issues).toHaveLength(1);
      const [issue] = issues;
      expect(issue?.attribute).toBe(attribute);
      expect(issue?.value).toBe(value);
      expect(issue?.message).toContain(problem);
      expect(issue?.message).toContain(rule);
      expect(issue?.rule).toContain(rule);
      expect(issue?.message.endsWith(`; ${issue.rule}`)).toBe(true);
    });

    it.each(['appName', 'lowKPU', 'highKPU', 'scaleUpHour', 'scaleDownHour'])(
      'returns a "missing" issue when required %s is absent',
      (attribute) => {
        // Prepare
        const raw = rawRowWithout(attribute);

        // Act
        const issues = issuesOf(parseRow(raw, 4));

        // Assess
        expect(issues).toEqual([
          expect.objectContaining({
            attribute,
            value: undefined,
            message: expect.stringContaining(`: ${attribute} is missing; `),
          }),
        ]);
      },
    );

    it('returns the exact message for a missing appName', () => {
      // Prepare
      const raw = rawRowWithout('appName');

      // Act
      const issues = issuesOf(parseRow(raw, 2));

      // Assess
      expect(issues).toEqual([
        {
          rowId: 'row #3',
          attribute: 'appName',
          value: undefined,
          rule: 'every row needs appName (1-128 letters, digits, _ . -)',
          message: 'row #3: appName is missing; every row needs appName (1-128 letters, digits, _ . -)',
        },
      ]);
    });

    it('returns the exact message when highKPU is below lowKPU, blamed on highKPU', () => {
      // Prepare
      const raw = rawRow({ lowKPU: 4, highKPU: 2 });

      // Act
      const issues = issuesOf(parseRow(raw, 0));

      // Assess
      expect(issues).toEqual([
        {
          rowId: 'orders-enricher',
          attribute: 'highKPU',
          value: 2,
          rule: 'highKPU must be >= lowKPU',
          message: 'row "orders-enricher": highKPU 2 is below lowKPU 4; highKPU must be >= lowKPU',
        },
      ]);
    });

    it('returns an issue blamed on scaleDownHour when both hours are equal', () => {
      // Prepare
      const raw = rawRow({ scaleUpHour: 8, scaleDownHour: 8 });

      // Act
      const issues = issuesOf(parseRow(raw, 0));

      // Assess
      expect(issues).toEqual([
        expect.objectContaining({
          attribute: 'scaleDownHour',
          value: 8,
          rule: expect.stringContaining('scaleDownHour must differ from scaleUpHour'),
          message: expect.stringMatching(/^row "orders-enricher": scaleDownHour 8 equals scaleUpHour 8/),
        }),
      ]);
    });

    it('returns no cross-field issue when one side is itself invalid', () => {
      // Prepare
      const raw = rawRow({ lowKPU: 4, highKPU: 0, scaleUpHour: 8, scaleDownHour: 8.0001 });

      // Act
      const issues = issuesOf(parseRow(raw, 0));

      // Assess
      expect(issues.map((issue) => issue.rule)).toEqual([
        'highKPU must be a whole number >= 1 (a DynamoDB N attribute)',
        "scaleDownHour must be a whole hour 0-23, local time in the row's timezone (a DynamoDB N attribute)",
      ]);
    });
  });

  describe('several issues at once', () => {
    it('returns every issue of the row, in attribute order', () => {
      // Prepare
      const raw = {
        timezone: 'Europe/Pariss',
        lowKPU: '4',
        highKPU: 0,
        scaleUpHour: 24,
        scaleDownHour: 6,
        peakDays: 'MON-FRX',
        enabled: 'yes',
        autoScaling: 'off',
      };

      // Act
      const issues = issuesOf(parseRow(raw, 6));

      // Assess
      expect(issues.map((issue) => issue.attribute)).toEqual([
        'appName',
        'lowKPU',
        'highKPU',
        'scaleUpHour',
        'timezone',
        'peakDays',
        'enabled',
        'autoScaling',
      ]);
      expect(issues.every((issue) => issue.rowId === 'row #7')).toBe(true);
      expect(issues.every((issue) => issue.message.startsWith('row #7: '))).toBe(true);
    });

    it('returns cross-field issues alongside type issues of other attributes', () => {
      // Prepare
      const raw = rawRow({ lowKPU: 4, highKPU: 2, scaleUpHour: 3, scaleDownHour: 3, enabled: 'no' });

      // Act
      const issues = issuesOf(parseRow(raw, 0));

      // Assess
      expect(issues.map((issue) => [issue.attribute, issue.rule])).toEqual([
        ['highKPU', 'highKPU must be >= lowKPU'],
        ['scaleDownHour', expect.stringContaining('must differ')],
        ['enabled', expect.stringContaining('enabled must be a boolean')],
      ]);
    });

    it('returns messages that never leak zod wording', () => {
      // Prepare
      const raw = {
        appName: 7,
        lowKPU: '1',
        highKPU: {},
        scaleUpHour: null,
        peakDays: 3,
        enabled: 0,
        autoScaling: 'x',
      };

      // Act
      const issues = issuesOf(parseRow(raw, 0));

      // Assess
      for (const issue of issues) {
        expect(issue.message).not.toMatch(/expected|received|invalid input/i);
      }
    });
  });

  describe('row ids', () => {
    it.each([
      ['the appName when it is a non-empty string', { appName: 'orders' }, 'orders', 'row "orders": '],
      ['the appName even when it breaks the name rules', { appName: 'bad name' }, 'bad name', 'row "bad name": '],
      ['the position when appName is empty', { appName: '' }, 'row #10', 'row #10: '],
      ['the position when appName is not a string', { appName: 12 }, 'row #10', 'row #10: '],
    ])('returns %s', (_name, overrides, rowId, prefix) => {
      // Prepare
      const raw = rawRow({ ...overrides, lowKPU: 0 });

      // Act
      const result = parseRow(raw, 9);

      // Assess
      expect(result.ok).toBe(false);
      expect(result.ok ? undefined : result.rowId).toBe(rowId);
      for (const issue of issuesOf(result)) {
        expect(issue.rowId).toBe(rowId);
        expect(issue.message.startsWith(prefix)).toBe(true);
      }
    });
  });

  describe('non-object rows', () => {
    it.each([
      ['a string', 'orders', 'row #1: the row "orders" is a string; '],
      ['null', null, 'row #1: the row is null; '],
      ['undefined', undefined, 'row #1: the row is missing; '],
      ['a list', [1, 2], 'row #1: the row [1,2] is a list; '],
      ['a number', 3, 'row #1: the row 3 is a number; '],
      ['a Set', new Set(['a']), 'row #1: the row set ["a"] is a set; '],
    ])('returns one (row) issue for %s', (_name, raw, prefix) => {
      // Act
      const result = parseRow(raw, 0);

      // Assess
      expect(result).toEqual({
        ok: false,
        rowId: 'row #1',
        warnings: [],
        issues: [
          {
            rowId: 'row #1',
            attribute: '(row)',
            value: raw,
            rule: 'every row must be a DynamoDB item: a map of attributes',
            message: `${prefix}every row must be a DynamoDB item: a map of attributes`,
          },
        ],
      });
    });
  });

  describe('KPU guard', () => {
    it('refuses a row asking for more than 64 KPU by default, naming the attribute, the limit and the fix', () => {
      // Act
      const issues = issuesOf(parseRow(rawRow({ highKPU: 400 }), 0));

      // Assess
      expect(issues).toEqual([
        expect.objectContaining({
          attribute: 'highKPU',
          value: 400,
          message:
            'row "orders-enricher": highKPU 400 is above 64; KPU must be at most maxKPUPerApplication 64; to go higher, raise the MSF quota and the scaler\'s maxKPUPerApplication together',
        }),
      ]);
    });

    it('applies the deployment limit to lowKPU and highKPU, with the other issues of the row', () => {
      // Act
      const issues = issuesOf(
        parseRow(rawRow({ lowKPU: 12, highKPU: 16, scaleDownHour: 24 }), 0, { maxKPUPerApplication: 10 }),
      );

      // Assess
      expect(issues.map((issue) => issue.attribute)).toEqual(['lowKPU', 'highKPU', 'scaleDownHour']);
    });

    it('does not blame twice a value the schema already refused', () => {
      // Act
      const issues = issuesOf(parseRow(rawRow({ highKPU: 400.5 }), 0));

      // Assess
      expect(issues).toHaveLength(1);
      expect(issues[0]?.message).toContain('highKPU 400.5 is not a whole number');
    });
  });

  describe('unknown attributes', () => {
    it('ignores an unknown attribute whatever it holds, a value nothing can hold exactly included', () => {
      // Prepare
      const notes = new UnreadableValue(
        '123456789012345678901.5',
        'a number with more digits than can be held exactly',
      );

      // Act
      const result = parseRow(rawRow({ notes }), 0);

      // Assess
      expect(result.ok).toBe(true);
      expect(result.warnings.map((warning) => warning.attribute)).toEqual(['notes']);
    });

    it('cuts a huge value in a message and says how long it was', () => {
      // Act
      const issues = issuesOf(parseRow(rawRow({ timezone: 'x'.repeat(400_000) }), 0));

      // Assess
      expect(issues[0]?.message).toContain('… (400002 characters)');
      expect(issues[0]?.message.length).toBeLessThan(400);
    });

    it.each([
      ['scaleupHour', 'scaleUpHour'],
      ['lowKpu', 'lowKPU'],
      ['timeZone', 'timezone'],
      ['highkpu', 'highKPU'],
      ['peakDay', 'peakDays'],
      ['enable', 'enabled'],
      ['autoscale', 'autoScaling'],
      ['scaleDownHours', 'scaleDownHour'],
      ['appname', 'appName'],
      ['name', 'appName'],
    ])('returns a warning for %s suggesting %s and keeps the row', (unknown, suggestion) => {
      // Prepare
      const raw = rawRow({ [unknown]: 1 });

      // Act
      const result = parseRow(raw, 0);

      // Assess
      expect(result.ok).toBe(true);
      expect(result.warnings).toEqual([
        {
          rowId: 'orders-enricher',
          attribute: unknown,
          suggestion,
          message: `row "orders-enricher": unknown attribute "${unknown}" is ignored; did you mean "${suggestion}"?`,
        },
      ]);
    });

    it('returns a warning listing the known attributes when nothing is close', () => {
      // Prepare
      const raw = rawRow({ costCentre: 'A-17' });

      // Act
      const result = parseRow(raw, 0);

      // Assess
      expect(result.ok).toBe(true);
      expect(result.warnings).toEqual([
        {
          rowId: 'orders-enricher',
          attribute: 'costCentre',
          message:
            'row "orders-enricher": unknown attribute "costCentre" is ignored; known attributes are appName, lowKPU, highKPU, scaleUpHour, scaleDownHour, timezone, peakDays, enabled, autoScaling, windows, overrides, holidays, calendars',
        },
      ]);
    });

    it('returns warnings on a refused row too, and points the missing attribute at its misspelling', () => {
      // Prepare
      const raw = { ...rawRowWithout('lowKPU'), lowKpu: 2 };

      // Act
      const result = parseRow(raw, 0);

      // Assess
      expect(result.warnings).toEqual([expect.objectContaining({ attribute: 'lowKpu', suggestion: 'lowKPU' })]);
      expect(issuesOf(result)).toEqual([
        expect.objectContaining({
          attribute: 'lowKPU',
          message:
            'row "orders-enricher": lowKPU is missing (the row has "lowKpu"; attribute names are case-sensitive); lowKPU must be a whole number >= 1 (a DynamoDB N attribute)',
        }),
      ]);
    });

    it('returns a misspelling hint for a near miss that differs by more than case', () => {
      // Prepare
      const raw = { ...rawRowWithout('scaleDownHour'), scaleDwnHour: 20 };

      // Act
      const issues = issuesOf(parseRow(raw, 0));

      // Assess
      expect(issues[0]?.message).toContain(
        'scaleDownHour is missing (the row has "scaleDwnHour"; is that a misspelling?)',
      );
    });
  });
});
