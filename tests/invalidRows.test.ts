import { runScaler } from '@msf-scaler/scaler';
import { anApp, aRow, PEAK, parallelismOf, seedWorld, startWorld, type World } from './helpers/world';

describe('Integration: invalid rows next to valid ones', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld();
    await seedWorld(world, {
      rows: [
        aRow('valid-a', 1, 4),
        aRow('kpu-reversed', 6, 2),
        aRow('valid-b', 2, 3, { timezone: 'Europe/Berlin' }),
        aRow('bad-zone', 1, 2, { timezone: 'Europe/Berln' }),
        { appName: 'no-hours', lowKPU: 1, highKPU: 2, scaleupHour: 8 },
      ],
      applications: [anApp('valid-a', 1), anApp('valid-b', 2), anApp('kpu-reversed', 3), anApp('bad-zone', 1)],
    });
  });

  afterAll(() => world.close());

  it('reports every invalid row with its reason and scales the valid ones', async () => {
    // Prepare
    const updatesBefore = world.stack.emulator.callCount('UpdateApplication');

    // Act
    const summary = await runScaler({ clients: world.clients, table: world.stack.tableName, instant: PEAK });

    // Assess
    function reasonOf(rowId: string) {
      return summary.outcomes.find((outcome) => outcome.rowId === rowId)?.reason;
    }
    expect(summary.counts).toMatchObject({ scaled: 2, invalid: 3 });
    expect(reasonOf('kpu-reversed')).toBe('row "kpu-reversed": highKPU 2 is below lowKPU 6; highKPU must be >= lowKPU');
    expect(reasonOf('bad-zone')).toContain(
      'timezone "Europe/Berln" is not an IANA time zone (did you mean "Europe/Berlin"?)',
    );
    expect(reasonOf('no-hours')).toContain(
      'row "no-hours": scaleUpHour is missing (the row has "scaleupHour"; attribute names are case-sensitive)',
    );
    expect(reasonOf('no-hours')).toContain('row "no-hours": scaleDownHour is missing');
    expect(parallelismOf(world, 'valid-a').Parallelism).toBe(4);
    expect(parallelismOf(world, 'valid-b').Parallelism).toBe(3);
    expect(parallelismOf(world, 'kpu-reversed').Parallelism).toBe(3);
    expect(world.stack.emulator.callCount('UpdateApplication') - updatesBefore).toBe(2);
  });
});
