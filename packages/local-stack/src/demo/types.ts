import type { Outcome } from '@msf-scaler/scaler';

/** One hour of one application on the timeline. */
interface TimelineCell {
  /** KPUs in use during the hour (after that hour's run); `null` when the application is not running. */
  readonly kpu: number | null;
  /** The run at the start of the hour scaled the application up or down. */
  readonly event?: 'up' | 'down';
}

/** One line of the timeline. */
interface TimelineApp {
  readonly name: string;
  /** Text printed after the bar, e.g. the schedule: `1-4 KPU, 08:00-20:00 UTC every day`. */
  readonly label: string;
  /** One cell per hour, from `start`. */
  readonly cells: readonly TimelineCell[];
}

/** What {@link renderTimeline} draws: hour columns from `start` (UTC), one line per application. */
interface TimelineData {
  /** Instant of the first column; columns are whole UTC hours. */
  readonly start: Date;
  readonly apps: readonly TimelineApp[];
  /** KPU drawn as a full block. @default the largest KPU in the cells */
  readonly maxKpu?: number;
}

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

/** KPU-hours of one scheduled application. */
interface AppKpuHours {
  readonly name: string;
  readonly used: number;
  /** highKPU x hours: what keeping it at peak capacity around the clock costs. */
  readonly atHigh: number;
}

/** Everything the demo prints, computed from the simulation; rendered by `renderDemo`. */
interface DemoReport {
  readonly timeline: TimelineData;
  readonly hours: number;
  /** Outcome counts summed over every run. */
  readonly outcomeTotals: Readonly<Record<string, number>>;
  readonly rowNotes: readonly RowNote[];
  readonly kpuHours: readonly AppKpuHours[];
}

export type { AppKpuHours, DemoReport, RenderOptions, RowNote, TimelineApp, TimelineCell, TimelineData };
