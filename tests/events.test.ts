import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { main } from '@msf-scaler/cli';
import {
  type EventPublishResult,
  eventDetailTypeOf,
  type RunSummary,
  runScaler,
  scalerEvents,
} from '@msf-scaler/scaler';
import { anApp, aRow, OFF_PEAK, PEAK, seedEveryOutcome, seedWorld, startWorld, type World } from './helpers/world';

/** `rowId detail-type` of each outcome that has an event, in scan order. */
function expectedEvents(summary: RunSummary): string[] {
  return summary.outcomes.flatMap(({ rowId, outcome }) => {
    const detailType = eventDetailTypeOf(outcome);
    return detailType === undefined ? [] : [`${rowId} ${detailType}`];
  });
}

describe('Integration: the EventBridge events of a run', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld();
    await seedEveryOutcome(world);
  });

  afterAll(() => world.close());

  it('puts one event per scaled and failed (error, invalid) row on the local bus, none for unchanged or skipped rows', async () => {
    // Prepare
    const before = world.stack.events().length;
    const results: EventPublishResult[] = [];

    // Act
    const summary = await runScaler({
      clients: world.clients,
      table: world.stack.tableName,
      instant: PEAK,
      runId: 'run00001',
      events: true,
      onEvents: (result) => results.push(result),
    });

    // Assess
    const events = world.stack.events().slice(before);
    expect(summary.outcomes.map(({ rowId, outcome }) => `${rowId} ${outcome}`).sort()).toStrictEqual([
      'at-target unchanged',
      'broken invalid',
      'gone error',
      'off skipped',
      'scale-me scaled',
      'stopped skipped',
    ]);
    expect(events.map(({ detail, detailType }) => `${String(detail.rowId)} ${detailType}`).sort()).toStrictEqual(
      expectedEvents(summary).sort(),
    );
    expect(results).toStrictEqual([{ bus: 'default', published: 3, failed: 0 }]);
    for (const event of events) {
      expect(event).toMatchObject({ source: 'msf-scheduled-scaler', eventBusName: 'default', time: summary.at });
      const outcome = summary.outcomes.find(({ rowId }) => rowId === event.detail.rowId);
      expect(event.detail).toMatchObject({
        outcome: outcome?.outcome,
        reason: outcome?.reason,
        at: summary.at,
        runId: 'run00001',
        table: world.stack.tableName,
      });
    }
    // What the sink kept is exactly what the run made, field for field.
    expect(events.map(({ detail }) => detail)).toStrictEqual(
      scalerEvents(summary, 'run00001').map(({ detail }) => JSON.parse(detail)),
    );
  });

  it('publishes nothing in a dry run, nor without events', async () => {
    // Prepare
    const before = world.stack.events().length;

    // Act
    await runScaler({
      clients: world.clients,
      table: world.stack.tableName,
      instant: PEAK,
      dryRun: true,
      events: true,
    });
    await runScaler({ clients: world.clients, table: world.stack.tableName, instant: PEAK });

    // Assess
    expect(world.stack.events().length).toBe(before);
  });

  it('fails an entry without a source per entry, as EventBridge does, through the real SDK', async () => {
    // Prepare
    const client = new EventBridgeClient({
      region: world.stack.region,
      endpoint: world.stack.eventsEndpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const before = world.stack.events().length;

    // Act
    const output = await client.send(
      new PutEventsCommand({
        Entries: [
          { Source: 'msf-scheduled-scaler', DetailType: 'MSF Application Scaled', Detail: '{"rowId":"x"}' },
          { DetailType: 'MSF Application Scaled', Detail: '{"rowId":"y"}' },
        ],
      }),
    );
    client.destroy();

    // Assess
    expect(output.FailedEntryCount).toBe(1);
    expect(output.Entries?.[1]?.ErrorCode).toBe('MalformedDetail');
    expect(
      world.stack
        .events()
        .slice(before)
        .map(({ detail }) => detail.rowId),
    ).toStrictEqual(['x']);
  });
});

describe('Integration: msf-scaler run --events', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld();
    await seedWorld(world, { rows: [aRow('scale-me', 1, 4)], applications: [anApp('scale-me', 4)] });
  });

  afterAll(() => world.close());

  async function run(args: readonly string[]): Promise<number> {
    return main(['run', '--table', world.stack.tableName, '--at', OFF_PEAK.toISOString(), ...args], {
      stdout: { write: () => true },
      stderr: { write: () => true },
      env: {},
      createClients: () => world.clients,
      now: () => OFF_PEAK,
    });
  }

  it('publishes only when asked, as the Lambda does, and never in a dry run', async () => {
    // Act
    const before = world.stack.events().length;
    await run(['--dry-run', '--events']);
    const afterDryRun = world.stack.events().length;
    await run(['--events']);

    // Assess
    expect(afterDryRun).toBe(before);
    const published = world.stack.events().slice(afterDryRun);
    expect(published.map((event) => event.detailType)).toEqual(['MSF Application Scaled']);
  });
});
