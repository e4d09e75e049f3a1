import { runScaler } from '@msf-scaler/scaler';
import { anApp, aRow, OFF_PEAK, PEAK, parallelismOf, seedWorld, startWorld, type World } from './helpers/world';

/** A deterministic random source: returns `values` in turn, forever. */
function cycle(...values: readonly number[]): () => number {
  let next = 0;
  return () => {
    const value = values[next % values.length] ?? 0;
    next += 1;
    return value;
  };
}

const APPS = ['faulty-a', 'faulty-b'];

describe('Integration: throttling and 5xx from MSF', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld();
    await seedWorld(world, {
      rows: APPS.map((name) => aRow(name, 1, 3)),
      applications: APPS.map((name) => anApp(name, 1)),
    });
  });

  afterEach(() => world.stack.emulator.setFaults({}));

  afterAll(() => world.close());

  it.each([
    // One draw per call: every other UpdateApplication is throttled, so each is sent twice.
    [
      'ThrottlingException',
      { throttleRate: 0.5, random: cycle(0, 0.99), operations: ['UpdateApplication'] },
      PEAK,
      3,
      { DescribeApplication: 2, UpdateApplication: 4 },
    ],
    // Every other MSF call gets a 503 ServiceUnavailableException: every call is sent twice.
    [
      'ServiceUnavailableException',
      { serverErrorRate: 0.5, random: cycle(0, 0.99) },
      OFF_PEAK,
      1,
      { DescribeApplication: 4, UpdateApplication: 4 },
    ],
    // Draws are throttle-then-5xx per call: each update is throttled, then gets a 503, then goes through.
    [
      'both',
      {
        throttleRate: 0.5,
        serverErrorRate: 0.5,
        random: cycle(0, 0.99, 0, 0.99, 0.99),
        operations: ['UpdateApplication'],
      },
      PEAK,
      3,
      { DescribeApplication: 2, UpdateApplication: 6 },
    ],
  ])('retries %s in the SDK and still ends scaled', async (_fault, faults, instant, kpu, calls) => {
    // Prepare
    world.stack.emulator.setFaults(faults);
    const callsBefore = {
      DescribeApplication: world.stack.emulator.callCount('DescribeApplication'),
      UpdateApplication: world.stack.emulator.callCount('UpdateApplication'),
    };

    // Act
    // One row at a time, so the deterministic draws fall on the calls in a fixed order.
    const summary = await runScaler({ clients: world.clients, table: world.stack.tableName, instant, concurrency: 1 });

    // Assess
    expect(summary.counts).toMatchObject({ scaled: 2, error: 0 });
    for (const name of APPS) expect(parallelismOf(world, name).Parallelism).toBe(kpu);
    expect({
      DescribeApplication: world.stack.emulator.callCount('DescribeApplication') - callsBefore.DescribeApplication,
      UpdateApplication: world.stack.emulator.callCount('UpdateApplication') - callsBefore.UpdateApplication,
    }).toEqual(calls);
  });
});
