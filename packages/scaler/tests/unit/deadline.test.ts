import type { ApplicationsPort } from '../../src/adapters/msfApplications';
import { Outcome } from '../../src/core/outcome';
import { reconcile } from '../../src/run/reconcile';
import { runOrder } from '../../src/run/runOrder';
import { anItem, aSnapshot } from '../helpers/fixtures';

/**
 * A fake MSF whose calls take `callMs` each on a fake clock, `concurrency` of them overlapping
 * (each call moves the shared clock by callMs / concurrency), and that counts updates per app.
 */
function slowApplications(callMs: number, concurrency = 8) {
  let now = 0;
  const parallelism = new Map<string, number>();
  const updates = new Map<string, number>();
  async function tick(): Promise<void> {
    // Lets the other workers interleave, as real I/O would.
    await Promise.resolve();
    now += callMs / concurrency;
  }
  const applications: ApplicationsPort = {
    async describe(appName) {
      await tick();
      const current = parallelism.get(appName) ?? 1;
      return aSnapshot({ name: appName, parallelism: current, currentParallelism: current });
    },
    async update(plan) {
      await tick();
      parallelism.set(plan.appName, plan.parallelism);
      updates.set(plan.appName, (updates.get(plan.appName) ?? 0) + 1);
      return 'op';
    },
    // No operation history: every update here succeeds, so the back-off never holds a row.
    async operations() {
      return [];
    },
    async scalingAttempt() {
      throw new Error('no failed operation to describe');
    },
  };
  return { applications, clock: () => now, updates };
}

const EVEN_HOUR = new Date('2026-11-27T10:00:00Z');
const ODD_HOUR = new Date('2026-11-27T11:00:00Z');

describe('Function: runOrder', () => {
  it('visits rows in scan order in even hours and reversed in odd hours', () => {
    // Assess
    expect(runOrder(4, EVEN_HOUR)).toEqual([0, 1, 2, 3]);
    expect(runOrder(4, ODD_HOUR)).toEqual([3, 2, 1, 0]);
    expect(runOrder(0, ODD_HOUR)).toEqual([]);
  });
});

describe('Function: reconcile with a deadline', () => {
  const items = Array.from({ length: 300 }, (_, index) =>
    anItem({ appName: `app-${String(index).padStart(3, '0')}`, lowKPU: 1, highKPU: 4 }),
  );

  it('stops starting rows in time and ends every row it did not reach as deferred', async () => {
    // Prepare
    const world = slowApplications(2_000);

    // Act
    const summary = await reconcile({
      items,
      applications: world.applications,
      instant: EVEN_HOUR,
      table: 't',
      concurrency: 8,
      deadline: 60_000,
      clock: world.clock,
    });

    // Assess
    const deferred = summary.outcomes.filter(({ outcome }) => outcome === Outcome.DEFERRED);
    expect(summary.total).toBe(300);
    expect(Object.values(summary.counts).reduce((a, b) => a + b, 0)).toBe(300);
    expect(summary.counts.scaled + summary.counts.deferred).toBe(300);
    expect(summary.counts.scaled).toBeGreaterThan(0);
    expect(deferred.length).toBeGreaterThan(0);
    // Every row that started finished before the deadline: a started row never outlives it.
    expect(world.clock()).toBeLessThanOrEqual(60_000);
    expect(deferred[0]?.reason).toBe("not reached before the run's deadline; the next run starts with it");
    // The outcomes are in scan order, the deferred rows at the end of this hour's order.
    expect(summary.outcomes.map(({ rowId }) => rowId)).toEqual(items.map(({ appName }) => appName));
    expect(deferred.map(({ rowId }) => rowId)).toEqual(
      items.slice(300 - deferred.length).map(({ appName }) => appName),
    );
  });

  it('reaches the rows deferred in one run first in the next one, without a second update for any app', async () => {
    // Prepare
    const world = slowApplications(2_000);
    const first = await reconcile({
      items,
      applications: world.applications,
      instant: EVEN_HOUR,
      table: 't',
      deadline: 60_000,
      clock: world.clock,
    });
    const deferredIds = first.outcomes.filter(({ outcome }) => outcome === Outcome.DEFERRED).map(({ rowId }) => rowId);

    // Act: the next hour's run, without a deadline.
    const second = await reconcile({ items, applications: world.applications, instant: ODD_HOUR, table: 't' });

    // Assess
    expect(second.counts.deferred).toBe(0);
    expect(second.counts.scaled).toBe(deferredIds.length);
    expect(second.counts.unchanged).toBe(300 - deferredIds.length);
    expect([...world.updates.values()].every((count) => count === 1)).toBe(true);
    expect(world.updates.size).toBe(300);
  });

  it('defers every row when the deadline has already passed, and calls nothing', async () => {
    // Prepare
    const world = slowApplications(2_000);

    // Act
    const summary = await reconcile({
      items: items.slice(0, 3),
      applications: world.applications,
      instant: EVEN_HOUR,
      table: 't',
      deadline: 0,
      clock: world.clock,
    });

    // Assess
    expect(summary.counts.deferred).toBe(3);
    expect(world.clock()).toBe(0);
  });
});
