import { ExitCode } from '@msf-scaler/commons';
import { FAILING_OUTCOMES, Outcome, type RunSummary } from '@msf-scaler/scaler';
import type { ValidationReport } from './validate/types';

/**
 * Exit code of a finished run: 1 (FAILED) as soon as one row is invalid or errored, or was not
 * reached before `--deadline`; else 0 (OK).
 *
 * @example
 * process.exitCode = exitCodeFor(summary);
 */
function exitCodeFor(summary: RunSummary): ExitCode {
  return summary.outcomes.some(({ outcome }) => FAILING_OUTCOMES.has(outcome) || outcome === Outcome.DEFERRED)
    ? ExitCode.FAILED
    : ExitCode.OK;
}

/**
 * Exit code of `validate`: 1 (FAILED) when a row is invalid, an input could not be read, or
 * (with `--strict`) a row has a warning; else 0 (OK).
 *
 * @example
 * process.exitCode = exitCodeForValidation(report);
 */
function exitCodeForValidation(report: ValidationReport): ExitCode {
  return report.valid ? ExitCode.OK : ExitCode.FAILED;
}

export { exitCodeFor, exitCodeForValidation };
