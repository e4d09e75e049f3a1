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
}

/** What a whole run did. */
interface RunSummary {
  readonly table: string;
  /** The instant the schedule was evaluated at (ISO-8601). */
  readonly at: string;
  readonly dryRun: boolean;
  readonly total: number;
  readonly counts: Readonly<Record<Outcome, number>>;
  /** Most rows the run had in flight at once (it adapts to throttling, up to its maximum). */
  readonly peakConcurrency: number;
  /** One per row, in scan order. */
  readonly outcomes: readonly RowOutcome[];
}

export type { RowOutcome, RunSummary };
