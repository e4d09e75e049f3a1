import type { ApplicationsPort } from '../../src/adapters/msfApplications';
import { Outcome } from '../../src/core/outcome';
import { MsfCallError } from '../../src/errors';
import { createKpuBudget, heldKpu } from '../../src/run/kpuBudget';
import { reconcile } from '../../src/run/reconcile';
import { anItem, aSnapshot, PEAK_INSTANT } from '../helpers/fixtures';

describe('Function: createKpuBudget', () => {
  it('reserves increases up to the limit, never beyond, and takes back what is released', () => {
    // Prepare
    const budget = createKpuBudget(100, 90);

    // Act & Assess
    expect(budget.tryReserve(8)).toBe(true);
    expect(budget.committed).toBe(98);
    expect(budget.tryReserve(4)).toBe(false);
    expect(budget.committed).toBe(98);
    budget.release(8);
    expect(budget.tryReserve(10)).toBe(true);
    expect(budget.committed).toBe(100);
  });
});

describe('Function: heldKpu', () => {
  it('adds the KPU of applications not stopped, counting an application named by two rows once', () => {
    // Act
    const held = heldKpu([
      aSnapshot({ name: 'a', parallelism: 8, parallelismPerKPU: 2 }),
      aSnapshot({ name: 'a', parallelism: 8, parallelismPerKPU: 2 }),
      aSnapshot({ name: 'b', parallelism: 3 }),
      aSnapshot({ name: 'stopped', parallelism: 50, status: 'READY' }),
    ]);

    // Assess
    expect(held).toBe(7);
  });
});

/** A fake MSF of apps at parallelism 1 whose updates of `failing` apps fail; counts updates. */
function applicationsAt(parallelism: Readonly<Record<string, number>>, failing: readonly string[] = []) {
  const updated: string[] = [];
  const applications: ApplicationsPort = {
    async describe(appName) {
      return aSnapshot({ name: appName, parallelism: parallelism[appName] ?? 1 });
    },
    async update(plan) {
      await Promise.resolve();
      if (failing.includes(plan.appName)) throw new MsfCallError(plan.appName, 'InvalidArgumentException', 'refused');
      updated.push(plan.appName);
      return 'op';
    },
    async operations() {
      return [];
    },
    async scalingAttempt() {
      throw new Error('no failed operation to describe');
    },
  };
  return { applications, updated };
}

describe('Function: reconcile with maxTotalKPU', () => {
  // Each row asks for 4 KPU at peak; each app runs 1.
  const items = ['a', 'b', 'c'].map((appName) => anItem({ appName, lowKPU: 1, highKPU: 4 }));

  it('gives back the reservation of a scale-up whose update failed, so the next one fits', async () => {
    // Prepare: 3 in use, limit 9: room for two +3 increases; the first one's update fails.
    const world = applicationsAt({}, ['a']);

    // Act
    const summary = await reconcile({
      items,
      applications: world.applications,
      instant: PEAK_INSTANT,
      table: 't',
      maxTotalKPU: 9,
      concurrency: 1,
    });

    // Assess
    expect(summary.outcomes.map(({ outcome }) => outcome)).toEqual([Outcome.ERROR, Outcome.SCALED, Outcome.SCALED]);
    expect(world.updated).toEqual(['b', 'c']);
  });

  it('makes the same refusals in a dry run, sending nothing', async () => {
    // Prepare
    const world = applicationsAt({});

    // Act
    const summary = await reconcile({
      items,
      applications: world.applications,
      instant: PEAK_INSTANT,
      table: 't',
      maxTotalKPU: 8,
      dryRun: true,
      concurrency: 1,
    });

    // Assess
    expect(summary.outcomes.map(({ outcome }) => outcome)).toEqual([Outcome.SCALED, Outcome.ERROR, Outcome.ERROR]);
    expect(summary.outcomes[1]?.errorCode).toBe('MaxTotalKpuExceeded');
    expect(world.updated).toEqual([]);
  });
});
