import { seedExamples } from '@msf-scaler/local-stack';
import { runScaler } from '@msf-scaler/scaler';
import { startWorld, type World } from './helpers/world';

const START = new Date('2026-11-27T00:00:00Z'); // a Friday
const HOURS = 48; // Friday and Saturday
const HOUR_MS = 3_600_000;

/** A scheduled application: `high` KPU in the listed hours, `low` otherwise. */
interface Scheduled {
  readonly initial: number;
  readonly low: number;
  readonly high: number;
  readonly perKPU: number;
  /**
   * Peak hours as half-open ranges of simulation hours (0 = Friday 00:00 UTC), at `high` KPU
   * unless the range gives its own (a second window, an override).
   */
  readonly peak: ReadonlyArray<readonly [number, number] | readonly [number, number, number]>;
}

/** An application the scaler must never touch: it keeps its parallelism. */
interface Untouched {
  readonly constant: number;
}

/**
 * The expected schedule of examples/schedules.json, worked out by hand (not with the scaler's
 * window code). Late November: Berlin is UTC+1 (CET), New York UTC-5 (EST).
 */
const EXPECTED: Readonly<Record<string, Scheduled | Untouched>> = {
  // 08:00-20:00 UTC every day.
  'orders-enricher': {
    initial: 4,
    low: 1,
    high: 4,
    perKPU: 1,
    peak: [
      [8, 20],
      [32, 44],
    ],
  },
  // 22:00-06:00 UTC every day: Thursday's window runs into Friday morning.
  'nightly-settlement': {
    initial: 2,
    low: 2,
    high: 6,
    perKPU: 1,
    peak: [
      [0, 6],
      [22, 30],
      [46, 48],
    ],
  },
  // 07:00-19:00 Berlin = 06:00-18:00 UTC.
  'berlin-clickstream': {
    initial: 8,
    low: 2,
    high: 8,
    perKPU: 1,
    peak: [
      [6, 18],
      [30, 42],
    ],
  },
  // 09:00-17:00 New York = 14:00-22:00 UTC, MON-FRI: Friday only, Saturday stays low.
  'ny-trading-risk': { initial: 6, low: 1, high: 6, perKPU: 1, peak: [[14, 22]] },
  // 10:00-22:00 UTC, two tasks per KPU.
  'sensor-aggregator': {
    initial: 10,
    low: 2,
    high: 5,
    perKPU: 2,
    peak: [
      [10, 22],
      [34, 46],
    ],
  },
  // Disabled row, READY application, invalid row.
  'legacy-reporting': { constant: 2 },
  'inventory-sync': { constant: 3 },
  'clicks-dedup': { constant: 3 },
  // windows 08:00-18:00 at 8 and 18:00-22:00 at 4 UTC, 2 otherwise.
  'checkout-api': {
    initial: 2,
    low: 2,
    high: 8,
    perKPU: 1,
    peak: [
      [8, 18],
      [18, 22, 4],
      [32, 42],
      [42, 46, 4],
    ],
  },
  // 08:00-20:00 UTC at 4; an override at 8 from Friday 06:00 until 18:00 UTC, then expired.
  'promo-engine': {
    initial: 1,
    low: 1,
    high: 4,
    perKPU: 1,
    peak: [
      [6, 18, 8],
      [18, 20],
      [32, 44],
    ],
  },
  // 08:00-20:00 New York = 13:00-01:00 UTC; Thursday 26 and Friday 27 are us-holidays: only
  // Saturday's window starts.
  'us-support-chat': { initial: 1, low: 1, high: 4, perKPU: 1, peak: [[37, 49]] },
};

function expectedParallelism(app: Scheduled | Untouched, hour: number): number {
  if ('constant' in app) return app.constant;
  const peak = app.peak.find(([from, to]) => hour >= from && hour < to);
  return (peak === undefined ? app.low : (peak[2] ?? app.high)) * app.perKPU;
}

function expectedMatrix(): Record<string, number[]> {
  return Object.fromEntries(
    Object.entries(EXPECTED).map(([name, app]) => [
      name,
      Array.from({ length: HOURS }, (_, hour) => expectedParallelism(app, hour)),
    ]),
  );
}

/** Updates the scaler must send: one per change of expected parallelism, the first hour included. */
function expectedUpdates(): number {
  return Object.values(EXPECTED).reduce((sum, app) => {
    if ('constant' in app) return sum;
    let previous = app.initial;
    let changes = 0;
    for (let hour = 0; hour < HOURS; hour += 1) {
      const next = expectedParallelism(app, hour);
      if (next !== previous) changes += 1;
      previous = next;
    }
    return sum + changes;
  }, 0);
}

describe('Integration: 48 hours of the examples', () => {
  let world: World;
  const actual: Record<string, number[]> = Object.fromEntries(Object.keys(EXPECTED).map((name) => [name, []]));
  const scaledPerRun: number[] = [];

  beforeAll(async () => {
    // Prepare
    world = await startWorld();
    await seedExamples(world.stack, undefined, { clients: world.clients });

    // Act: one run per simulated hour, recording every application's parallelism after it.
    for (let hour = 0; hour < HOURS; hour += 1) {
      const summary = await runScaler({
        clients: world.clients,
        table: world.stack.tableName,
        instant: new Date(START.getTime() + hour * HOUR_MS),
      });
      scaledPerRun.push(summary.counts.scaled);
      for (const name of Object.keys(EXPECTED)) {
        const detail = world.stack.emulator.getApplication(name);
        actual[name]?.push(
          detail?.ApplicationConfigurationDescription.FlinkApplicationConfigurationDescription
            .ParallelismConfigurationDescription.Parallelism ?? -1,
        );
      }
    }
  });

  afterAll(() => world.close());

  it('scales every example application to its expected parallelism at every hour', () => {
    // Assess
    expect(actual).toEqual(expectedMatrix());
  });

  it('sends exactly one UpdateApplication per change and none otherwise', () => {
    // Assess
    const updates = expectedUpdates();
    expect(scaledPerRun.reduce((sum, count) => sum + count, 0)).toBe(updates);
    expect(world.stack.emulator.callCount('UpdateApplication')).toBe(updates);
  });

  it('keeps each application’s ParallelismPerKPU and applies the rows’ autoScaling choices', () => {
    // Prepare
    function config(name: string) {
      return world.stack.emulator.getApplication(name)?.ApplicationConfigurationDescription
        .FlinkApplicationConfigurationDescription.ParallelismConfigurationDescription;
    }

    // Assess
    expect(config('sensor-aggregator')).toMatchObject({ ParallelismPerKPU: 2, AutoScalingEnabled: true });
    expect(config('ny-trading-risk')).toMatchObject({ ParallelismPerKPU: 1, AutoScalingEnabled: false });
    expect(config('orders-enricher')).toMatchObject({ ParallelismPerKPU: 1, AutoScalingEnabled: true });
  });

  it('leaves the application that was never started READY', () => {
    // Assess
    expect(world.stack.emulator.getApplication('inventory-sync')?.ApplicationStatus).toBe('READY');
  });
});
