import {
  type DescribeApplicationCommandOutput,
  type KinesisAnalyticsV2Client,
  UpdateApplicationCommand,
} from '@aws-sdk/client-kinesis-analytics-v2';
import { type LocalClients, localClients } from '@msf-scaler/local-stack';
import { runScaler } from '@msf-scaler/scaler';
import { anApp, aRow, PEAK, parallelismOf, seedWorld, startWorld, type World } from './helpers/world';

/**
 * Makes `scalerMsf` behave as if another client changed the application right after each of
 * the scaler's DescribeApplication calls (the first `times` of them): the external update
 * bumps the version, so the scaler's token is stale by the time it sends its own update.
 */
function externalUpdateAfterDescribe(
  scalerMsf: KinesisAnalyticsV2Client,
  external: LocalClients,
  target: { readonly appName: string; readonly parallelism: number; readonly times: number },
): void {
  let remaining = target.times;
  scalerMsf.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const input = args.input as { readonly ApplicationName?: string };
      if (
        context.commandName === 'DescribeApplicationCommand' &&
        input.ApplicationName === target.appName &&
        remaining > 0
      ) {
        remaining -= 1;
        const detail = (result.output as DescribeApplicationCommandOutput).ApplicationDetail;
        await external.msf.send(
          new UpdateApplicationCommand({
            ApplicationName: detail?.ApplicationName,
            CurrentApplicationVersionId: detail?.ApplicationVersionId,
            ApplicationConfigurationUpdate: {
              FlinkApplicationConfigurationUpdate: {
                ParallelismConfigurationUpdate: {
                  ConfigurationTypeUpdate: 'CUSTOM',
                  ParallelismUpdate: target.parallelism,
                },
              },
            },
          }),
        );
      }
      return result;
    },
    { step: 'initialize', name: 'externalUpdateAfterDescribe' },
  );
}

describe('Integration: the application changes between describe and update', () => {
  let world: World;
  let external: LocalClients;

  beforeAll(async () => {
    world = await startWorld();
    external = localClients(world.stack);
    await seedWorld(world, { rows: [aRow('raced-once', 1, 4)], applications: [anApp('raced-once', 1)] });
  });

  afterAll(async () => {
    external.destroy();
    await world.close();
  });

  it('scales after retrying once with the fresh version when the first update is refused', async () => {
    // Prepare
    const scaler = localClients(world.stack);
    externalUpdateAfterDescribe(scaler.msf, external, { appName: 'raced-once', parallelism: 2, times: 1 });
    const updatesBefore = world.stack.emulator.callCount('UpdateApplication');

    // Act
    const summary = await runScaler({ clients: scaler, table: world.stack.tableName, instant: PEAK, concurrency: 1 });
    scaler.destroy();

    // Assess
    const outcome = summary.outcomes.find((candidate) => candidate.rowId === 'raced-once');
    expect(outcome).toMatchObject({ outcome: 'scaled', currentKPU: 2, targetKPU: 4 });
    expect(outcome?.reason).toContain('after a concurrent change, retried once');
    expect(parallelismOf(world, 'raced-once').Parallelism).toBe(4);
    // The external update, the scaler's refused one, and its retry.
    expect(world.stack.emulator.callCount('UpdateApplication') - updatesBefore).toBe(3);
  });

  it('reports busy, not error, when the application changes again before the retry', async () => {
    // Prepare
    const scaler = localClients(world.stack);
    await seedWorld(world, { rows: [aRow('raced-again', 1, 4)], applications: [anApp('raced-again', 1)] });
    externalUpdateAfterDescribe(scaler.msf, external, {
      appName: 'raced-again',
      parallelism: 3,
      times: Number.POSITIVE_INFINITY,
    });

    // Act
    const summary = await runScaler({ clients: scaler, table: world.stack.tableName, instant: PEAK, concurrency: 1 });
    scaler.destroy();

    // Assess
    const outcome = summary.outcomes.find((candidate) => candidate.rowId === 'raced-again');
    expect(outcome?.outcome).toBe('busy');
    expect(outcome?.reason).toContain('the next run retries');
    expect(parallelismOf(world, 'raced-again').Parallelism).toBe(3);
  });
});
