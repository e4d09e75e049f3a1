import { FAILING_OUTCOMES } from '../core/outcome';
import type { RunSummary } from '../run/types';

/** The CLI's exit codes. */
const ExitCode = {
  /** Every row ended scaled, unchanged, skipped or busy. */
  OK: 0,
  /** A row is invalid or errored, or the run could not happen. */
  FAILED: 1,
  /** The command line is wrong; the usage text was printed. */
  USAGE: 2,
} as const;

type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Exit code of a finished run: 1 as soon as one row is invalid or errored. */
function exitCodeFor(summary: RunSummary): ExitCode {
  return summary.outcomes.some(({ outcome }) => FAILING_OUTCOMES.has(outcome)) ? ExitCode.FAILED : ExitCode.OK;
}

export { ExitCode, exitCodeFor };
