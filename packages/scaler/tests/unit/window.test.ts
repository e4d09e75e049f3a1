import { WEEKDAYS, type Weekday } from '@msf-scaler/schema';
import { describeWindow, evaluatePeak, type PeakWindow, windowHours } from '../../src/core/window';

const WORKDAYS: readonly Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI'];

function utcWindow(scaleUpHour: number, scaleDownHour: number, peakDays: readonly Weekday[] = WEEKDAYS): PeakWindow {
  return { scaleUpHour, scaleDownHour, timezone: 'UTC', peakDays };
}

/**
 * Independent oracle: the peak hours of [up, down), found by walking from up, one
 * hour at a time (mod 24), until down.
 */
function oraclePeakHours(up: number, down: number): Set<number> {
  const hours = new Set<number>();
  for (let hour = up; hour !== down; hour = (hour + 1) % 24) hours.add(hour);
  return hours;
}

/** Monday 2026-11-23, a day with no DST change anywhere near UTC. */
function atUtc(hour: number, minute = 0, second = 0): Date {
  return new Date(Date.UTC(2026, 10, 23, hour, minute, second));
}

describe('Function: evaluatePeak', () => {
  describe('against the oracle, every (scaleUpHour, scaleDownHour, hour) in UTC', () => {
    it.each(Array.from({ length: 24 }, (_, up) => up))(
      'returns the oracle answer for every scaleDownHour and hour with scaleUpHour %i',
      (up) => {
        // Prepare
        const mismatches: string[] = [];
        let cases = 0;

        // Act
        for (let down = 0; down < 24; down++) {
          if (down === up) continue;
          const expected = oraclePeakHours(up, down);
          for (let hour = 0; hour < 24; hour++) {
            cases++;
            const { peak } = evaluatePeak(utcWindow(up, down), atUtc(hour));
            if (peak !== expected.has(hour)) mismatches.push(`${up}->${down} at ${hour}:00 gave ${peak}`);
          }
        }

        // Assess
        expect(cases).toBe(23 * 24);
        expect(mismatches).toEqual([]);
      },
    );
  });

  describe('regressions of the AWS sample', () => {
    it.each([
      ['off-peak at the scale-down hour itself (8 -> 20 at 20:00Z)', 8, 20, atUtc(20), false],
      ['peak in the last second before scale-down (8 -> 20 at 19:59:59Z)', 8, 20, atUtc(19, 59, 59), true],
      ['peak at the scale-up hour (8 -> 20 at 08:00Z)', 8, 20, atUtc(8), true],
      ['off-peak in the last second before scale-up (8 -> 20 at 07:59:59Z)', 8, 20, atUtc(7, 59, 59), false],
      ['peak before midnight in a window crossing it (22 -> 6 at 23:00Z)', 22, 6, atUtc(23), true],
      ['peak after midnight in a window crossing it (22 -> 6 at 05:59Z)', 22, 6, atUtc(5, 59), true],
      ['off-peak at the scale-down hour of a window crossing midnight (22 -> 6 at 06:00Z)', 22, 6, atUtc(6), false],
      ['peak after midnight in a long window (13 -> 2 at 01:00Z)', 13, 2, atUtc(1), true],
      ['off-peak at 02:00Z for 13 -> 2', 13, 2, atUtc(2), false],
      ['off-peak before the start of 13 -> 2 (12:59Z)', 13, 2, atUtc(12, 59), false],
    ])('returns %s', (_name, up, down, instant, peak) => {
      // Act
      const evaluation = evaluatePeak(utcWindow(up, down), instant);

      // Assess
      expect(evaluation.peak).toBe(peak);
    });
  });

  describe('local clock fields', () => {
    it('returns the local time, weekday and hour in the zone', () => {
      // Prepare
      const window: PeakWindow = { scaleUpHour: 8, scaleDownHour: 20, timezone: 'Europe/Berlin', peakDays: WEEKDAYS };

      // Act
      const evaluation = evaluatePeak(window, new Date('2026-11-27T19:05:00Z'));

      // Assess
      expect(evaluation).toEqual({
        peak: false,
        localTime: '2026-11-27 20:05',
        localWeekday: 'FRI',
        localHour: 20,
        windowStartDay: null,
      });
    });

    it('returns midnight as hour 0 and pads every field', () => {
      // Act
      const evaluation = evaluatePeak(utcWindow(22, 6), new Date('1970-01-01T00:07:00Z'));

      // Assess
      expect(evaluation).toEqual({
        peak: true,
        localTime: '1970-01-01 00:07',
        localWeekday: 'THU',
        localHour: 0,
        windowStartDay: 'WED',
      });
    });

    it('returns the same answer for the same inputs (cached formatters)', () => {
      // Prepare
      const window: PeakWindow = { scaleUpHour: 9, scaleDownHour: 17, timezone: 'Asia/Tokyo', peakDays: WEEKDAYS };
      const instant = new Date('2026-11-27T01:00:00Z');

      // Act
      const first = evaluatePeak(window, instant);
      const second = evaluatePeak(window, instant);

      // Assess
      expect(second).toEqual(first);
      expect(first.localTime).toBe('2026-11-27 10:00');
    });

    it('throws a RangeError for a zone ICU does not know', () => {
      // Prepare
      const window: PeakWindow = { scaleUpHour: 9, scaleDownHour: 17, timezone: 'Mars/Base', peakDays: WEEKDAYS };

      // Act
      function act() {
        return evaluatePeak(window, atUtc(10));
      }

      // Assess
      expect(act).toThrow(RangeError);
    });

    it('returns never peak when the hours are equal (a row the schema refuses)', () => {
      // Prepare
      const window = utcWindow(8, 8);

      // Act
      const peaks = Array.from({ length: 24 }, (_, hour) => evaluatePeak(window, atUtc(hour)).peak);

      // Assess
      expect(peaks.some(Boolean)).toBe(false);
    });
  });

  describe('peakDays: a window belongs to the day it starts on', () => {
    it.each([
      // instant (UTC), expected peak, expected windowStartDay
      ["FRI 22:00, the start of Friday's window", '2026-11-27T22:00:00Z', true, 'FRI'],
      ["SAT 03:00, Friday's window running into Saturday", '2026-11-28T03:00:00Z', true, 'FRI'],
      ["SAT 05:59, the last minute of Friday's window", '2026-11-28T05:59:00Z', true, 'FRI'],
      ["SAT 06:00, the end of Friday's window", '2026-11-28T06:00:00Z', false, null],
      ["SAT 22:00, Saturday's own window", '2026-11-28T22:00:00Z', false, 'SAT'],
      ["FRI 03:00, the end of Thursday's window", '2026-11-27T03:00:00Z', false, 'THU'],
    ] as const)('returns %s with peakDays FRI and 22 -> 6', (_name, iso, peak, windowStartDay) => {
      // Prepare
      const window = utcWindow(22, 6, ['FRI']);

      // Act
      const evaluation = evaluatePeak(window, new Date(iso));

      // Assess
      expect(evaluation.peak).toBe(peak);
      expect(evaluation.windowStartDay).toBe(windowStartDay);
    });

    it.each([
      ["SUN 03:00 (Saturday's window)", '2026-11-29T03:00:00Z', false, 'SAT'],
      ["MON 03:00 (Sunday's window)", '2026-11-30T03:00:00Z', false, 'SUN'],
      ["TUE 03:00 (Monday's window)", '2026-12-01T03:00:00Z', true, 'MON'],
      ["SAT 03:00 (Friday's window)", '2026-11-28T03:00:00Z', true, 'FRI'],
      ["MON 23:00 (Monday's window)", '2026-11-30T23:00:00Z', true, 'MON'],
      ["SUN 23:00 (Sunday's window)", '2026-11-29T23:00:00Z', false, 'SUN'],
    ] as const)('returns %s with peakDays MON-FRI and 22 -> 6', (_name, iso, peak, windowStartDay) => {
      // Prepare
      const window = utcWindow(22, 6, WORKDAYS);

      // Act
      const evaluation = evaluatePeak(window, new Date(iso));

      // Assess
      expect(evaluation.peak).toBe(peak);
      expect(evaluation.windowStartDay).toBe(windowStartDay);
    });

    it('returns off-peak all weekend and peak on working days for a weekday-only 8 -> 20 row', () => {
      // Prepare
      const window = utcWindow(8, 20, WORKDAYS);
      const mondayNoon = Date.UTC(2026, 10, 23, 12);
      const days = Array.from({ length: 7 }, (_, offset) => new Date(mondayNoon + offset * 86_400_000));

      // Act
      const peaks = days.map((instant) => [
        evaluatePeak(window, instant).localWeekday,
        evaluatePeak(window, instant).peak,
      ]);

      // Assess
      expect(peaks).toEqual([
        ['MON', true],
        ['TUE', true],
        ['WED', true],
        ['THU', true],
        ['FRI', true],
        ['SAT', false],
        ['SUN', false],
      ]);
    });

    it.each([
      // Auckland is UTC+13 in November: Friday 20:00Z is Saturday 09:00 there.
      [
        'Saturday morning in Auckland while it is still Friday in UTC',
        'Pacific/Auckland',
        8,
        20,
        '2026-11-27T20:00:00Z',
        false,
        'SAT',
        '2026-11-28 09:00',
      ],
      [
        'Friday morning in Auckland while it is Thursday in UTC',
        'Pacific/Auckland',
        8,
        20,
        '2026-11-26T20:00:00Z',
        true,
        'FRI',
        '2026-11-27 09:00',
      ],
      // Los Angeles is UTC-8 in November: Saturday 03:00Z is Friday 19:00 there.
      [
        'Friday evening in Los Angeles while it is Saturday in UTC',
        'America/Los_Angeles',
        8,
        20,
        '2026-11-28T03:00:00Z',
        true,
        'FRI',
        '2026-11-27 19:00',
      ],
    ] as const)('returns the local weekday for %s', (_name, timezone, up, down, iso, peak, localWeekday, localTime) => {
      // Prepare
      const window: PeakWindow = { scaleUpHour: up, scaleDownHour: down, timezone, peakDays: WORKDAYS };

      // Act
      const evaluation = evaluatePeak(window, new Date(iso));

      // Assess
      expect(evaluation).toMatchObject({ peak, localWeekday, localTime });
    });

    it.each([
      ['FRI 22:00 local, already Saturday in UTC', '2026-11-28T06:00:00Z', true, 'FRI', 'FRI'],
      ["SAT 05:00 local, Friday's window", '2026-11-28T13:00:00Z', true, 'SAT', 'FRI'],
      ["SAT 06:00 local, the end of Friday's window", '2026-11-28T14:00:00Z', false, 'SAT', null],
      ['FRI 21:59 local, before the window', '2026-11-28T05:59:00Z', false, 'FRI', null],
    ] as const)('returns %s for a Los Angeles FRI 22 -> 6 window', (_name, iso, peak, localWeekday, windowStartDay) => {
      // Prepare
      const window: PeakWindow = {
        scaleUpHour: 22,
        scaleDownHour: 6,
        timezone: 'America/Los_Angeles',
        peakDays: ['FRI'],
      };

      // Act
      const evaluation = evaluatePeak(window, new Date(iso));

      // Assess
      expect(evaluation).toMatchObject({ peak, localWeekday, windowStartDay });
    });
  });
});

describe('Function: windowHours', () => {
  it('returns the oracle window length for every pair of different hours', () => {
    // Prepare
    const mismatches: string[] = [];

    // Act
    for (let up = 0; up < 24; up++) {
      for (let down = 0; down < 24; down++) {
        if (up === down) continue;
        const hours = windowHours(up, down);
        if (hours !== oraclePeakHours(up, down).size) mismatches.push(`${up}->${down}: ${hours}`);
      }
    }

    // Assess
    expect(mismatches).toEqual([]);
  });

  it.each([
    [8, 20, 12],
    [22, 6, 8],
    [13, 2, 13],
    [0, 23, 23],
    [23, 0, 1],
    [5, 5, 0],
  ])('returns the length of %i -> %i as %i hours', (up, down, hours) => {
    // Act
    const result = windowHours(up, down);

    // Assess
    expect(result).toBe(hours);
  });
});

describe('Function: describeWindow', () => {
  it.each([
    ['08:00-20:00 UTC every day', { scaleUpHour: 8, scaleDownHour: 20, timezone: 'UTC', peakDays: WEEKDAYS }],
    [
      '22:00-06:00 Europe/Berlin MON-FRI (crosses midnight)',
      { scaleUpHour: 22, scaleDownHour: 6, timezone: 'Europe/Berlin', peakDays: WORKDAYS },
    ],
    [
      '09:00-17:00 Asia/Kolkata SAT,SUN',
      { scaleUpHour: 9, scaleDownHour: 17, timezone: 'Asia/Kolkata', peakDays: ['SAT', 'SUN'] },
    ],
    [
      '18:00-00:00 UTC FRI-MON',
      { scaleUpHour: 18, scaleDownHour: 0, timezone: 'UTC', peakDays: ['FRI', 'SAT', 'SUN', 'MON'] },
    ],
    [
      '00:00-01:00 America/New_York WED',
      { scaleUpHour: 0, scaleDownHour: 1, timezone: 'America/New_York', peakDays: ['WED'] },
    ],
  ] satisfies [string, PeakWindow][])('returns "%s"', (text, window) => {
    // Act
    const description = describeWindow(window);

    // Assess
    expect(description).toBe(text);
  });
});
