import { runScaler } from '@msf-scaler/scaler';
import {
  anApp,
  aRow,
  OFF_PEAK,
  PEAK,
  parallelismOf,
  seededRandom,
  seedWorld,
  startWorld,
  type World,
  worldClients,
} from './helpers/world';

const APPS = 300;
const names = Array.from({ length: APPS }, (_, index) => `storm-${String(index).padStart(3, '0')}`);

function versionOf(world: World, name: string): number {
  return world.stack.emulator.getApplication(name)?.ApplicationVersionId ?? -1;
}

describe('Integration: a throttle storm cannot defeat a run', () => {
  let world: World;

  // One table and one set of applications for both cases: the first scales every app up at peak,
  // the second back down off-peak, so each case starts with every app off its target.
  beforeAll(async () => {
    world = await startWorld();
    await seedWorld(world, {
      rows: names.map((name) => aRow(name, 1, 4)),
      applications: names.map((name) => anApp(name, 1)),
    });
  });

  afterAll(() => world.close());

  it('converges 97% of 300 apps in the first run and all in two, under 30% throttling, 10% 5xx and 10% conflicts', async () => {
    // Prepare
    const versionsBefore = new Map(names.map((name) => [name, versionOf(world, name)]));
    world.stack.emulator.setFaults({
      throttleRate: 0.3,
      serverErrorRate: 0.1,
      conflictRate: 0.1,
      random: seededRandom(2026),
    });
    const clients = worldClients(world, { retryRandom: () => 0 });

    // Act
    const first = await runScaler({ clients, table: world.stack.tableName, instant: PEAK });
    const second = await runScaler({ clients, table: world.stack.tableName, instant: PEAK });
    clients.destroy();

    // Assess
    expect(first.total).toBe(APPS);
    expect(first.counts.scaled).toBeGreaterThanOrEqual(Math.ceil(APPS * 0.97));
    expect(first.counts.scaled + second.counts.scaled).toBe(APPS);
    for (const name of names) {
      expect(parallelismOf(world, name).Parallelism).toBe(4);
      // One needed change, one new version: no update was applied twice.
      expect(versionOf(world, name) - (versionsBefore.get(name) ?? 0)).toBe(1);
    }
    // The run slowed down for the throttling instead of hammering at its maximum.
    expect(first.peakConcurrency).toBeLessThanOrEqual(32);
  });

  it('keeps healthy apps healthy when 40 apps are fully down and 10% of calls are throttled', async () => {
    // Prepare
    const down = names.slice(0, 40);
    world.stack.emulator.setFaults({ throttleRate: 0.1, unavailableApplications: down, random: seededRandom(7) });
    const clients = worldClients(world, { retryRandom: () => 0 });

    // Act
    const summary = await runScaler({ clients, table: world.stack.tableName, instant: OFF_PEAK });
    clients.destroy();

    // Assess
    const failed = summary.outcomes.filter(({ outcome }) => outcome === 'error');
    expect(failed.map(({ rowId }) => rowId).sort()).toEqual(down);
    expect(failed.every(({ errorCode }) => errorCode === 'ServiceUnavailableException')).toBe(true);
    expect(summary.counts.scaled).toBe(names.length - down.length);
    for (const name of names.slice(down.length)) expect(parallelismOf(world, name).Parallelism).toBe(1);
  });
});
