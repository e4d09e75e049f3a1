import { main } from '@msf-scaler/cli';
import { anApp, aRow, seedWorld, startWorld, type World } from './helpers/world';

/** Friday 26 March 2027, 20:00 UTC (21:00 in Berlin): Berlin moves to summer time on Sunday the 28th. */
const FRIDAY_EVENING = '2027-03-26T20:00:00Z';

async function cli(world: World, args: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main([...args, '--table', world.stack.tableName, '--at', FRIDAY_EVENING], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
    createClients: () => world.clients,
    now: () => new Date(FRIDAY_EVENING),
  });
  return { code, stdout, stderr };
}

/** The lines of a table with runs of spaces made one, as a person reads them. */
function squeezed(text: string): string[] {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => line.replace(/ +/g, ' ').trim());
}

describe('Integration: list and show find the next changes across midnight, DST and weekends', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld();
    await seedWorld(world, {
      rows: [
        aRow('night', 2, 6, { scaleUpHour: 22, scaleDownHour: 6 }),
        aRow('berlin', 1, 4, { scaleUpHour: 8, scaleDownHour: 18, timezone: 'Europe/Berlin' }),
        aRow('weekdays', 1, 3, { scaleUpHour: 9, scaleDownHour: 17, peakDays: 'MON-FRI' }),
      ],
      applications: [anApp('night', 2), anApp('berlin', 1), anApp('weekdays', 1)],
    });
  });

  afterAll(() => world.close());

  it('lists each row with the next change in UTC and in its zone', async () => {
    // Prepare
    const describesBefore = world.stack.emulator.callCount('DescribeApplication');

    // Act
    const result = await cli(world, ['list']);

    // Assess
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(world.stack.emulator.callCount('DescribeApplication') - describesBefore).toBe(3);
    expect(squeezed(result.stdout)).toEqual([
      'APP ROW STATUS KPU NEXT CHANGE SCHEDULE',
      'berlin enabled RUNNING 1 -> 1 2027-03-27 07:00 UTC (08:00 Europe/Berlin) -> 4 1-4 KPU, 08:00-18:00 Europe/Berlin every day',
      'night enabled RUNNING 2 -> 2 2027-03-26 22:00 UTC -> 6 2-6 KPU, 22:00-06:00 UTC every day (crosses midnight)',
      // Friday evening: the next window starts on Monday.
      'weekdays enabled RUNNING 1 -> 1 2027-03-29 09:00 UTC -> 3 1-3 KPU, 09:00-17:00 UTC MON-FRI',
      `3 rows in ${world.stack.tableName} at 2027-03-26T20:00:00.000Z: 3 enabled, 0 disabled, 0 invalid; 0 calendars`,
    ]);
  });

  it('shows a window crossing midnight ending on the next day', async () => {
    // Act
    const result = await cli(world, ['show', 'night']);

    // Assess
    expect(result.code).toBe(0);
    const lines = squeezed(result.stdout);
    const next = lines.findIndex((line) => line.startsWith('next '));
    expect(lines.slice(next, next + 3)).toEqual([
      'next 2027-03-26T22:00:00.000Z (local 2027-03-26 22:00) -> 6 KPU: window 22:00-06:00 UTC every day (crosses midnight)',
      '2027-03-27T06:00:00.000Z (local 2027-03-27 06:00) -> 2 KPU: outside every window',
      '2027-03-27T22:00:00.000Z (local 2027-03-27 22:00) -> 6 KPU: window 22:00-06:00 UTC every day (crosses midnight)',
    ]);
  });

  it('shows the window after the change to summer time an hour earlier in UTC, at the same local hour', async () => {
    // Act
    const result = await cli(world, ['show', 'berlin', '--json']);

    // Assess
    const shown = JSON.parse(result.stdout) as { nextChanges: { at: string; localTime: string; targetKPU: number }[] };
    expect(shown.nextChanges).toEqual([
      expect.objectContaining({ at: '2027-03-27T07:00:00.000Z', localTime: '2027-03-27 08:00', targetKPU: 4 }),
      expect.objectContaining({ at: '2027-03-27T17:00:00.000Z', localTime: '2027-03-27 18:00', targetKPU: 1 }),
      // Sunday 28 March, after 02:00 CET became 03:00 CEST.
      expect.objectContaining({ at: '2027-03-28T06:00:00.000Z', localTime: '2027-03-28 08:00', targetKPU: 4 }),
    ]);
  });
});
