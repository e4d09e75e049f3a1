import { runScaler } from '@msf-scaler/scaler';
import { anApp, aRow, PEAK, parallelismOf, seedWorld, startWorld, type World } from './helpers/world';

describe('Integration: the KPU guard', () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld();
    await seedWorld(world, {
      rows: [aRow('typo', 1, 400), aRow('sensible', 1, 8), aRow('large', 1, 48)],
      applications: [anApp('typo', 1), anApp('sensible', 1), anApp('large', 1)],
    });
  });

  afterAll(() => world.close());

  it('refuses rows above 64 KPU by default and scales the others, calling nothing for the refused ones', async () => {
    // Prepare
    const describesBefore = world.stack.emulator.callCount('DescribeApplication');

    // Act
    const summary = await runScaler({ clients: world.clients, table: world.stack.tableName, instant: PEAK });

    // Assess
    function outcomeOf(rowId: string) {
      return summary.outcomes.find((outcome) => outcome.rowId === rowId);
    }
    expect(outcomeOf('typo')).toMatchObject({ outcome: 'invalid' });
    expect(outcomeOf('typo')?.reason).toContain('highKPU 400 is above 64; KPU must be at most maxKPUPerApplication 64');
    expect(outcomeOf('sensible')?.outcome).toBe('scaled');
    expect(outcomeOf('large')?.outcome).toBe('scaled');
    expect(parallelismOf(world, 'typo').Parallelism).toBe(1);
    expect(world.stack.emulator.callCount('DescribeApplication') - describesBefore).toBe(2);
  });

  it('applies a lower limit a deployment sets, to rows that were fine under the default', async () => {
    // Act
    const summary = await runScaler({
      clients: world.clients,
      table: world.stack.tableName,
      instant: PEAK,
      maxKPUPerApplication: 32,
    });

    // Assess
    const large = summary.outcomes.find((outcome) => outcome.rowId === 'large');
    expect(large?.outcome).toBe('invalid');
    expect(large?.reason).toContain('highKPU 48 is above 32');
    expect(summary.outcomes.find((outcome) => outcome.rowId === 'sensible')?.outcome).toBe('unchanged');
  });
});

describe('Integration: the table-wide KPU guard (maxTotalKPU)', () => {
  let world: World;
  let refusedRow: string | undefined;

  beforeAll(async () => {
    world = await startWorld();
    // 11 KPU in use: 1 + 1 + 1 + 8. The rows ask for 4 + 4 + 4 + 2 = 14.
    await seedWorld(world, {
      rows: [aRow('up-a', 1, 4), aRow('up-b', 1, 4), aRow('up-c', 1, 4), aRow('down', 2, 2)],
      applications: [anApp('up-a', 1), anApp('up-b', 1), anApp('up-c', 1), anApp('down', 8)],
    });
  });

  afterAll(() => world.close());

  it('scales down first, then up in row order while the total stays within the limit, and refuses the rest with the figures', async () => {
    // Act
    const summary = await runScaler({
      clients: world.clients,
      table: world.stack.tableName,
      instant: PEAK,
      maxTotalKPU: 12,
    });

    // Assess: down frees 6 (11 -> 5); the first two scale-ups in the run's order (scan order in an
    // even hour) take 3 each (-> 11); the third one's 3 would make 14.
    const ups = summary.outcomes.filter(({ rowId }) => rowId.startsWith('up-'));
    const refused = ups[2];
    expect(summary.outcomes.find(({ rowId }) => rowId === 'down')?.outcome).toBe('scaled');
    expect(ups.map(({ outcome }) => outcome)).toEqual(['scaled', 'scaled', 'error']);
    expect(refused).toMatchObject({ errorCode: 'MaxTotalKpuExceeded' });
    expect(refused?.reason).toContain(
      "not scaled: 1 -> 4 KPU (+3) would take the table's applications to 14 KPU, above maxTotalKPU 12 (11 in use, 1 left); " +
        'raise maxTotalKPU or lower the KPU of other rows',
    );
    expect(parallelismOf(world, refused?.rowId ?? '').Parallelism).toBe(1);
    expect(parallelismOf(world, 'down').Parallelism).toBe(2);
    expect(world.stack.emulator.callCount('UpdateApplication')).toBe(3);
    refusedRow = refused?.rowId;
  });

  it('lets the refused scale-up through once the limit allows it', async () => {
    // Act
    const summary = await runScaler({
      clients: world.clients,
      table: world.stack.tableName,
      instant: PEAK,
      maxTotalKPU: 14,
    });

    // Assess
    expect(summary.counts).toMatchObject({ scaled: 1, unchanged: 3, error: 0 });
    expect(parallelismOf(world, refusedRow ?? '').Parallelism).toBe(4);
  });
});
