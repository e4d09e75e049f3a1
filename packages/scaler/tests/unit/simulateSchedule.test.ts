import { parseRow, type Row } from '@msf-scaler/schema';
import fc from 'fast-check';
import { Pricing, simulateSchedule } from '../../src/core/simulateSchedule';

const MONDAY = new Date('2026-11-30T00:00:00Z');
const WEEK = 168;

function rowOf(raw: Record<string, unknown>): Row {
  const parsed = parseRow(raw, 0);
  if (!parsed.ok) throw new Error(parsed.issues.map((issue) => issue.message).join('; '));
  return parsed.row;
}

describe('Function: simulateSchedule', () => {
  it('adds up a week of a business-hours row with the orchestration KPU, against staying at highKPU', () => {
    // Prepare
    const row = rowOf({ appName: 'orders', lowKPU: 1, highKPU: 4, scaleUpHour: 8, scaleDownHour: 20 });

    // Act
    const simulated = simulateSchedule(row, new Map(), MONDAY, WEEK);

    // Assess: each day 12 h at 4 and 12 h at 1, plus 1 KPU of orchestration every hour.
    expect(simulated.targets.slice(0, 24)).toEqual([...Array(8).fill(1), ...Array(12).fill(4), ...Array(4).fill(1)]);
    expect(simulated.kpuHours).toBe(7 * (12 * 4 + 12 * 1) + WEEK);
    expect(simulated.alwaysHighKpuHours).toBe(4 * WEEK + WEEK);
    expect(simulated.changes).toBe(14);
    expect(Pricing.ORCHESTRATION_KPU).toBe(1);
  });

  it('counts a holiday from a calendar and a weekday-only window', () => {
    // Prepare
    const row = rowOf({
      appName: 'orders',
      lowKPU: 2,
      windows: [{ from: 9, to: 17, kpu: 8, days: 'MON-FRI' }],
      calendars: ['de'],
    });
    const calendars = new Map([['de', { name: 'de', dates: ['2026-12-01'] }]]);

    // Act: Monday to Sunday, with Tuesday a holiday.
    const simulated = simulateSchedule(row, calendars, MONDAY, WEEK);

    // Assess: 4 working days of 8 h at 8 KPU, the rest at 2.
    expect(simulated.kpuHours).toBe(4 * 8 * 8 + (WEEK - 32) * 2 + WEEK);
    expect(simulated.alwaysHighKpuHours).toBe(8 * WEEK + WEEK);
  });

  it('never bills more than the highest KPU, nor less than lowKPU, for rows without overrides', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York'),
        (low, extra, up, down, timezone) => {
          fc.pre(up !== down);
          // Act
          const row = rowOf({
            appName: 'a',
            lowKPU: low,
            highKPU: low + extra,
            scaleUpHour: up,
            scaleDownHour: down,
            timezone,
          });
          const simulated = simulateSchedule(row, new Map(), MONDAY, 48);

          // Assess
          expect(simulated.kpuHours).toBeLessThanOrEqual(simulated.alwaysHighKpuHours);
          expect(simulated.kpuHours).toBeGreaterThanOrEqual((low + 1) * 48);
        },
      ),
      { numRuns: 60, seed: 20261201 },
    );
  });
});
