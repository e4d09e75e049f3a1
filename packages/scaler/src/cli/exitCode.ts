import { ExitCode } from '@msf-scaler/commons';
import { FAILING_OUTCOMES, Outcome } from '../core/outcome';
import type { RunSummary } from '../run/types';

/**
 * Exit code of a finished run: 1 (FAILED) as soon as one row is invalid or errored, or was not
 * reached before `--deadline`; else 0 (OK).
 */
function exitCodeFor(summary: RunSummary): ExitCode {
  return summary.outcomes.some(({ outcome }) => FAILING_OUTCOMES.has(outcome) || outcome === Outcome.DEFERRED)
    ? ExitCode.FAILED
    : ExitCode.OK;
}

export { exitCodeFor };
