import type { RowIssue } from '@msf-scaler/schema';
import type { Outcome } from '../core/outcome';

/** How one row ended a run, with the reason and the figures behind it. */
interface RowOutcome {
  /** The row's appName, or `row #N` when it has none. */
  readonly rowId: string;
  readonly outcome: Outcome;
  /** One human sentence: why this outcome. */
  readonly reason: string;
  readonly status?: string;
  readonly peak?: boolean;
  /** The schedule rule that decided the target, e.g. `window 08:00-20:00 Europe/Berlin MON-FRI`. */
  readonly rule?: string;
  readonly localTime?: string;
  readonly currentKPU?: number;
  readonly targetKPU?: number;
  readonly parallelism?: number;
  readonly targetParallelism?: number;
  readonly parallelismPerKPU?: number;
  readonly autoScalingEnabled?: boolean;
  readonly operationId?: string;
  /** Schema issues of an invalid row. */
  readonly issues?: readonly RowIssue[];
  /** Unknown attributes and other remarks that did not stop the row. */
  readonly warnings: readonly string[];
  /** AWS error name of an `error` or `busy` outcome. */
  readonly errorCode?: string;
  /**
   * An `error` from throttling, a 5xx or a timeout, after the call's retries: nothing is wrong
   * with the row or the application, and the run tries the row once more at its end.
   */
  readonly transient?: true;
  /**
   * Set on a `scaled` outcome of a dry run (`plan`): the row would be scaled, and nothing was
   * sent. Absent on every other outcome.
   */
  readonly dryRun?: true;
  /** With {@link RowOutcome.dryRun}: the scaling the row would get; `outcome` stays `scaled` for compatibility. */
  readonly wouldScale?: true;
}

/** A shared holiday calendar the run read from the table (a `calendar:<name>` item). */
interface CalendarSummary {
  /** `calendar:<name>`. */
  readonly rowId: string;
  /** How many dates it lists. */
  readonly dates: number;
  readonly warnings: readonly string[];
}

/** What a whole run did. */
interface RunSummary {
  readonly table: string;
  /** The instant the schedule was evaluated at (ISO-8601). */
  readonly at: string;
  readonly dryRun: boolean;
  /** The valid calendar items of the table (an invalid one is an `invalid` outcome instead). */
  readonly calendars: readonly CalendarSummary[];
  /** Rows with an outcome: the application rows and the invalid calendar items. */
  readonly total: number;
  readonly counts: Readonly<Record<Outcome, number>>;
  /** Most rows the run had in flight at once (it adapts to throttling, up to its maximum). */
  readonly peakConcurrency: number;
  /** One per row, in scan order. */
  readonly outcomes: readonly RowOutcome[];
}

export type { CalendarSummary, RowOutcome, RunSummary };
