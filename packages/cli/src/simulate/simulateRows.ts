import {
  cellsFromTargets,
  describeSchedule,
  Pricing,
  readCalendars,
  type SimulatedRow,
  simulateSchedule,
  type TimelineApp,
} from '@msf-scaler/scaler';
import { parseRow } from '@msf-scaler/schema';

/** One application of a simulation: its schedule, its hours, and what they cost. */
interface SimulatedApp extends Omit<SimulatedRow, 'targets'> {
  readonly schedule: string;
  readonly targets: readonly number[];
  readonly cost: number;
  readonly alwaysHighCost: number;
}

/** A row left out of the simulation, and why. */
interface LeftOut {
  readonly rowId: string;
  readonly reason: string;
}

/** What `msf-scaler simulate` computes: per application and in total, over `hours` from `from`. */
interface Simulation {
  readonly from: string;
  readonly to: string;
  readonly hours: number;
  readonly pricePerKpuHour: number;
  /** Where the price comes from: the default's region and date, or `--price-per-kpu-hour`. */
  readonly priceSource: string;
  readonly apps: readonly SimulatedApp[];
  readonly leftOut: readonly LeftOut[];
  readonly totals: {
    readonly kpuHours: number;
    readonly alwaysHighKpuHours: number;
    readonly cost: number;
    readonly alwaysHighCost: number;
    readonly changes: number;
  };
}

/** What {@link simulateRows} needs. */
interface SimulateRequest {
  readonly from: Date;
  readonly hours: number;
  readonly pricePerKpuHour: number;
  readonly priceSource: string;
  readonly maxKPUPerApplication: number;
}

/** Cents are what a bill shows: costs are rounded to them once, here. */
function dollars(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/**
 * Evaluates every valid, enabled row of `items` (rows and calendar items, as a table or a file
 * holds them) hour by hour, without calling MSF, and prices the KPU-hours against keeping each
 * application at its highest KPU. Pure.
 *
 * @example
 * simulateRows(items, { from, hours: 168, pricePerKpuHour: 0.11, priceSource: 'default', maxKPUPerApplication: 64 });
 */
function simulateRows(items: readonly unknown[], request: SimulateRequest): Simulation {
  const { calendars, calendarOutcomes, rowPositions } = readCalendars(items);
  const apps: SimulatedApp[] = [];
  const leftOut: LeftOut[] = [...calendarOutcomes.values()].map(({ rowId, reason }) => ({ rowId, reason }));
  for (const position of rowPositions) {
    const parsed = parseRow(items[position], position, { maxKPUPerApplication: request.maxKPUPerApplication });
    if (!parsed.ok) {
      leftOut.push({ rowId: parsed.rowId, reason: parsed.issues.map((issue) => issue.message).join('; ') });
      continue;
    }
    if (!parsed.row.enabled) {
      leftOut.push({ rowId: parsed.row.appName, reason: 'disabled (enabled = false): the scaler leaves it alone' });
      continue;
    }
    const simulated = simulateSchedule(parsed.row, calendars.byName, request.from, request.hours);
    apps.push({
      ...simulated,
      schedule: describeSchedule(parsed.row),
      cost: dollars(simulated.kpuHours * request.pricePerKpuHour),
      alwaysHighCost: dollars(simulated.alwaysHighKpuHours * request.pricePerKpuHour),
    });
  }
  apps.sort((a, b) => (a.appName < b.appName ? -1 : a.appName > b.appName ? 1 : 0));
  function sum(pick: (app: SimulatedApp) => number): number {
    return apps.reduce((total, app) => total + pick(app), 0);
  }
  return {
    from: request.from.toISOString(),
    to: new Date(request.from.getTime() + request.hours * 3_600_000).toISOString(),
    hours: request.hours,
    pricePerKpuHour: request.pricePerKpuHour,
    priceSource: request.priceSource,
    apps,
    leftOut,
    totals: {
      kpuHours: sum((app) => app.kpuHours),
      alwaysHighKpuHours: sum((app) => app.alwaysHighKpuHours),
      cost: dollars(sum((app) => app.cost)),
      alwaysHighCost: dollars(sum((app) => app.alwaysHighCost)),
      changes: sum((app) => app.changes),
    },
  };
}

/** The simulation's timeline lines: each hour's target, ↑/↓ where it changes. */
function timelineApps(simulation: Simulation): TimelineApp[] {
  return simulation.apps.map((app) => ({
    name: app.appName,
    label: app.schedule,
    cells: cellsFromTargets(app.targets),
  }));
}

/** The default price and where it comes from. */
const DEFAULT_PRICE = {
  pricePerKpuHour: Pricing.DEFAULT_PRICE_PER_KPU_HOUR,
  priceSource: Pricing.DEFAULT_PRICE_SOURCE,
};

export type { LeftOut, SimulatedApp, SimulateRequest, Simulation };
export { DEFAULT_PRICE, simulateRows, timelineApps };
