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
