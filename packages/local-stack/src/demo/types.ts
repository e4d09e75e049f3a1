import type { Outcome, TimelineData } from '@msf-scaler/scaler';

/** Rendering options shared by the demo's renderers. */
interface RenderOptions {
  /** ANSI colours (only when stdout is a TTY and NO_COLOR is unset). @default false */
  readonly colour?: boolean;
}

/** A row the scaler did not scale or keep, with how often and why. */
interface RowNote {
  readonly rowId: string;
  readonly outcome: Outcome;
  /** Runs that ended this row with this outcome. */
  readonly runs: number;
  /** The reason of the first such run. */
  readonly reason: string;
}

/**
 * A stretch of runs in which an override or a holiday (not a window) decided a row's target,
 * e.g. `override until 2026-11-27T18:00:00Z (Black Friday promotion, by ops)` from 06:00 to
 * 18:00, when it expired.
 */
interface RuleNote {
  readonly rowId: string;
  /** The rule as every outcome reports it. */
  readonly rule: string;
  /** The target it set (a holiday's is lowKPU). */
  readonly targetKPU: number;
  /** The first run it decided. */
  readonly from: Date;
  /** The first run it no longer decided, or the end of the simulation. */
  readonly to: Date;
  /** An override that stopped deciding because it expired (the runs after it warn about it). */
  readonly expired?: true;
}

/** KPU-hours of one scheduled application. */
interface AppKpuHours {
  readonly name: string;
  readonly used: number;
  /** Its highest KPU (highKPU, its highest window or override) x hours: peak capacity around the clock. */
  readonly atHigh: number;
}

/** Everything the demo prints, computed from the simulation; rendered by `renderDemo`. */
interface DemoReport {
  readonly timeline: TimelineData;
  readonly hours: number;
  /** Outcome counts summed over every run. */
  readonly outcomeTotals: Readonly<Record<string, number>>;
  readonly rowNotes: readonly RowNote[];
  /** The overrides and holidays that decided a target, in time order. */
  readonly ruleNotes: readonly RuleNote[];
  readonly kpuHours: readonly AppKpuHours[];
}

export type { AppKpuHours, DemoReport, RenderOptions, RowNote, RuleNote };
