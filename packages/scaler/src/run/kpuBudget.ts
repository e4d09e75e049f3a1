import { kpuFor } from '../core/kpu';
import type { AppSnapshot } from '../core/snapshot';

/**
 * The table-wide KPU guard of one run (`maxTotalKPU`): the KPU the table's running applications
 * hold, and scale-ups reserving their increase against the limit. Scale-downs are never refused;
 * the KPU they free counts once their update is accepted.
 */
interface KpuBudget {
  readonly limit: number;
  /** KPU held now: the applications' KPU at the start, plus accepted increases, less accepted decreases. */
  readonly committed: number;
  /**
   * Reserves `increase` KPU for a scale-up; false (nothing reserved) when it would take the total
   * above the limit.
   */
  tryReserve(increase: number): boolean;
  /** Gives back `amount` KPU: a reservation whose update failed, or what an accepted scale-down freed. */
  release(amount: number): void;
}

/**
 * A budget of `limit` KPU of which `committed` are in use.
 *
 * @example
 * const budget = createKpuBudget(100, 90);
 * budget.tryReserve(8); // true: 98 of 100
 * budget.tryReserve(4); // false: 102 would be above 100
 */
function createKpuBudget(limit: number, committed: number): KpuBudget {
  let held = committed;
  return {
    limit,
    get committed() {
      return held;
    },
    tryReserve(increase) {
      if (held + increase > limit) return false;
      held += increase;
      return true;
    },
    release(amount) {
      held -= amount;
    },
  };
}

/**
 * The KPU the applications hold now: the configured KPU of each one that is not stopped (READY),
 * counted once however many rows name it.
 */
function heldKpu(snapshots: readonly AppSnapshot[]): number {
  const byName = new Map(snapshots.map((snapshot) => [snapshot.name, snapshot]));
  let total = 0;
  for (const snapshot of byName.values()) {
    if (snapshot.status !== 'READY') total += kpuFor(snapshot.parallelism, snapshot.parallelismPerKPU);
  }
  return total;
}

/** The reason of a scale-up the budget refused. */
function overBudgetReason(budget: KpuBudget, currentKPU: number, targetKPU: number): string {
  const increase = targetKPU - currentKPU;
  const left = Math.max(0, budget.limit - budget.committed);
  return (
    `not scaled: ${currentKPU} -> ${targetKPU} KPU (+${increase}) would take the table's applications to ` +
    `${budget.committed + increase} KPU, above maxTotalKPU ${budget.limit} (${budget.committed} in use, ${left} left); ` +
    `raise maxTotalKPU or lower the KPU of other rows; scale-downs always go through, so it may fit in a later run`
  );
}

export type { KpuBudget };
export { createKpuBudget, heldKpu, overBudgetReason };
