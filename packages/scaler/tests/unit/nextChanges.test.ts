import { parseRow, type Row } from '@msf-scaler/schema';
import fc from 'fast-check';
import { evaluateSchedule } from '../../src/core/evaluateSchedule';
import { NEXT_CHANGES_HORIZON_DAYS, nextChanges } from '../../src/core/nextChanges';
import type { Calendars } from '../../src/core/preparedSchedule';
import { FC_SEED, hoursOf, RANGE_HOURS, scheduleCase } from './scheduleArbitraries';

const NO_CALENDARS: Calendars = new Map();

function rowOf(raw: Record<string, unknown>): Row {
  const parsed = parseRow(raw, 0);
  if (!parsed.ok) throw new Error(parsed.issues.map((issue) => issue.message).join('\n'));
  return parsed.row;
}

/** The changes as `ISO instant -> KPU (rule)` lines, easy to read in a failure. */
function lines(changes: ReturnType<typeof nextChanges>): string[] {
  return changes.map((change) => `${change.at.toISOString()} -> ${change.targetKPU} (${change.rule})`);
}

describe('Function: nextChanges', () => {
  it('returns the next scale-down and scale-up of a business-hours row, with the rule after each', () => {
    // Prepare
    const row = rowOf({ appName: 'a', lowKPU: 1, highKPU: 4, scaleUpHour: 8, scaleDownHour: 20 });

    // Act
    const changes = nextChanges(row, NO_CALENDARS, new Date('2026-11-27T10:00:00Z'), 3);

    // Assess
    expect(lines(changes)).toEqual([
      '2026-11-27T20:00:00.000Z -> 1 (outside every window)',
      '2026-11-28T08:00:00.000Z -> 4 (window 08:00-20:00 UTC every day)',
      '2026-11-28T20:00:00.000Z -> 1 (outside every window)',
    ]);
    expect(changes[1]?.decidedBy).toEqual({
      kind: 'window',
      index: 0,
      window: expect.objectContaining({ from: 8, to: 20, kpu: 4 }),
    });
  });

  it('returns an instant strictly after the one given, even when it is a change itself', () => {
    // Prepare
    const row = rowOf({ appName: 'a', lowKPU: 1, highKPU: 4, scaleUpHour: 8, scaleDownHour: 20 });

    // Act
    const [first] = nextChanges(row, NO_CALENDARS, new Date('2026-11-27T08:00:00Z'), 1);

    // Assess
    expect(first?.at.toISOString()).toBe('2026-11-27T20:00:00.000Z');
  });

  it('returns the changes of two levels a day, skipping a boundary where the KPU stays the same', () => {
    // Prepare: 8 KPU 08-20, 4 KPU 20-23, and a second 8 KPU window 20-22 on top of the evening one.
    const row = rowOf({
      appName: 'a',
      lowKPU: 2,
      timezone: 'Europe/Berlin',
      windows: [
        { from: 8, to: 20, kpu: 8 },
        { from: 20, to: 23, kpu: 4 },
        { from: 19, to: 20, kpu: 8 },
      ],
    });

    // Act
    const changes = nextChanges(row, NO_CALENDARS, new Date('2026-12-01T12:00:00Z'), 3);

    // Assess
    expect(lines(changes)).toEqual([
      '2026-12-01T19:00:00.000Z -> 4 (window 20:00-23:00 Europe/Berlin every day)',
      '2026-12-01T22:00:00.000Z -> 2 (outside every window)',
      '2026-12-02T07:00:00.000Z -> 8 (window 08:00-20:00 Europe/Berlin every day)',
    ]);
  });

  it("returns an override's from and until at their exact instants, not rounded to an hour", () => {
    // Prepare
    const row = rowOf({
      appName: 'a',
      lowKPU: 1,
      highKPU: 4,
      scaleUpHour: 8,
      scaleDownHour: 20,
      overrides: [{ kpu: 16, from: '2026-12-01T09:17:30Z', until: '2026-12-01T11:45:00+01:00', reason: 'launch' }],
    });

    // Act
    const changes = nextChanges(row, NO_CALENDARS, new Date('2026-12-01T09:00:00Z'), 2);

    // Assess
    expect(lines(changes)).toEqual([
      '2026-12-01T09:17:30.000Z -> 16 (override until 2026-12-01T11:45:00+01:00 (launch))',
      '2026-12-01T10:45:00.000Z -> 4 (window 08:00-20:00 UTC every day)',
    ]);
  });

  it('returns local hour boundaries of a half-hour zone (Asia/Kolkata, UTC+05:30)', () => {
    // Prepare
    const row = rowOf({
      appName: 'a',
      lowKPU: 1,
      highKPU: 4,
      scaleUpHour: 9,
      scaleDownHour: 18,
      timezone: 'Asia/Kolkata',
    });

    // Act
    const changes = nextChanges(row, NO_CALENDARS, new Date('2026-12-01T00:00:00Z'), 2);

    // Assess
    expect(changes.map((change) => change.at.toISOString())).toEqual([
      '2026-12-01T03:30:00.000Z',
      '2026-12-01T12:30:00.000Z',
    ]);
  });

  it.each([
    // zone, DST day, window, the next changes from midnight UTC of that day
    [
      'America/New_York spring forward (02:00 never happens): a 2 -> 6 window starts at 03:00 EDT',
      'America/New_York',
      '2026-03-08T00:00:00Z',
      { scaleUpHour: 2, scaleDownHour: 6 },
      ['2026-03-08T07:00:00.000Z -> 4', '2026-03-08T10:00:00.000Z -> 1'],
    ],
    [
      'Europe/Berlin fall back (02:00 happens twice): a 2 -> 3 window lasts two real hours',
      'Europe/Berlin',
      '2026-10-24T12:00:00Z',
      { scaleUpHour: 2, scaleDownHour: 3 },
      ['2026-10-25T00:00:00.000Z -> 4', '2026-10-25T02:00:00.000Z -> 1'],
    ],
    [
      'Australia/Sydney fall back on 2026-04-05: a 22 -> 6 window lasts nine real hours',
      'Australia/Sydney',
      '2026-04-04T00:00:00Z',
      { scaleUpHour: 22, scaleDownHour: 6 },
      ['2026-04-04T11:00:00.000Z -> 4', '2026-04-04T20:00:00.000Z -> 1'],
    ],
  ])('returns DST-safe changes: %s', (_name, timezone, from, hours, expected) => {
    // Prepare
    const row = rowOf({ appName: 'a', lowKPU: 1, highKPU: 4, timezone, ...hours });

    // Act
    const changes = nextChanges(row, NO_CALENDARS, new Date(from), 2);

    // Assess
    expect(changes.map((change) => `${change.at.toISOString()} -> ${change.targetKPU}`)).toEqual(expected);
  });

  it('returns a holiday from a calendar as no change on the day a window would have started', () => {
    // Prepare: Friday 2026-12-25 is a holiday; the night window of Thursday still runs to 06:00.
    const row = rowOf({
      appName: 'a',
      lowKPU: 1,
      highKPU: 4,
      scaleUpHour: 22,
      scaleDownHour: 6,
      calendars: ['de-public'],
    });
    const calendars: Calendars = new Map([['de-public', { name: 'de-public', dates: ['2026-12-25'] }]]);

    // Act
    const changes = nextChanges(row, calendars, new Date('2026-12-24T12:00:00Z'), 3);

    // Assess
    expect(lines(changes)).toEqual([
      '2026-12-24T22:00:00.000Z -> 4 (window 22:00-06:00 UTC every day (crosses midnight))',
      '2026-12-25T06:00:00.000Z -> 1 (outside every window)',
      '2026-12-26T22:00:00.000Z -> 4 (window 22:00-06:00 UTC every day (crosses midnight))',
    ]);
  });

  it('returns nothing at once for a row whose levels are all equal, and for a count of 0', () => {
    // Prepare
    const constant = rowOf({ appName: 'a', lowKPU: 3, highKPU: 3, scaleUpHour: 8, scaleDownHour: 20 });
    const daily = rowOf({ appName: 'a', lowKPU: 1, highKPU: 3, scaleUpHour: 8, scaleDownHour: 20 });

    // Act
    const none = nextChanges(constant, NO_CALENDARS, new Date('2026-12-01T00:00:00Z'), 5);
    const zero = nextChanges(daily, NO_CALENDARS, new Date('2026-12-01T00:00:00Z'), 0);

    // Assess
    expect(none).toEqual([]);
    expect(zero).toEqual([]);
  });

  it('looks no further than its horizon, 35 days by default', () => {
    // Prepare: a window on Mondays only, an override keeping it low for 40 days.
    const row = rowOf({
      appName: 'a',
      lowKPU: 1,
      highKPU: 4,
      scaleUpHour: 8,
      scaleDownHour: 20,
      peakDays: 'MON',
      overrides: [{ kpu: 1, until: '2027-01-10T00:00:00Z', reason: 'freeze' }],
    });
    const start = new Date('2026-12-01T00:00:00Z');

    // Act
    const byDefault = nextChanges(row, NO_CALENDARS, start, 1);
    const further = nextChanges(row, NO_CALENDARS, start, 1, { horizonDays: 42 });

    // Assess
    expect(NEXT_CHANGES_HORIZON_DAYS).toBe(35);
    expect(byDefault).toEqual([]);
    expect(lines(further)).toEqual(['2027-01-11T08:00:00.000Z -> 4 (window 08:00-20:00 UTC MON)']);
  });

  it('agrees with evaluating every hour of two weeks (overrides on whole hours), across DST changes', () => {
    fc.assert(
      fc.property(scheduleCase({ wholeHourOverrides: true }), ({ row, calendars, range }) => {
        // Prepare
        const hours = hoursOf(range);
        const hourly = hours.map((at) => evaluateSchedule(row, calendars, new Date(at)));
        const expected = hourly.flatMap((evaluation, index) => {
          const previous = hourly[index - 1];
          if (previous === undefined || previous.targetKPU === evaluation.targetKPU) return [];
          return [`${new Date(hours[index] ?? 0).toISOString()} -> ${evaluation.targetKPU} (${evaluation.rule})`];
        });

        // Act
        const changes = nextChanges(row, calendars, new Date(range.start), RANGE_HOURS, {
          horizonDays: RANGE_HOURS / 24,
        });

        // Assess
        expect(lines(changes)).toEqual(expected);
      }),
      { seed: FC_SEED, numRuns: 25 },
    );
  });

  it('returns changes in time order, each a real change: for overrides on any minute, the target differs just before it', () => {
    fc.assert(
      fc.property(scheduleCase(), ({ row, calendars, range }) => {
        // Act
        const changes = nextChanges(row, calendars, new Date(range.start), 20);

        // Assess: the target differs just before each change, and is what the change says at it.
        const wrong = changes.filter((change) => {
          const at = change.at.getTime();
          const before = evaluateSchedule(row, calendars, new Date(at - 1)).targetKPU;
          const after = evaluateSchedule(row, calendars, change.at);
          return before === change.targetKPU || after.targetKPU !== change.targetKPU || after.rule !== change.rule;
        });
        expect(wrong).toEqual([]);
        const instants = changes.map((change) => change.at.getTime());
        expect(instants.every((at, index) => at > (instants[index - 1] ?? range.start))).toBe(true);
      }),
      { seed: FC_SEED, numRuns: 25 },
    );
  });
});
