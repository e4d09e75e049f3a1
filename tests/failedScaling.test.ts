import {
  DescribeApplicationCommand,
  StopApplicationCommand,
  UpdateApplicationCommand,
} from '@aws-sdk/client-kinesis-analytics-v2';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { MSF_OPERATIONS, runScaler } from '@msf-scaler/scaler';
import { anApp, aRow, parallelismOf, seedWorld, startWorld, type World, worldClients } from './helpers/world';

const HOUR_MS = 60 * 60 * 1000;
/** Monday 2026-11-30 00:00 UTC; the runs below start there, on the hour, as the hourly schedule does. */
const START = Date.parse('2026-11-30T00:00:00Z');
const MAX_PARALLELISM_ERROR = 'Parallelism 4 exceeds the maxParallelism 2 of operator "enrich"';

/** One clock for the emulator (operation times) and the scaler (the back-off's "now"), moved by hand. */
function handClock(start: number) {
  let now = start;
  return {
    ms: () => now,
    date: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

async function enableSystemRollback(world: World, name: string): Promise<void> {
  const { ApplicationDetail } = await world.clients.msf.send(new DescribeApplicationCommand({ ApplicationName: name }));
  await world.clients.msf.send(
    new UpdateApplicationCommand({
      ApplicationName: name,
      CurrentApplicationVersionId: ApplicationDetail?.ApplicationVersionId,
      ApplicationConfigurationUpdate: {
        ApplicationSystemRollbackConfigurationUpdate: { RollbackEnabledUpdate: true },
      },
    }),
  );
}

describe('Integration: failed scalings are not repeated every hour', () => {
  const clock = handClock(START);
  const callsBySetUp = new Map<string, number>();
  let world: World;

  beforeAll(async () => {
    world = await startWorld({ clock: clock.date });
    // Always 4 KPU: the same target in every hour of the day.
    await seedWorld(world, {
      rows: [
        aRow('fragile', 4, 4),
        aRow('healthy', 4, 4),
        aRow('stopped-by-failure', 4, 4),
        aRow('stopped-by-people', 4, 4),
      ],
      applications: [
        anApp('fragile', 1),
        anApp('healthy', 1),
        anApp('stopped-by-failure', 1),
        anApp('stopped-by-people', 1),
      ],
    });
    await enableSystemRollback(world, 'fragile');
    world.stack.emulator.failNextUpdate('fragile', { errorString: MAX_PARALLELISM_ERROR, always: true });
    world.stack.emulator.failNextUpdate('stopped-by-failure', { errorString: MAX_PARALLELISM_ERROR });
    await world.clients.msf.send(new StopApplicationCommand({ ApplicationName: 'stopped-by-people' }));
    for (const operation of world.stack.emulator.calledOperations()) {
      callsBySetUp.set(operation, world.stack.emulator.callCount(operation));
    }
  });

  afterAll(() => world.close());

  function run() {
    return runScaler({ clients: world.clients, table: world.stack.tableName, instant: clock.date(), clock: clock.ms });
  }

  it('tries an always-failing update only after 0, 1, 3, 7 and 15 hours across 24 hourly runs, each time saying why', async () => {
    // Prepare
    const attemptHours: number[] = [];
    const held: string[] = [];

    // Act
    for (let hour = 0; hour < 24; hour += 1) {
      const updatesBefore = world.stack.emulator.callCount('UpdateApplication');
      const summary = await run();
      const fragile = summary.outcomes.find((outcome) => outcome.rowId === 'fragile');
      if (world.stack.emulator.callCount('UpdateApplication') - updatesBefore > (hour === 0 ? 2 : 0)) {
        attemptHours.push(hour);
      }
      if (fragile?.errorCode === 'ScalingBackOff') held.push(fragile.reason);
      clock.advance(HOUR_MS);
    }

    // Assess
    expect(attemptHours).toEqual([0, 1, 3, 7, 15]);
    expect(held).toHaveLength(19);
    // Hour 2: two failures (hours 0 and 1), so 2 h from the last.
    expect(held[0]).toMatch(
      /^off-peak \(08:00-20:00 UTC every day; local 2026-11-30 02:00\): 1 -> 4 KPU \(parallelism 1 -> 4, 1 per KPU\): not scaled: 2 attempts in a row to reach 4 KPU failed, the last: operation [0-9a-f]+ at 2026-11-30T01:00:00\.000Z \(rolled back by operation [0-9a-f]+; the application kept its previous configuration\): /,
    );
    expect(held[0]).toContain(
      `: ${MAX_PARALLELISM_ERROR}; the next attempt is not before 2026-11-30T02:45:00.000Z (back-off 2 h, doubling with each failure up to 24 h); fix the cause, or change the row's target to try at once`,
    );
    expect(held.at(-1)).toContain('5 attempts in a row to reach 4 KPU failed');
    expect(held.at(-1)).toContain('the next attempt is not before 2026-12-01T06:45:00.000Z (back-off 16 h');
    // System rollback kept it running at its old parallelism all along.
    expect(parallelismOf(world, 'fragile').Parallelism).toBe(1);
    expect(world.stack.emulator.getApplication('fragile')?.ApplicationStatus).toBe('RUNNING');
  });

  it('tries at once when the row asks for another target', async () => {
    // Prepare
    await world.clients.dynamodb.send(
      new PutCommand({ TableName: world.stack.tableName, Item: aRow('fragile', 2, 2) }),
    );
    const updatesBefore = world.stack.emulator.callCount('UpdateApplication');

    // Act
    const summary = await run();

    // Assess
    expect(world.stack.emulator.callCount('UpdateApplication') - updatesBefore).toBe(1);
    // The emulator fails every update of this app: the new target's first failure is the row's error next hour.
    expect(summary.outcomes.find((outcome) => outcome.rowId === 'fragile')?.outcome).toBe('scaled');
  });

  it('reports an application a failed scaling left stopped as an error, and one people stopped as skipped', async () => {
    // Act
    const summary = await run();

    // Assess
    const byFailure = summary.outcomes.find((outcome) => outcome.rowId === 'stopped-by-failure');
    expect(byFailure).toMatchObject({ outcome: 'error', errorCode: 'StoppedAfterFailedScaling', status: 'READY' });
    expect(byFailure?.reason).toMatch(
      /^application is READY \(stopped\) after a failed scaling at 2026-11-30T00:00:00\.000Z, operation [0-9a-f]+: Parallelism 4 exceeds/,
    );
    expect(byFailure?.reason).toContain(
      'start it again (aws kinesisanalyticsv2 start-application --application-name stopped-by-failure)',
    );
    expect(summary.outcomes.find((outcome) => outcome.rowId === 'stopped-by-people')).toMatchObject({
      outcome: 'skipped',
      status: 'READY',
    });
    expect(summary.outcomes.find((outcome) => outcome.rowId === 'healthy')?.outcome).toBe('unchanged');
  });

  it('has called, over every path above, exactly the MSF operations the scaler role is granted', () => {
    // Act: the operations called since the set-up (seeding, enabling rollback, stopping) ended.
    const byScaler = world.stack.emulator
      .calledOperations()
      .filter((operation) => world.stack.emulator.callCount(operation) > (callsBySetUp.get(operation) ?? 0));

    // Assess
    expect(byScaler).toEqual([...MSF_OPERATIONS]);
  });
});

describe('Integration: what reading the operation history costs', () => {
  let world: World;
  const names = Array.from({ length: 20 }, (_, index) => `steady-${index}`);

  beforeAll(async () => {
    world = await startWorld();
    await seedWorld(world, {
      rows: [...names.map((name) => aRow(name, 2, 2)), aRow('to-scale', 1, 1)],
      applications: [...names.map((name) => anApp(name, 2)), anApp('to-scale', 3)],
    });
  });

  afterAll(() => world.close());

  it('makes no call beyond one DescribeApplication per row when nothing is to change', async () => {
    // Prepare
    await world.clients.dynamodb.send(
      new PutCommand({ TableName: world.stack.tableName, Item: aRow('to-scale', 3, 3) }),
    );
    const callsBefore = world.stack.emulator.callCount();
    const describesBefore = world.stack.emulator.callCount('DescribeApplication');

    // Act
    const summary = await runScaler({ clients: world.clients, table: world.stack.tableName, instant: new Date(START) });

    // Assess
    expect(summary.counts.unchanged).toBe(21);
    expect(world.stack.emulator.callCount('DescribeApplication') - describesBefore).toBe(21);
    expect(world.stack.emulator.callCount() - callsBefore).toBe(21);
  });

  it('adds one ListApplicationOperations to a row that needs a change and has no failure behind it', async () => {
    // Prepare
    await world.clients.dynamodb.send(
      new PutCommand({ TableName: world.stack.tableName, Item: aRow('to-scale', 1, 1) }),
    );
    const callsBefore = world.stack.emulator.callCount();
    const listsBefore = world.stack.emulator.callCount('ListApplicationOperations');

    // Act
    const summary = await runScaler({ clients: world.clients, table: world.stack.tableName, instant: new Date(START) });

    // Assess
    expect(summary.counts.scaled).toBe(1);
    expect(world.stack.emulator.callCount('ListApplicationOperations') - listsBefore).toBe(1);
    // 21 describes, 1 list, 1 update.
    expect(world.stack.emulator.callCount() - callsBefore).toBe(23);
  });

  it('still scales, with a warning, when the history cannot be read for throttling', async () => {
    // Prepare
    await world.clients.dynamodb.send(
      new PutCommand({ TableName: world.stack.tableName, Item: aRow('to-scale', 2, 2) }),
    );
    world.stack.emulator.setFaults({ throttleRate: 1, operations: ['ListApplicationOperations'] });
    const clients = worldClients(world, { retryRandom: () => 0 });

    // Act
    const summary = await runScaler({ clients, table: world.stack.tableName, instant: new Date(START) });
    clients.destroy();
    world.stack.emulator.setFaults({});

    // Assess
    const row = summary.outcomes.find((outcome) => outcome.rowId === 'to-scale');
    expect(row?.outcome).toBe('scaled');
    expect(row?.warnings).toEqual([
      'ListApplicationOperations on "to-scale" failed: ThrottlingException: Rate exceeded; scaled without checking for earlier failed attempts',
    ]);
    expect(parallelismOf(world, 'to-scale').Parallelism).toBe(2);
  });
});
