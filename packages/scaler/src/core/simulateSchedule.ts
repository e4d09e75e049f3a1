import type { CalendarEntry, Row } from '@msf-scaler/schema';
import { highestKpuOf } from './describeSchedule';
import { evaluateSchedule } from './evaluateSchedule';

const HOUR_MS = 3_600_000;

/** MSF's billing facts the simulation uses. */
const Pricing = {
  /**
   * US dollars per KPU-hour: the list price of Managed Service for Apache Flink in US East
   * (N. Virginia), us-east-1, on the AWS pricing page as last consulted (2026-12-01). Prices
   * differ by region and change: pass your own with `--price-per-kpu-hour`.
   */
  DEFAULT_PRICE_PER_KPU_HOUR: 0.11,
  /** Region and date of {@link Pricing.DEFAULT_PRICE_PER_KPU_HOUR}, for help and output. */
  DEFAULT_PRICE_SOURCE: 'us-east-1 list price, as of 2026-12-01',
  /** MSF bills each Flink application one KPU more than its parallelism needs, for orchestration. */
  ORCHESTRATION_KPU: 1,
} as const;

/** One row's schedule evaluated hour by hour, and what it costs against staying at its highest KPU. */
interface SimulatedRow {
  readonly appName: string;
  /** The target KPU of each hour from the start (the schedule's, orchestration not included). */
  readonly targets: readonly number[];
  /** Billed KPU-hours on the schedule: each hour's target plus the orchestration KPU. */
  readonly kpuHours: number;
  /** Billed KPU-hours at the row's highest KPU all the time, plus the orchestration KPU. */
  readonly alwaysHighKpuHours: number;
  /** Hours in which the target changed from the hour before: each one is a restart of the job. */
  readonly changes: number;
}

/**
 * Evaluates `row` at the start of each of `hours` hours from `start` (the instants an hourly
 * run decides at) and adds up the billed KPU-hours, with MSF's orchestration KPU, against
 * keeping the application at its highest KPU. Pure: nothing is called, nothing read from the clock.
 *
 * @example
 * simulateSchedule(row, new Map(), new Date('2026-11-30T00:00:00Z'), 168).kpuHours; // 1-4 KPU 08-20: 12*5 + 12*2 per day
 */
function simulateSchedule(
  row: Row,
  calendars: ReadonlyMap<string, CalendarEntry>,
  start: Date,
  hours: number,
): SimulatedRow {
  const targets = Array.from(
    { length: hours },
    (_, hour) => evaluateSchedule(row, calendars, new Date(start.getTime() + hour * HOUR_MS)).targetKPU,
  );
  let changes = 0;
  for (let hour = 1; hour < targets.length; hour += 1) if (targets[hour] !== targets[hour - 1]) changes += 1;
  const orchestration = Pricing.ORCHESTRATION_KPU * hours;
  return {
    appName: row.appName,
    targets,
    kpuHours: targets.reduce((sum, kpu) => sum + kpu, 0) + orchestration,
    alwaysHighKpuHours: highestKpuOf(row) * hours + orchestration,
    changes,
  };
}

export type { SimulatedRow };
export { Pricing, simulateSchedule };
