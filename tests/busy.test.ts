import { runScaler } from '@msf-scaler/scaler';
import { anApp, aRow, PEAK, parallelismOf, seedWorld, startWorld, type World } from './helpers/world';

describe('Integration: applications in UPDATING or AUTOSCALING', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld();
  });

  afterAll(() => world.close());

  it.each([
    ['mid-update', 'UPDATING'],
    ['autoscaling', 'AUTOSCALING'],
  ] as const)('leaves %s alone while it is %s and scales it on the next run once RUNNING', async (name, status) => {
    // Prepare
    // Each case adds its own row; rows of earlier cases are at target already and send nothing.
    await seedWorld(world, { rows: [aRow(name, 1, 4)], applications: [anApp(name, 1)] });
    world.stack.emulator.forceStatus(name, status);
    const updatesBefore = world.stack.emulator.callCount('UpdateApplication');

    // Act
    const busyRun = await runScaler({ clients: world.clients, table: world.stack.tableName, instant: PEAK });
    const updatesWhileBusy = world.stack.emulator.callCount('UpdateApplication') - updatesBefore;
    world.stack.emulator.forceStatus(name, 'RUNNING');
    const nextRun = await runScaler({ clients: world.clients, table: world.stack.tableName, instant: PEAK });

    // Assess
    const first = busyRun.outcomes.find((outcome) => outcome.rowId === name);
    expect(first).toMatchObject({ outcome: 'skipped', status });
    expect(first?.reason).toContain(`application is ${status}, not RUNNING; left alone, the next run checks again`);
    expect(updatesWhileBusy).toBe(0);
    expect(nextRun.outcomes.find((outcome) => outcome.rowId === name)).toMatchObject({
      outcome: 'scaled',
      targetKPU: 4,
    });
    expect(parallelismOf(world, name).Parallelism).toBe(4);
  });
});
