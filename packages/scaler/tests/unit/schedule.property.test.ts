import { parseRow, type Row, WEEKDAYS } from '@msf-scaler/schema';
import fc from 'fast-check';
import { evaluateSchedule } from '../../src/core/evaluateSchedule';
import type { Calendars } from '../../src/core/preparedSchedule';
import { FC_SEED, HOUR_MS, hoursOf, scheduleCase, ZONE_RANGES } from './scheduleArbitraries';

const FC_OPTIONS = { seed: FC_SEED, numRuns: 25 };

const NO_CALENDARS: Calendars = new Map();

function rowOf(raw: Record<string, unknown>): Row {
  const parsed = parseRow(raw, 0);
  if (!parsed.ok) throw new Error(parsed.issues.map((issue) => issue.message).join('\n'));
  return parsed.row;
}

/** What two evaluations must agree on: the target and the rule, as data and as text. */
function outcomeOf(row: Row, calendars: Calendars, at: number) {
  const { targetKPU, rule, decidedBy } = evaluateSchedule(row, calendars, new Date(at));
  return { at: new Date(at).toISOString(), targetKPU, rule, decidedBy };
}

describe('Function: evaluateSchedule (properties)', () => {
  it('returns for a row with one window in windows exactly what the same simple row returns', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONE_RANGES),
        fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 23 })).filter(([a, b]) => a !== b),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 8 }),
        fc.subarray([...WEEKDAYS], { minLength: 1 }),
        (range, [from, to], low, extra, days) => {
          // Prepare
          const base = { appName: 'same', lowKPU: low, timezone: range.timezone };
          const simple = rowOf({ ...base, scaleUpHour: from, scaleDownHour: to, highKPU: low + extra, peakDays: days });
          const listed = rowOf({ ...base, windows: [{ from, to, kpu: low + extra, days }] });

          // Act
          const hours = hoursOf(range);
          const fromSimple = hours.map((at) => outcomeOf(simple, NO_CALENDARS, at));
          const fromListed = hours.map((at) => outcomeOf(listed, NO_CALENDARS, at));

          // Assess
          expect(fromListed).toEqual(fromSimple);
        },
      ),
      FC_OPTIONS,
    );
  });

  it('never lets an override change the outcome at an instant outside [from, until)', () => {
    fc.assert(
      fc.property(
        scheduleCase(),
        fc.integer({ min: 0, max: 14 * 24 * 60 }),
        fc.integer({ min: 1, max: 72 * 60 }),
        fc.integer({ min: 1, max: 30 }),
        ({ row, calendars, range }, startMinute, lengthMinutes, kpu) => {
          // Prepare
          const from = range.start + startMinute * 60_000;
          const until = from + lengthMinutes * 60_000;
          const override = {
            kpu,
            from: new Date(from).toISOString(),
            until: new Date(until).toISOString(),
            reason: 'property',
          };
          const withOverride: Row = { ...row, overrides: [...(row.overrides ?? []), override] };
          const outside = [...hoursOf(range), from - 1, until].filter((at) => at < from || at >= until);

          // Act
          const before = outside.map((at) => outcomeOf(row, calendars, at));
          const after = outside.map((at) => outcomeOf(withOverride, calendars, at));

          // Assess
          expect(after).toEqual(before);
        },
      ),
      FC_OPTIONS,
    );
  });

  it('never raises the target when a holiday is added', () => {
    fc.assert(
      fc.property(scheduleCase(), fc.integer({ min: -1, max: 15 }), ({ row, calendars, range }, day) => {
        // Prepare
        const holiday = new Date(range.start + day * 24 * HOUR_MS).toISOString().slice(0, 10);
        const withHoliday: Row = { ...row, holidays: [...new Set([...(row.holidays ?? []), holiday])].sort() };

        // Act
        const raised = hoursOf(range).filter(
          (at) =>
            evaluateSchedule(withHoliday, calendars, new Date(at)).targetKPU >
            evaluateSchedule(row, calendars, new Date(at)).targetKPU,
        );

        // Assess
        expect(raised).toEqual([]);
      }),
      FC_OPTIONS,
    );
  });
});
