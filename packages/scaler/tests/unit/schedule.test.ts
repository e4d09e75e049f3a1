import { type CalendarEntry, parseRow, type Row } from '@msf-scaler/schema';
import { evaluateSchedule } from '../../src/core/evaluateSchedule';
import type { Calendars } from '../../src/core/preparedSchedule';

const NO_CALENDARS: Calendars = new Map();

/** A row with two levels a day in Berlin: 8 KPU 08-20 on working days, 4 KPU 20-23 every day. */
function aScheduleRow(overrides: Record<string, unknown> = {}): Row {
  const parsed = parseRow(
    {
      appName: 'orders-enricher',
      lowKPU: 2,
      timezone: 'Europe/Berlin',
      windows: [
        { from: 8, to: 20, kpu: 8, days: 'MON-FRI' },
        { from: 20, to: 23, kpu: 4 },
      ],
      ...overrides,
    },
    0,
  );
  if (!parsed.ok) throw new Error(parsed.issues.map((issue) => issue.message).join('\n'));
  return parsed.row;
}

const LAUNCH = { kpu: 16, until: '2026-12-04T18:00:00Z', reason: 'launch week', by: 'ops' };

function calendars(entries: Record<string, readonly string[] | string>): Calendars {
  return new Map(
    Object.entries(entries).map(([name, dates]): [string, CalendarEntry] => [
      name,
      typeof dates === 'string' ? { name, problem: dates } : { name, dates },
    ]),
  );
}

describe('Function: evaluateSchedule', () => {
  describe('windows', () => {
    it.each([
      // instant (UTC), local time, target, rule
      ['2026-12-02T10:00:00Z', '2026-12-02 11:00', 8, 'window 08:00-20:00 Europe/Berlin MON-FRI'],
      ['2026-12-02T19:00:00Z', '2026-12-02 20:00', 4, 'window 20:00-23:00 Europe/Berlin every day'],
      ['2026-12-02T22:00:00Z', '2026-12-02 23:00', 2, 'outside every window'],
      ['2026-12-05T10:00:00Z', '2026-12-05 11:00', 2, 'outside every window'],
      ['2026-12-05T20:30:00Z', '2026-12-05 21:30', 4, 'window 20:00-23:00 Europe/Berlin every day'],
    ])('at %s (local %s) returns %d KPU by %s', (at, localTime, targetKPU, rule) => {
      // Act
      const evaluation = evaluateSchedule(aScheduleRow(), NO_CALENDARS, new Date(at));

      // Assess
      expect(evaluation).toEqual({ targetKPU, rule, localTime, decidedBy: expect.anything(), warnings: [] });
    });

    it('returns the highest window where windows overlap, and the first of equal ones', () => {
      // Prepare
      const row = aScheduleRow({
        windows: [
          { from: 8, to: 20, kpu: 4 },
          { from: 10, to: 12, kpu: 8 },
          { from: 9, to: 13, kpu: 8 },
        ],
      });

      // Act
      const evaluation = evaluateSchedule(row, NO_CALENDARS, new Date('2026-12-02T10:00:00Z'));

      // Assess
      expect(evaluation.targetKPU).toBe(8);
      expect(evaluation.decidedBy).toEqual({ kind: 'window', index: 1, window: expect.objectContaining({ from: 10 }) });
    });

    it('counts the simple window as the first window', () => {
      // Prepare
      const row = aScheduleRow({ scaleUpHour: 6, scaleDownHour: 9, highKPU: 6 });

      // Act
      const early = evaluateSchedule(row, NO_CALENDARS, new Date('2026-12-02T06:00:00Z'));
      const overlap = evaluateSchedule(row, NO_CALENDARS, new Date('2026-12-02T07:00:00Z'));

      // Assess
      expect(early).toMatchObject({ targetKPU: 6, rule: 'window 06:00-09:00 Europe/Berlin every day' });
      expect(early.decidedBy).toMatchObject({ kind: 'window', index: 0 });
      expect(overlap).toMatchObject({ targetKPU: 8, decidedBy: { kind: 'window', index: 1 } });
    });

    it('belongs a window crossing midnight to the day it starts on', () => {
      // Prepare: Friday nights only.
      const row = aScheduleRow({ windows: [{ from: 22, to: 6, kpu: 5, days: 'FRI' }] });

      // Act
      const saturdayNight = evaluateSchedule(row, NO_CALENDARS, new Date('2026-12-05T02:00:00Z'));
      const sundayNight = evaluateSchedule(row, NO_CALENDARS, new Date('2026-12-06T02:00:00Z'));

      // Assess
      expect(saturdayNight).toMatchObject({
        targetKPU: 5,
        rule: 'window 22:00-06:00 Europe/Berlin FRI (crosses midnight)',
      });
      expect(sundayNight.targetKPU).toBe(2);
    });
  });

  describe('overrides', () => {
    it('returns an override in force whatever the windows say, with its reason and author in the rule', () => {
      // Act
      const evaluation = evaluateSchedule(
        aScheduleRow({ overrides: [LAUNCH] }),
        NO_CALENDARS,
        new Date('2026-12-02T22:00:00Z'),
      );

      // Assess
      expect(evaluation).toMatchObject({
        targetKPU: 16,
        rule: 'override until 2026-12-04T18:00:00Z (launch week, by ops)',
        decidedBy: { kind: 'override', index: 0, override: LAUNCH },
        warnings: [],
      });
    });

    it('returns an override below lowKPU too (a shutdown)', () => {
      // Act
      const evaluation = evaluateSchedule(
        aScheduleRow({ overrides: [{ kpu: 1, until: '2026-12-27T00:00:00+01:00', reason: 'shutdown' }] }),
        NO_CALENDARS,
        new Date('2026-12-02T10:00:00Z'),
      );

      // Assess
      expect(evaluation).toMatchObject({ targetKPU: 1, rule: 'override until 2026-12-27T00:00:00+01:00 (shutdown)' });
    });

    it.each([
      ['at its from', '2026-12-03T08:00:00Z', 16],
      ['before its from', '2026-12-03T07:59:59.999Z', 8],
      ['a millisecond before its until', '2026-12-04T17:59:59.999Z', 16],
      ['at its until (Friday 19:00 in Berlin, in the day window)', '2026-12-04T18:00:00Z', 8],
    ])('returns an override only in [from, until): %s', (_name, at, targetKPU) => {
      // Prepare
      const row = aScheduleRow({ overrides: [{ ...LAUNCH, from: '2026-12-03T09:00:00+01:00' }] });

      // Act
      const evaluation = evaluateSchedule(row, NO_CALENDARS, new Date(at));

      // Assess
      expect(evaluation.targetKPU).toBe(targetKPU);
    });

    it('returns the override with the latest from when several are in force (no from counts as earliest)', () => {
      // Prepare
      const row = aScheduleRow({
        overrides: [
          { kpu: 20, until: '2026-12-31T00:00:00Z', reason: 'open-ended' },
          { kpu: 3, from: '2026-12-02T09:00:00Z', until: '2026-12-31T00:00:00Z', reason: 'latest decision' },
          { kpu: 12, from: '2026-12-01T00:00:00Z', until: '2026-12-31T00:00:00Z', reason: 'older' },
        ],
      });

      // Act
      const evaluation = evaluateSchedule(row, NO_CALENDARS, new Date('2026-12-02T10:00:00Z'));

      // Assess
      expect(evaluation).toMatchObject({ targetKPU: 3, decidedBy: { kind: 'override', index: 1 } });
    });

    it('returns the highest kpu of overrides with the same from', () => {
      // Prepare
      const from = '2026-12-02T09:00:00Z';
      const row = aScheduleRow({
        overrides: [
          { kpu: 6, from, until: '2026-12-03T00:00:00Z', reason: 'a' },
          { kpu: 9, from: '2026-12-02T10:00:00+01:00', until: '2026-12-04T00:00:00Z', reason: 'b' },
        ],
      });

      // Act
      const evaluation = evaluateSchedule(row, NO_CALENDARS, new Date('2026-12-02T10:00:00Z'));

      // Assess
      expect(evaluation).toMatchObject({ targetKPU: 9, decidedBy: { kind: 'override', index: 1 } });
    });

    it('ignores expired overrides and names them in one warning', () => {
      // Prepare
      const row = aScheduleRow({
        overrides: [LAUNCH, { kpu: 1, until: '2026-12-05T00:00:00Z', reason: 'freeze' }],
      });

      // Act
      const evaluation = evaluateSchedule(row, NO_CALENDARS, new Date('2026-12-07T10:00:00Z'));

      // Assess
      expect(evaluation.targetKPU).toBe(8);
      expect(evaluation.warnings).toEqual([
        {
          rowId: 'orders-enricher',
          attribute: 'overrides',
          message:
            'row "orders-enricher": 2 overrides have expired and are ignored: overrides[0] (override until 2026-12-04T18:00:00Z (launch week, by ops)), overrides[1] (override until 2026-12-05T00:00:00Z (freeze)); remove them from overrides',
        },
      ]);
    });

    it('warns about an override without from that stays in force more than 31 days from the instant', () => {
      // Prepare
      const row = aScheduleRow({ overrides: [{ kpu: 3, until: '2027-01-10T00:00:00Z', reason: 'typo in the year?' }] });

      // Act
      const soon = evaluateSchedule(row, NO_CALENDARS, new Date('2026-12-20T00:00:00Z'));
      const early = evaluateSchedule(row, NO_CALENDARS, new Date('2026-12-01T00:00:00Z'));

      // Assess
      expect(soon.warnings).toEqual([]);
      expect(early.warnings.map((warning) => warning.message)).toEqual([
        'row "orders-enricher": overrides[0] (override until 2027-01-10T00:00:00Z (typo in the year?)) stays in force 40 more days, longer than 31; an override is meant to be temporary: check until, or change the schedule instead',
      ]);
    });
  });

  describe('holidays and calendars', () => {
    it('returns the holiday, from the row itself, on a day a window would have started', () => {
      // Act
      const evaluation = evaluateSchedule(
        aScheduleRow({ holidays: ['2026-12-24'] }),
        NO_CALENDARS,
        new Date('2026-12-24T10:00:00Z'),
      );

      // Assess
      expect(evaluation).toMatchObject({
        targetKPU: 2,
        rule: 'holiday 2026-12-24 (row holidays)',
        decidedBy: { kind: 'holiday', date: '2026-12-24', windowIndex: 0 },
      });
    });

    it('returns the holiday from a shared calendar, naming it', () => {
      // Act
      const evaluation = evaluateSchedule(
        aScheduleRow({ calendars: ['de-public'] }),
        calendars({ 'de-public': ['2026-12-25', '2026-12-26'] }),
        new Date('2026-12-25T10:00:00Z'),
      );

      // Assess
      expect(evaluation).toMatchObject({
        targetKPU: 2,
        rule: 'holiday 2026-12-25 (calendar de-public)',
        decidedBy: { kind: 'holiday', calendar: 'de-public' },
      });
    });

    it('attributes a date listed by the row and a calendar to the row', () => {
      // Act
      const evaluation = evaluateSchedule(
        aScheduleRow({ holidays: ['2026-12-25'], calendars: ['de-public'] }),
        calendars({ 'de-public': ['2026-12-25'] }),
        new Date('2026-12-25T10:00:00Z'),
      );

      // Assess
      expect(evaluation.rule).toBe('holiday 2026-12-25 (row holidays)');
    });

    it('lets a window that began the evening before a holiday run to its end', () => {
      // Prepare: a 22 -> 6 night window; the 25th is a holiday.
      const row = aScheduleRow({ windows: [{ from: 22, to: 6, kpu: 5 }], holidays: ['2026-12-25'] });

      // Act
      const nightBefore = evaluateSchedule(row, NO_CALENDARS, new Date('2026-12-25T03:00:00Z'));
      const holidayNight = evaluateSchedule(row, NO_CALENDARS, new Date('2026-12-25T22:00:00Z'));
      const nightAfter = evaluateSchedule(row, NO_CALENDARS, new Date('2026-12-26T22:00:00Z'));

      // Assess
      expect(nightBefore).toMatchObject({ targetKPU: 5, decidedBy: { kind: 'window' } });
      expect(holidayNight).toMatchObject({ targetKPU: 2, rule: 'holiday 2026-12-25 (row holidays)' });
      expect(nightAfter).toMatchObject({ targetKPU: 5, decidedBy: { kind: 'window' } });
    });

    it('returns a window still running over a holiday that stopped another one', () => {
      // Prepare: the night window of the 23rd runs into the holiday morning; the day window does not start.
      const row = aScheduleRow({
        windows: [
          { from: 22, to: 10, kpu: 3 },
          { from: 8, to: 20, kpu: 8 },
        ],
        holidays: ['2026-12-24'],
      });

      // Act
      const evaluation = evaluateSchedule(row, NO_CALENDARS, new Date('2026-12-24T08:00:00Z'));

      // Assess
      expect(evaluation).toMatchObject({ targetKPU: 3, decidedBy: { kind: 'window', index: 0 } });
    });

    it('judges holidays by the date in the row zone, not in UTC', () => {
      // Prepare: 2026-12-24 23:30 UTC is already the 25th in Berlin.
      const row = aScheduleRow({ windows: [{ from: 0, to: 2, kpu: 5 }], holidays: ['2026-12-25'] });

      // Act
      const evaluation = evaluateSchedule(row, NO_CALENDARS, new Date('2026-12-24T23:30:00Z'));

      // Assess
      expect(evaluation).toMatchObject({ targetKPU: 2, localTime: '2026-12-25 00:30', decidedBy: { kind: 'holiday' } });
    });

    it('gives an override precedence over a holiday', () => {
      // Act
      const evaluation = evaluateSchedule(
        aScheduleRow({ holidays: ['2026-12-03'], overrides: [LAUNCH] }),
        NO_CALENDARS,
        new Date('2026-12-03T10:00:00Z'),
      );

      // Assess
      expect(evaluation.decidedBy.kind).toBe('override');
    });

    it('runs without a calendar that does not exist, with a did-you-mean', () => {
      // Act
      const evaluation = evaluateSchedule(
        aScheduleRow({ calendars: ['de-publc'] }),
        calendars({ 'de-public': ['2026-12-25'] }),
        new Date('2026-12-25T10:00:00Z'),
      );

      // Assess
      expect(evaluation.targetKPU).toBe(8);
      expect(evaluation.warnings).toEqual([
        {
          rowId: 'orders-enricher',
          attribute: 'calendars',
          suggestion: 'de-public',
          message:
            'row "orders-enricher": calendar "de-publc" does not exist (no item has appName "calendar:de-publc"), so the row runs without it; did you mean "de-public"?',
        },
      ]);
    });

    it('runs without an invalid calendar, saying it is invalid rather than missing', () => {
      // Act
      const evaluation = evaluateSchedule(
        aScheduleRow({ calendars: ['de-public'] }),
        calendars({ 'de-public': 'dates has "xmas"' }),
        new Date('2026-12-25T10:00:00Z'),
      );

      // Assess
      expect(evaluation.targetKPU).toBe(8);
      expect(evaluation.warnings.map((warning) => warning.message)).toEqual([
        'row "orders-enricher": calendar "de-public" is invalid (see the outcome of "calendar:de-public"), so the row runs without it',
      ]);
    });
  });

  describe('across DST changes', () => {
    it.each([
      // Berlin springs forward on 2026-03-29: 02:00 CET becomes 03:00 CEST at 01:00Z.
      ['a window starting on the skipped hour begins at 03:00 CEST', '2026-03-29T01:00:00Z', 5, '2026-03-29 03:00'],
      ['the hour before the change is outside it', '2026-03-29T00:59:59Z', 2, '2026-03-29 01:59'],
    ])('%s', (_name, at, targetKPU, localTime) => {
      // Prepare
      const row = aScheduleRow({ windows: [{ from: 2, to: 6, kpu: 5 }] });

      // Act
      const evaluation = evaluateSchedule(row, NO_CALENDARS, new Date(at));

      // Assess
      expect(evaluation).toMatchObject({ targetKPU, localTime });
    });
  });
});
