import { type LocalClients, type LocalStack, localClients, seed, startLocalStack } from '@msf-scaler/local-stack';
import type { Listing } from '../../src/list/listRows';
import { runCli } from '../helpers/runCli';

describe('Integration: msf-scaler list against the local world', () => {
  let stack: LocalStack;
  let clients: LocalClients;

  beforeAll(async () => {
    stack = await startLocalStack({ ddbPort: 0, msfPort: 0, transitionMs: 0 });
    clients = localClients(stack);
    await seed(
      stack,
      {
        rows: [
          { appName: 'orders', lowKPU: 1, highKPU: 4, scaleUpHour: 8, scaleDownHour: 20 },
          {
            appName: 'berlin',
            lowKPU: 2,
            highKPU: 6,
            scaleUpHour: 8,
            scaleDownHour: 18,
            timezone: 'Europe/Berlin',
            calendars: ['de-public'],
          },
          { appName: 'paused', lowKPU: 1, highKPU: 2, scaleUpHour: 8, scaleDownHour: 20, enabled: false },
          { appName: 'broken', lowKPU: 5, highKPU: 2, scaleUpHour: 8, scaleDownHour: 20 },
          { appName: 'ghost', lowKPU: 1, highKPU: 2, scaleUpHour: 8, scaleDownHour: 20 },
          { appName: 'calendar:de-public', dates: ['2026-12-25', '2026-12-26'] },
        ],
        applications: [
          { name: 'orders', parallelism: 4, parallelismPerKPU: 1, autoScalingEnabled: true, running: true },
          { name: 'berlin', parallelism: 4, parallelismPerKPU: 2, autoScalingEnabled: true, running: true },
          { name: 'paused', parallelism: 1, parallelismPerKPU: 1, autoScalingEnabled: true, running: true },
        ],
      },
      { clients },
    );
  });

  afterAll(async () => {
    clients.destroy();
    await stack.close();
  });

  it('lists every row in name order with its application, target now and next change, describing enabled valid rows only', async () => {
    // Prepare
    const describesBefore = stack.emulator.callCount('DescribeApplication');

    // Act: Thursday 24 December 2026, 10:00 UTC (11:00 in Berlin); the 25th is a holiday there.
    const result = await runCli(['list', '--table', stack.tableName, '--at', '2026-12-24T10:00:00Z'], {
      createClients: () => clients,
    });

    // Assess
    expect(result.code).toBe(1);
    expect(stack.emulator.callCount('DescribeApplication') - describesBefore).toBe(3);
    const lines = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.replace(/ +/g, ' '));
    expect(lines[0]).toBe('APP ROW STATUS KPU NEXT CHANGE SCHEDULE');
    expect(lines.slice(1, -1).map((line) => line.split(' ')[0])).toEqual([
      'berlin',
      'broken',
      'ghost',
      'orders',
      'paused',
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        'berlin enabled RUNNING 2 -> 6 2026-12-24 17:00 UTC (18:00 Europe/Berlin) -> 2 2-6 KPU, 08:00-18:00 Europe/Berlin every day; calendars de-public',
        'orders enabled RUNNING 4 -> 4 2026-12-24 20:00 UTC -> 1 1-4 KPU, 08:00-20:00 UTC every day',
        'paused disabled - - 2026-12-24 20:00 UTC -> 1 1-2 KPU, 08:00-20:00 UTC every day',
        'broken invalid - - - row "broken": highKPU 2 is below lowKPU 5; highKPU must be >= lowKPU',
      ]),
    );
    expect(lines.find((line) => line.startsWith('ghost'))).toMatch(
      /^ghost enabled error \? -> 2 .*application: DescribeApplication: no MSF application "ghost"/,
    );
    expect(lines.at(-1)).toBe(
      `5 rows in ${stack.tableName} at 2026-12-24T10:00:00.000Z: 3 enabled, 1 disabled, 1 invalid; 1 calendar`,
    );
  });

  it('skips the holiday in the next change after the evening, and gives the listing as JSON', async () => {
    // Act: 24 December, 18:00 UTC; the window of the 25th (a holiday) does not start.
    const result = await runCli(['list', '--table', stack.tableName, '--at', '2026-12-24T18:00:00Z', '--json'], {
      createClients: () => clients,
    });

    // Assess
    const listing = JSON.parse(result.stdout) as Listing;
    const berlin = listing.rows.find(({ rowId }) => rowId === 'berlin');
    expect(berlin?.next).toMatchObject({ at: '2026-12-27T07:00:00.000Z', targetKPU: 6 });
    expect(listing.calendars).toEqual(['calendar:de-public']);
  });
});
