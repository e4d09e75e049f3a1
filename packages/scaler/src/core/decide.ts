import type { AutoScalingMode, Row } from '@msf-scaler/schema';
import { kpuFor, parallelismFor } from './kpu';
import { type AppSnapshot, RUNNING } from './snapshot';
import { describeWindow, evaluatePeak } from './window';

/** The figures behind a decision, reported with every outcome. */
interface DecisionFigures {
  readonly status: string;
  readonly peak: boolean;
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

/**
 * The decision for one row at one instant.
 * - `skip`: leave the application alone (not RUNNING).
 * - `keep`: it already runs at the target KPU.
 * - `scale`: call UpdateApplication with `plan`.
 */
type Decision =
  | { readonly action: 'skip'; readonly reason: string; readonly figures: DecisionFigures }
  | { readonly action: 'keep'; readonly reason: string; readonly figures: DecisionFigures }
  | {
      readonly action: 'scale';
      readonly reason: string;
      readonly figures: DecisionFigures;
      readonly plan: ScalePlan;
    };

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

/**
 * Decides what to do with one application for one row at one instant. Pure: the same
 * inputs always give the same decision, and nothing is read from the clock or the env.
 *
 * The current KPU comes from the *configured* Parallelism (what autoscaling never goes
 * below), never from CurrentParallelism, and the app's ParallelismPerKPU is kept.
 *
 * @example
 * decide(row, snapshot, new Date('2026-11-27T10:00:00Z'));
 * // { action: 'scale', reason: 'peak ...: 1 -> 4 KPU ...', plan: { parallelism: 4, ... } }
 */
function decide(row: Row, app: AppSnapshot, instant: Date): Decision {
  const evaluation = evaluatePeak(row, instant);
  const targetKPU = evaluation.peak ? row.highKPU : row.lowKPU;
  const currentKPU = kpuFor(app.parallelism, app.parallelismPerKPU);
  const figures: DecisionFigures = {
    status: app.status,
    peak: evaluation.peak,
    localTime: evaluation.localTime,
    currentKPU,
    targetKPU,
    parallelism: app.parallelism,
    parallelismPerKPU: app.parallelismPerKPU,
  };
  const period = `${evaluation.peak ? 'peak' : 'off-peak'} (${describeWindow(row)}; local ${evaluation.localTime})`;

  if (app.status !== RUNNING) {
    return { action: 'skip', reason: notRunningReason(app.status), figures };
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
    };
  }
  const parallelism = parallelismFor(targetKPU, app.parallelismPerKPU);
  return {
    action: 'scale',
    reason: `${period}: ${currentKPU} -> ${targetKPU} KPU (parallelism ${app.parallelism} -> ${parallelism}, ${app.parallelismPerKPU} per KPU)`,
    figures,
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

export type { Decision, DecisionFigures, ScalePlan };
export { decide };
