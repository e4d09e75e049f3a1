import { DescribeApplicationCommand, UpdateApplicationCommand } from '@aws-sdk/client-kinesis-analytics-v2';
import { type LocalClients, type LocalStack, localClients, seed, startLocalStack } from '@msf-scaler/local-stack';
import { runScaler } from '@msf-scaler/scaler';
import { runCli } from '../helpers/runCli';

const ERROR = 'Parallelism 4 exceeds the maxParallelism 2 of operator "enrich"';

describe('Integration: msf-scaler show APP against the local world', () => {
  let now = Date.parse('2026-11-27T08:00:00Z');
  let stack: LocalStack;
  let clients: LocalClients;

  beforeAll(async () => {
    stack = await startLocalStack({ ddbPort: 0, msfPort: 0, transitionMs: 0, clock: () => new Date(now) });
    clients = localClients(stack);
    await seed(
      stack,
      {
        rows: [
          { appName: 'orders', lowKPU: 1, highKPU: 4, scaleUpHour: 8, scaleDownHour: 20, scaleupHour: 9 },
          { appName: 'broken', lowKPU: 5, highKPU: 2, scaleUpHour: 8, scaleDownHour: 20 },
        ],
        applications: [
          { name: 'orders', parallelism: 1, parallelismPerKPU: 1, autoScalingEnabled: true, running: true },
        ],
      },
      { clients },
    );
    // 08:00 system rollback on; 08:00 the scaler's update fails and is rolled back; 09:00 it succeeds.
    const { ApplicationDetail } = await clients.msf.send(new DescribeApplicationCommand({ ApplicationName: 'orders' }));
    await clients.msf.send(
      new UpdateApplicationCommand({
        ApplicationName: 'orders',
        CurrentApplicationVersionId: ApplicationDetail?.ApplicationVersionId,
        ApplicationConfigurationUpdate: {
          ApplicationSystemRollbackConfigurationUpdate: { RollbackEnabledUpdate: true },
        },
      }),
    );
    stack.emulator.failNextUpdate('orders', { errorString: ERROR });
    const options = { clients, table: stack.tableName, clock: () => now };
    await runScaler({ ...options, instant: new Date(now) });
    now += 60 * 60 * 1000;
    await runScaler({ ...options, instant: new Date(now) });
  });

  afterAll(async () => {
    clients.destroy();
    await stack.close();
  });

  it('shows the row, the application, the target now and next, and how the latest scalings ended', async () => {
    // Act
    const result = await runCli(['show', 'orders', '--table', stack.tableName], { createClients: () => clients });

    // Assess
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('orders');
    expect(lines).toEqual(
      expect.arrayContaining([
        '  schedule     1-4 KPU, 08:00-20:00 UTC every day',
        '  row          valid, enabled',
        '  warnings     row "orders": unknown attribute "scaleupHour" is ignored; did you mean "scaleUpHour"?',
        '  application  RUNNING, 4 KPU (parallelism 4, 1 per KPU, running at parallelism 4), autoscaling on',
        '  now          4 KPU: window 08:00-20:00 UTC every day (2026-11-27T10:00:00.000Z, local 2026-11-27 10:00)',
        '  next         2026-11-27T20:00:00.000Z (local 2026-11-27 20:00) -> 1 KPU: outside every window',
        '               2026-11-28T08:00:00.000Z (local 2026-11-28 08:00) -> 4 KPU: window 08:00-20:00 UTC every day',
        '  scalings     updated to 4 KPU (parallelism 4): started 2026-11-27 09:00:00 UTC, finished 2026-11-27 09:00:00 UTC',
      ]),
    );
    // Seven days from 10:00: 10 hours at 4, 12 at 1, then 12 at 4 and 12 at 1 each day.
    const bar = lines.find((line) => line.startsWith('  orders '));
    expect(bar?.trim()).toMatch(/^orders +(█){10}(▂){12}(█){12}(▂){12}/);
    expect(lines).toContain(
      "  One column per hour (UTC); █ = 4 KPU; · not running; ↑/↓ the schedule's target goes up/down.",
    );
    const failed = lines.find((line) => line.includes('failed to update'));
    expect(failed).toMatch(
      /^ {15}failed to update to 4 KPU \(parallelism 4\): started 2026-11-27 08:00:00 UTC, failed 2026-11-27 08:00:00 UTC, rolled back by operation [0-9a-f]+: Parallelism 4 exceeds/,
    );
  });

  it('gives the same as one JSON document, the scalings newest first', async () => {
    // Act
    const result = await runCli(['show', 'orders', '--table', stack.tableName, '--json'], {
      createClients: () => clients,
    });

    // Assess
    const shown = JSON.parse(result.stdout) as {
      now: { targetKPU: number };
      nextChanges: unknown[];
      scalings: { status: string; errorString?: string }[];
    };
    expect(shown.now.targetKPU).toBe(4);
    expect(shown.nextChanges).toHaveLength(3);
    expect(shown.scalings.map(({ status }) => status)).toEqual(['SUCCESSFUL', 'FAILED', 'SUCCESSFUL']);
    expect(shown.scalings[1]?.errorString).toBe(ERROR);
  });

  it('exits 1 for an invalid row, naming its issues, and for a name the table does not have', async () => {
    // Act
    const invalid = await runCli(['show', 'broken', '--table', stack.tableName], { createClients: () => clients });
    const missing = await runCli(['show', 'nobody', '--table', stack.tableName], { createClients: () => clients });

    // Assess
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain('highKPU 2 is below lowKPU 5');
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain(`none in table ${stack.tableName}`);
  });

  it('refuses a name MSF could not have as a usage error', async () => {
    // Act
    const result = await runCli(['show', 'no/such\napp', '--table', stack.tableName], { createClients: () => clients });

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'APP must be an MSF application name (1-128 of a-z A-Z 0-9 _ . -), got "no/such\\napp"',
    );
  });
});
