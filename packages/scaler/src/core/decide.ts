import { type AutoScalingMode, type Row, simpleWindowOf } from '@msf-scaler/schema';
import { evaluateSchedule, type ScheduleEvaluation } from './evaluateSchedule';
import { kpuFor, parallelismFor } from './kpu';
import type { Calendars, ScheduleRow } from './preparedSchedule';
import { type AppSnapshot, RUNNING } from './snapshot';
import { describeHours } from './window';

/** The figures behind a decision, reported with every outcome. */
interface DecisionFigures {
  readonly status: string;
  /** Whether the schedule asks for more than lowKPU (a window or an override raised the target). */
  readonly peak: boolean;
  /**
   * The schedule rule that decided the target, e.g. `window 08:00-20:00 Europe/Berlin MON-FRI`,
   * `override until 2026-12-04T18:00:00Z (launch week, by ops)`, `outside every window`.
   */
  readonly rule: string;
  /** Wall-clock time in the row's zone, e.g. '2026-11-27 20:00'. */
  readonly localTime: string;
  readonly currentKPU: number;
  readonly targetKPU: number;
  readonly parallelism: number;
  readonly parallelismPerKPU: number;
}

/** What an UpdateApplication call must carry to bring an application to its target. */
interface ScalePlan {
  readonly appName: string;
  readonly parallelism: number;
  readonly parallelismPerKPU: number;
  readonly autoScalingEnabled: boolean;
  /** Optimistic concurrency: the token when MSF gave one, else the version id. */
  readonly conditionalToken: string | undefined;
  readonly versionId: number;
}

/** What every decision carries, whatever its action. */
interface DecisionBase {
  readonly reason: string;
  readonly figures: DecisionFigures;
  /**
   * What the schedule evaluation has to tell about the row at this instant (a missing or
   * invalid calendar, expired overrides, an override in force for long), as complete messages
   * like parseRow's warnings: the run adds them to the outcome's warnings.
   */
  readonly warnings: readonly string[];
}

/**
 * The decision for one row at one instant.
 * - `skip`: leave the application alone (not RUNNING).
 * - `keep`: it already runs at the target KPU.
 * - `scale`: call UpdateApplication with `plan`.
 */
type Decision =
  | (DecisionBase & { readonly action: 'skip' })
  | (DecisionBase & { readonly action: 'keep' })
  | (DecisionBase & { readonly action: 'scale'; readonly plan: ScalePlan });

function autoScalingFor(mode: AutoScalingMode, current: boolean): boolean {
  switch (mode) {
    case 'enable':
      return true;
    case 'disable':
      return false;
    case 'keep':
      return current;
  }
}

// Statuses that end by themselves; the hourly run will find the application RUNNING again.
const TRANSITIONAL = new Set(['STARTING', 'UPDATING', 'AUTOSCALING', 'MAINTENANCE', 'ROLLING_BACK']);

function notRunningReason(status: string): string {
  if (TRANSITIONAL.has(status)) {
    return `application is ${status}, not RUNNING; left alone, the next run checks again`;
  }
  if (status === 'READY') {
    return 'application is READY (stopped); the scaler only changes running applications';
  }
  return `application is ${status}, not RUNNING; the scaler only changes running applications`;
}

/** No shared calendars: the default of {@link decide}. */
const NO_CALENDARS: Calendars = new Map();

/** Whether the row uses only the simple window: its reasons then read exactly as before windows existed. */
function isSimpleRow(row: ScheduleRow): boolean {
  return (
    row.windows === undefined &&
    row.overrides === undefined &&
    row.holidays === undefined &&
    row.calendars === undefined
  );
}

/** `peak (08:00-20:00 UTC every day; local 2026-11-27 10:00)`: the first half of every reason. */
function periodOf(row: Row, evaluation: ScheduleEvaluation, peak: boolean): string {
  const simple = simpleWindowOf(row);
  const schedule =
    simple !== undefined && isSimpleRow(row)
      ? describeHours(simple.from, simple.to, row.timezone, simple.days)
      : evaluation.rule;
  return `${peak ? 'peak' : 'off-peak'} (${schedule}; local ${evaluation.localTime})`;
}

/**
 * Decides what to do with one application for one row at one instant. Pure: the same
 * inputs always give the same decision, and nothing is read from the clock or the env.
 *
 * The target comes from {@link evaluateSchedule} (overrides, holidays, windows, lowKPU), and
 * the rule that decided it is in `figures.rule`; the evaluation's warnings are in `warnings`.
 * The current KPU comes from the *configured* Parallelism (what autoscaling never goes
 * below), never from CurrentParallelism, and the app's ParallelismPerKPU is kept.
 *
 * @param calendars - the shared holiday calendars by name, read from the same scan
 * @default calendars none
 * @example
 * decide(row, snapshot, new Date('2026-11-27T10:00:00Z'));
 * // { action: 'scale', reason: 'peak ...: 1 -> 4 KPU ...', plan: { parallelism: 4, ... } }
 */
function decide(row: Row, app: AppSnapshot, instant: Date, calendars: Calendars = NO_CALENDARS): Decision {
  const evaluation = evaluateSchedule(row, calendars, instant);
  const { targetKPU } = evaluation;
  const peak = targetKPU > row.lowKPU;
  const currentKPU = kpuFor(app.parallelism, app.parallelismPerKPU);
  const figures: DecisionFigures = {
    status: app.status,
    peak,
    rule: evaluation.rule,
    localTime: evaluation.localTime,
    currentKPU,
    targetKPU,
    parallelism: app.parallelism,
    parallelismPerKPU: app.parallelismPerKPU,
  };
  const period = periodOf(row, evaluation, peak);
  const warnings = evaluation.warnings.map((warning) => warning.message);

  if (app.status !== RUNNING) {
    return { action: 'skip', reason: notRunningReason(app.status), figures, warnings };
  }
  if (currentKPU === targetKPU) {
    // The autoscaling choice travels with a scaling update only: switching it alone would be
    // an extra UpdateApplication (and restart) the schedule did not ask for. Say so.
    const wanted = autoScalingFor(row.autoScaling, app.autoScalingEnabled);
    const pending =
      wanted === app.autoScalingEnabled
        ? ''
        : `; autoscaling is ${app.autoScalingEnabled ? 'on' : 'off'} and is turned ${wanted ? 'on' : 'off'} (autoScaling: ${row.autoScaling}) with the next scaling`;
    return {
      action: 'keep',
      reason: `${period}: already at ${targetKPU} KPU (parallelism ${app.parallelism}, ${app.parallelismPerKPU} per KPU)${pending}`,
      figures,
      warnings,
    };
  }
  const parallelism = parallelismFor(targetKPU, app.parallelismPerKPU);
  return {
    action: 'scale',
    reason: `${period}: ${currentKPU} -> ${targetKPU} KPU (parallelism ${app.parallelism} -> ${parallelism}, ${app.parallelismPerKPU} per KPU)`,
    figures,
    warnings,
    plan: {
      appName: app.name,
      parallelism,
      parallelismPerKPU: app.parallelismPerKPU,
      autoScalingEnabled: autoScalingFor(row.autoScaling, app.autoScalingEnabled),
      conditionalToken: app.conditionalToken,
      versionId: app.versionId,
    },
  };
}

export type { Decision, DecisionBase, DecisionFigures, ScalePlan };
export { decide };
