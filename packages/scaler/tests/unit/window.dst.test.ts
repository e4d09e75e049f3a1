import { WEEKDAYS } from '@msf-scaler/schema';
import { evaluatePeak, type PeakWindow } from '../../src/core/window';

const HOUR_MS = 3_600_000;

function zoneWindow(timezone: string, scaleUpHour: number, scaleDownHour: number): PeakWindow {
  return { scaleUpHour, scaleDownHour, timezone, peakDays: WEEKDAYS };
}

/** The UTC hours (0-23) of `utcDate` at which the window is peak, evaluated at each whole UTC hour. */
function peakUtcHours(window: PeakWindow, utcDate: string): number[] {
  const midnight = Date.parse(`${utcDate}T00:00:00Z`);
  return Array.from({ length: 24 }, (_, hour) => hour).filter(
    (hour) => evaluatePeak(window, new Date(midnight + hour * HOUR_MS)).peak,
  );
}

/** Local time at each whole UTC hour of `utcDate`, as 'HH:mm'. */
function localClock(timezone: string, utcDate: string): string[] {
  const midnight = Date.parse(`${utcDate}T00:00:00Z`);
  return Array.from({ length: 24 }, (_, hour) =>
    evaluatePeak(zoneWindow(timezone, 0, 1), new Date(midnight + hour * HOUR_MS)).localTime.slice(11),
  );
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

describe('Function: evaluatePeak across DST changes', () => {
  describe('America/New_York spring forward, 2026-03-08 (02:00 EST jumps to 03:00 EDT at 07:00Z)', () => {
    const zone = 'America/New_York';
    const day = '2026-03-08';

    it('returns the real local clock, which skips 02:00', () => {
      // Act
      const clock = localClock(zone, day);

      // Assess
      expect(clock.slice(0, 10)).toEqual([
        '19:00',
        '20:00',
        '21:00',
        '22:00',
        '23:00',
        '00:00',
        '01:00',
        '03:00',
        '04:00',
        '05:00',
      ]);
      expect(clock).not.toContain('02:00');
    });

    it.each([
      // up, down, peak UTC hours of the day (local = UTC-5 before 07:00Z, UTC-4 from 07:00Z)
      ['starting on the skipped hour (2 -> 6): peak from 03:00 EDT', 2, 6, [7, 8, 9]],
      ['ending on the skipped hour (22 -> 2): off from 03:00 EDT', 22, 2, [3, 4, 5, 6]],
      ['covering only the skipped hour and one before (1 -> 3)', 1, 3, [6]],
      ['starting right after the skipped hour (3 -> 5)', 3, 5, [7, 8]],
      ['spanning the change (0 -> 8)', 0, 8, [5, 6, 7, 8, 9, 10, 11]],
      ['a business day (8 -> 20): 00:00Z is still 19:00 EST the day before', 8, 20, [0, ...range(12, 23)]],
    ])('returns the peak UTC hours for a window %s', (_name, up, down, hours) => {
      // Act
      const peaks = peakUtcHours(zoneWindow(zone, up, down), day);

      // Assess
      expect(peaks).toEqual(hours);
    });
  });

  describe('America/New_York fall back, 2026-11-01 (02:00 EDT falls back to 01:00 EST at 06:00Z)', () => {
    const zone = 'America/New_York';
    const day = '2026-11-01';

    it('returns the real local clock, which repeats 01:00', () => {
      // Act
      const clock = localClock(zone, day);

      // Assess
      expect(clock.slice(0, 9)).toEqual([
        '20:00',
        '21:00',
        '22:00',
        '23:00',
        '00:00',
        '01:00',
        '01:00',
        '02:00',
        '03:00',
      ]);
    });

    it.each([
      // up, down, peak UTC hours of the day (local = UTC-4 before 06:00Z, UTC-5 from 06:00Z)
      ['covering only the repeated hour (1 -> 2): peak for both 01:00s', 1, 2, [5, 6]],
      ['ending on the repeated hour (22 -> 1): off for both 01:00s', 22, 1, [2, 3, 4]],
      ['starting on the repeated hour (1 -> 3)', 1, 3, [5, 6, 7]],
      ['starting after the repeated hour (2 -> 6)', 2, 6, [7, 8, 9, 10]],
      ['ending just before the repeated hour (0 -> 1)', 0, 1, [4]],
      ['a business day (8 -> 20)', 8, 20, range(13, 23)],
    ])('returns the peak UTC hours for a window %s', (_name, up, down, hours) => {
      // Act
      const peaks = peakUtcHours(zoneWindow(zone, up, down), day);

      // Assess
      expect(peaks).toEqual(hours);
    });
  });

  describe('Europe/Berlin spring forward, 2026-03-29 (02:00 CET jumps to 03:00 CEST at 01:00Z)', () => {
    const zone = 'Europe/Berlin';
    const day = '2026-03-29';

    it('returns the real local clock, which skips 02:00', () => {
      // Act
      const clock = localClock(zone, day);

      // Assess
      expect(clock.slice(0, 3)).toEqual(['01:00', '03:00', '04:00']);
      expect(clock).not.toContain('02:00');
    });

    it.each([
      // up, down, peak UTC hours of the day (local = UTC+1 before 01:00Z, UTC+2 from 01:00Z)
      ['starting on the skipped hour (2 -> 4)', 2, 4, [1]],
      ['ending on the skipped hour (1 -> 2)', 1, 2, [0, 23]],
      ['covering the skipped hour (1 -> 3)', 1, 3, [0, 23]],
      ['crossing midnight and ending on the skipped hour (22 -> 2)', 22, 2, [0, 20, 21, 22, 23]],
      ['a business day (8 -> 20)', 8, 20, range(6, 17)],
    ])('returns the peak UTC hours for a window %s', (_name, up, down, hours) => {
      // Act
      const peaks = peakUtcHours(zoneWindow(zone, up, down), day);

      // Assess
      expect(peaks).toEqual(hours);
    });
  });

  describe('Europe/Berlin fall back, 2026-10-25 (03:00 CEST falls back to 02:00 CET at 01:00Z)', () => {
    const zone = 'Europe/Berlin';
    const day = '2026-10-25';

    it('returns the real local clock, which repeats 02:00', () => {
      // Act
      const clock = localClock(zone, day);

      // Assess
      expect(clock.slice(0, 4)).toEqual(['02:00', '02:00', '03:00', '04:00']);
    });

    it.each([
      // up, down, peak UTC hours of the day (local = UTC+2 before 01:00Z, UTC+1 from 01:00Z)
      ['covering only the repeated hour (2 -> 3)', 2, 3, [0, 1]],
      ['starting right after the repeated hour (3 -> 20)', 3, 20, range(2, 18)],
      ['ending on the repeated hour (20 -> 2)', 20, 2, [19, 20, 21, 22, 23]],
      ['a business day (8 -> 20)', 8, 20, range(7, 18)],
    ])('returns the peak UTC hours for a window %s', (_name, up, down, hours) => {
      // Act
      const peaks = peakUtcHours(zoneWindow(zone, up, down), day);

      // Assess
      expect(peaks).toEqual(hours);
    });
  });

  it.each([
    ['America/New_York', '2026-03-08'],
    ['America/New_York', '2026-11-01'],
    ['Europe/Berlin', '2026-03-29'],
    ['Europe/Berlin', '2026-10-25'],
  ])('returns one unbroken peak period per window, one hour longer or shorter at most, in %s on %s', (zone, day) => {
    // Prepare
    // Half-hour samples over 50 hours around the change: every window, however long, has at
    // least one whole peak period inside the span.
    const STEP_MS = HOUR_MS / 2;
    const from = Date.parse(`${day}T00:00:00Z`) - 13 * HOUR_MS;
    const steps = 50 * 2;
    const problems: string[] = [];
    let runsChecked = 0;

    // Act
    for (let up = 0; up < 24; up++) {
      for (let down = 0; down < 24; down++) {
        if (up === down) continue;
        const window = zoneWindow(zone, up, down);
        const peaks = Array.from(
          { length: steps + 1 },
          (_, step) => evaluatePeak(window, new Date(from + step * STEP_MS)).peak,
        );
        const expectedHours = (down - up + 24) % 24;
        // Runs of peak samples that start and end inside the sampled span (a flicker would show as
        // a short run, a double action as two runs where one was due).
        let runStart = -1;
        peaks.forEach((peak, step) => {
          if (peak && runStart < 0) runStart = step;
          if (!peak && runStart >= 0) {
            const hours = (step - runStart) / 2;
            if (runStart > 0) runsChecked++;
            if (runStart > 0 && Math.abs(hours - expectedHours) > 1) {
              problems.push(`${up}->${down}: peak for ${hours} h from step ${runStart}`);
            }
            runStart = -1;
          }
        });
      }
    }

    // Assess
    expect(problems).toEqual([]);
    expect(runsChecked).toBeGreaterThanOrEqual(24 * 23);
  });
});

describe('Function: evaluatePeak in zones with half-hour offsets', () => {
  it.each([
    // Asia/Kolkata is UTC+05:30 all year: 09:00 local is 03:30Z, 17:00 local is 11:30Z.
    ['03:29:59Z (08:59:59 IST) as off-peak', '2026-11-27T03:29:59Z', false, '2026-11-27 08:59'],
    ['03:30Z (09:00 IST) as peak', '2026-11-27T03:30:00Z', true, '2026-11-27 09:00'],
    ['11:29:59Z (16:59:59 IST) as peak', '2026-11-27T11:29:59Z', true, '2026-11-27 16:59'],
    ['11:30Z (17:00 IST) as off-peak', '2026-11-27T11:30:00Z', false, '2026-11-27 17:00'],
  ])('returns %s for 9 -> 17 in Asia/Kolkata', (_name, iso, peak, localTime) => {
    // Prepare
    const window = zoneWindow('Asia/Kolkata', 9, 17);

    // Act
    const evaluation = evaluatePeak(window, new Date(iso));

    // Assess
    expect(evaluation).toMatchObject({ peak, localTime });
  });

  it.each([
    // Australia/Adelaide: UTC+10:30 (ACDT) in January, UTC+09:30 (ACST) in July.
    ['22:29Z the day before as off-peak in summer (08:59 ACDT)', '2026-01-14T22:29:00Z', false, '2026-01-15 08:59'],
    ['22:30Z the day before as peak in summer (09:00 ACDT)', '2026-01-14T22:30:00Z', true, '2026-01-15 09:00'],
    ['23:29Z the day before as off-peak in winter (08:59 ACST)', '2026-07-14T23:29:00Z', false, '2026-07-15 08:59'],
    ['23:30Z the day before as peak in winter (09:00 ACST)', '2026-07-14T23:30:00Z', true, '2026-07-15 09:00'],
    ['06:30Z as off-peak in summer (17:00 ACDT)', '2026-01-15T06:30:00Z', false, '2026-01-15 17:00'],
    ['07:29Z as peak in winter (16:59 ACST)', '2026-07-15T07:29:00Z', true, '2026-07-15 16:59'],
  ])('returns %s for 9 -> 17 in Australia/Adelaide', (_name, iso, peak, localTime) => {
    // Prepare
    const window = zoneWindow('Australia/Adelaide', 9, 17);

    // Act
    const evaluation = evaluatePeak(window, new Date(iso));

    // Assess
    expect(evaluation).toMatchObject({ peak, localTime });
  });

  it('returns peak only from 03:00 ACDT for 2 -> 4 on the Adelaide spring-forward day (02:00 ACST skipped at 16:30Z)', () => {
    // Prepare
    const window = zoneWindow('Australia/Adelaide', 2, 4);
    const start = Date.parse('2026-10-03T14:00:00Z');
    const halfHours = Array.from({ length: 9 }, (_, i) => new Date(start + i * 1_800_000));

    // Act
    const results = halfHours.map((instant) => {
      const { localTime, peak } = evaluatePeak(window, instant);
      return `${instant.toISOString().slice(11, 16)}Z ${localTime.slice(11)} ${peak ? 'peak' : 'off'}`;
    });

    // Assess
    expect(results).toEqual([
      '14:00Z 23:30 off',
      '14:30Z 00:00 off',
      '15:00Z 00:30 off',
      '15:30Z 01:00 off',
      '16:00Z 01:30 off',
      '16:30Z 03:00 peak',
      '17:00Z 03:30 peak',
      '17:30Z 04:00 off',
      '18:00Z 04:30 off',
    ]);
  });
});
