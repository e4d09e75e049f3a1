import { WEEKDAYS } from '@msf-scaler/schema';
import fc from 'fast-check';
import { evaluatePeak, type PeakWindow, windowHours } from '../../src/core/window';

/** Fixed seed: property runs must not depend on the wall clock (fast-check seeds from it by default). */
const FC_OPTIONS = { seed: 0x5ca1e, numRuns: 500 };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const MIN_DATE = new Date('1970-01-01T00:00:00Z');
const MAX_DATE = new Date('2100-12-31T23:59:59.999Z');

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'America/St_Johns', // -03:30 / -02:30
  'Asia/Kolkata', // +05:30
  'Asia/Kathmandu', // +05:45
  'Australia/Adelaide', // +09:30 / +10:30
  'Australia/Lord_Howe', // half-hour DST shift
  'Pacific/Chatham', // +12:45 / +13:45
  'Pacific/Kiritimati', // +14
  'Pacific/Pago_Pago', // -11
];

/** Zones whose offsets (and DST changes) are whole hours, so local hours start on UTC hours. */
const WHOLE_HOUR_ZONES = [
  'UTC',
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Tokyo',
  'Pacific/Kiritimati',
];

const hour = fc.integer({ min: 0, max: 23 });
/** (up, down) with up != down. */
const hours = fc.tuple(hour, hour).filter(([up, down]) => up !== down);
const instant = fc.date({ min: MIN_DATE, max: MAX_DATE, noInvalidDate: true });
/** The start of a UTC day between 1970 and 2100. */
const utcMidnight = fc.integer({ min: 0, max: Math.floor(MAX_DATE.getTime() / DAY_MS) }).map((day) => day * DAY_MS);
const peakDays = fc.subarray([...WEEKDAYS], { minLength: 1 });

function utcWindow(scaleUpHour: number, scaleDownHour: number): PeakWindow {
  return { scaleUpHour, scaleDownHour, timezone: 'UTC', peakDays: WEEKDAYS };
}

describe('Function: evaluatePeak (properties)', () => {
  it('returns peak for exactly n of the 24 hours of any UTC day for a window of n hours', () => {
    fc.assert(
      fc.property(hours, utcMidnight, ([up, down], midnight) => {
        // Act
        const peakCount = Array.from({ length: 24 }, (_, h) =>
          evaluatePeak(utcWindow(up, down), new Date(midnight + h * HOUR_MS)),
        ).filter((evaluation) => evaluation.peak).length;

        // Assess
        expect(peakCount).toBe(windowHours(up, down));
      }),
      FC_OPTIONS,
    );
  });

  it('returns exactly the complement when scaleUpHour and scaleDownHour are swapped (UTC)', () => {
    fc.assert(
      fc.property(hours, instant, ([up, down], at) => {
        // Act
        const forward = evaluatePeak(utcWindow(up, down), at).peak;
        const swapped = evaluatePeak(utcWindow(down, up), at).peak;

        // Assess
        expect(swapped).toBe(!forward);
      }),
      FC_OPTIONS,
    );
  });

  it('returns a well-formed evaluation, never throwing, for any zone, window, peakDays and instant in 1970..2100', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), hours, peakDays, instant, (timezone, [up, down], days, at) => {
        // Prepare
        const window: PeakWindow = { scaleUpHour: up, scaleDownHour: down, timezone, peakDays: days };

        // Act
        const evaluation = evaluatePeak(window, at);

        // Assess
        expect(evaluation.localTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
        expect(Number(evaluation.localTime.slice(11, 13))).toBe(evaluation.localHour);
        expect(evaluation.localHour).toBeGreaterThanOrEqual(0);
        expect(evaluation.localHour).toBeLessThanOrEqual(23);
        expect(WEEKDAYS).toContain(evaluation.localWeekday);
        const localIndex = WEEKDAYS.indexOf(evaluation.localWeekday);
        if (evaluation.windowStartDay !== null) {
          const startIndex = WEEKDAYS.indexOf(evaluation.windowStartDay);
          // The window started today, or yesterday for the after-midnight part.
          expect([localIndex, (localIndex + 6) % 7]).toContain(startIndex);
        }
        expect(evaluation.peak).toBe(evaluation.windowStartDay !== null && days.includes(evaluation.windowStartDay));
      }),
      FC_OPTIONS,
    );
  });

  it('returns the same peak for any minute and second within a UTC hour in whole-hour-offset zones', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...WHOLE_HOUR_ZONES),
        hours,
        peakDays,
        instant,
        fc.integer({ min: 0, max: HOUR_MS - 1 }),
        (timezone, [up, down], days, at, offsetInHour) => {
          // Prepare
          const window: PeakWindow = { scaleUpHour: up, scaleDownHour: down, timezone, peakDays: days };
          const hourStart = Math.floor(at.getTime() / HOUR_MS) * HOUR_MS;

          // Act
          const atHourStart = evaluatePeak(window, new Date(hourStart));
          const withinHour = evaluatePeak(window, new Date(hourStart + offsetInHour));

          // Assess
          expect(withinHour.peak).toBe(atHourStart.peak);
          expect(withinHour.windowStartDay).toBe(atHourStart.windowStartDay);
        },
      ),
      FC_OPTIONS,
    );
  });

  it('returns peak on a peak day exactly when the local hour is in [up, down) for windows that do not cross midnight', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), hours, instant, (timezone, [a, b], at) => {
        // Prepare
        const [up, down] = a < b ? [a, b] : [b, a];
        const window: PeakWindow = { scaleUpHour: up, scaleDownHour: down, timezone, peakDays: WEEKDAYS };

        // Act
        const evaluation = evaluatePeak(window, at);

        // Assess
        expect(evaluation.peak).toBe(evaluation.localHour >= up && evaluation.localHour < down);
      }),
      FC_OPTIONS,
    );
  });
});
