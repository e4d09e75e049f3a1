import { kpuFor } from './kpu';

/**
 * What MSF's operation history says about failed scalings: the back-off, and an application
 * left stopped by one.
 *
 * The back-off is derived from MSF's own operation history so the scaler keeps no
 * state: after `n` failed attempts in a row to reach one parallelism, the next attempt waits
 * 1 h × 2^(n−1), at most 24 h, counted from the last attempt's start. With hourly runs an
 * application whose updates always fail is tried after 0, 1, 3, 7, 15 and 31 hours, then daily.
 */

/** One operation MSF ran on an application (ListApplicationOperations' `ApplicationOperationInfo`). */
interface OperationRecord {
  /** The API operation: UpdateApplication, StartApplication, StopApplication, RollbackApplication, ... */
  readonly operation: string;
  readonly operationId: string;
  /** MSF's OperationStatus: IN_PROGRESS, SUCCESSFUL, FAILED or CANCELLED. */
  readonly status: string;
  readonly startTime: Date;
  readonly endTime?: Date;
}

/** One UpdateApplication with the details DescribeApplicationOperation and DescribeApplicationVersion add. */
interface ScalingAttempt extends OperationRecord {
  /** The parallelism the update set out to reach (from the version it created), when MSF still has it. */
  readonly parallelism?: number;
  /** MSF's `ErrorInfo.ErrorString` of a failed update. */
  readonly errorString?: string;
  /** Set when MSF ran a system rollback after the failure (the application kept running). */
  readonly rollbackOperationId?: string;
}

/** The back-off's timing. */
const BackoffPolicy = {
  /** Wait after the first failed attempt. */
  FIRST_MS: 60 * 60 * 1000,
  /** Longest wait, however many attempts failed. */
  MAX_MS: 24 * 60 * 60 * 1000,
  /**
   * A run may reach a row a few minutes earlier in the hour than the run before it did (rows run
   * in parallel, in alternating order): a retry is due this much before the exact wait is over,
   * a quarter of the hourly period, so an hourly run never misses its turn by seconds.
   */
  SLACK_MS: 15 * 60 * 1000,
  /** Most failed attempts the history is read back for; the wait is at its maximum by then. */
  MAX_ATTEMPTS_READ: 6,
} as const;

/** What the back-off says about sending an update now. */
type BackoffVerdict =
  | {
      readonly wait: false;
      /** Failed attempts in a row at this target before now (0: none). */
      readonly failures: number;
      readonly last?: ScalingAttempt;
    }
  | {
      readonly wait: true;
      readonly failures: number;
      readonly last: ScalingAttempt;
      /** The earliest instant the next attempt is made (the wait less the slack). */
      readonly retryAt: Date;
      readonly delayMs: number;
    };

/** The wait after `failures` failed attempts in a row (1 h, 2 h, 4 h, ... at most 24 h); 0 for none. */
function backoffDelayMs(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(BackoffPolicy.MAX_MS, BackoffPolicy.FIRST_MS * 2 ** Math.min(failures - 1, 30));
}

/**
 * Whether `attempt` continues a run of failures to reach `parallelism`: reading an application's
 * UpdateApplication operations newest first, the failed attempts in a row are those for which
 * this holds, up to the first for which it does not (a successful, cancelled or in-progress
 * update, or one with another target).
 */
function isFailedAttemptAt(attempt: ScalingAttempt, parallelism: number): boolean {
  return attempt.status === 'FAILED' && attempt.parallelism === parallelism;
}

/**
 * Whether an update to a target may be sent at `now`, given the failed attempts in a row to
 * reach that target (newest first; see {@link isFailedAttemptAt}).
 *
 * @example
 * backoffVerdict([failedAt('08:00')], new Date('2026-12-01T08:30:00Z'));
 * // { wait: true, failures: 1, retryAt: 08:45 (1 h less the 15 min slack), ... }
 */
function backoffVerdict(failures: readonly ScalingAttempt[], now: Date): BackoffVerdict {
  const last = failures[0];
  if (last === undefined) return { wait: false, failures: 0 };
  const delayMs = backoffDelayMs(failures.length);
  const retryAt = new Date(last.startTime.getTime() + delayMs - BackoffPolicy.SLACK_MS);
  if (now.getTime() >= retryAt.getTime()) return { wait: false, failures: failures.length, last };
  return { wait: true, failures: failures.length, last, retryAt, delayMs };
}

/** `operation X at T (rolled back by operation Y): <error>`, for reasons. */
function describeFailedAttempt(attempt: ScalingAttempt): string {
  const rollback =
    attempt.rollbackOperationId === undefined
      ? ''
      : ` (rolled back by operation ${attempt.rollbackOperationId}; the application kept its previous configuration)`;
  const error = attempt.errorString === undefined ? 'MSF gave no error string' : attempt.errorString;
  return `operation ${attempt.operationId} at ${attempt.startTime.toISOString()}${rollback}: ${error}`;
}

/** `2 h`, `24 h`: a whole number of hours for a back-off delay. */
function hours(ms: number): string {
  return `${Math.round(ms / 3_600_000)} h`;
}

/** The reason of a row held back by the back-off. */
function backoffReason(verdict: Extract<BackoffVerdict, { wait: true }>, targetKPU: number): string {
  const failed =
    verdict.failures === 1
      ? `the last attempt to reach ${targetKPU} KPU failed:`
      : `${verdict.failures} attempts in a row to reach ${targetKPU} KPU failed, the last:`;
  return (
    `not scaled: ${failed} ${describeFailedAttempt(verdict.last)}; ` +
    `the next attempt is not before ${verdict.retryAt.toISOString()} (back-off ${hours(verdict.delayMs)}, ` +
    `doubling with each failure up to ${hours(BackoffPolicy.MAX_MS)}); fix the cause, or change the row's target to try at once`
  );
}

/** What a scale reason adds when the update retries a target that failed before. */
function retryNote(verdict: BackoffVerdict): string {
  if (verdict.last === undefined || verdict.failures === 0) return '';
  return `; retrying after ${verdict.failures} failed attempt${verdict.failures === 1 ? '' : 's'} (last ${describeFailedAttempt(verdict.last)})`;
}

/**
 * The failed scaling that left an application stopped, if that is what its history says: the
 * newest operation is a failed UpdateApplication (no system rollback), or a failed
 * RollbackApplication right after one. Anything else (a StopApplication, a successful update)
 * means people or another tool stopped it: `undefined`.
 *
 * @param operations the application's operations, newest first (at least the newest two)
 */
function failedScalingBeforeStop(
  operations: readonly OperationRecord[],
): { readonly update: OperationRecord; readonly rollbackFailed: boolean } | undefined {
  const [newest, previous] = operations;
  if (newest?.status !== 'FAILED') return undefined;
  if (newest.operation === 'UpdateApplication') return { update: newest, rollbackFailed: false };
  if (
    newest.operation === 'RollbackApplication' &&
    previous?.operation === 'UpdateApplication' &&
    previous.status === 'FAILED'
  ) {
    return { update: previous, rollbackFailed: true };
  }
  return undefined;
}

/** The reason of an application left READY (stopped) by a failed scaling. */
function stoppedAfterFailureReason(appName: string, attempt: ScalingAttempt, rollbackFailed: boolean): string {
  const rollback = rollbackFailed ? ', and its system rollback failed too' : '';
  const error = attempt.errorString === undefined ? 'MSF gave no error string' : attempt.errorString;
  return (
    `application is READY (stopped) after a failed scaling at ${attempt.startTime.toISOString()}, ` +
    `operation ${attempt.operationId}${rollback}: ${error}; start it again ` +
    `(aws kinesisanalyticsv2 start-application --application-name ${appName}) once the cause is fixed; the scaler resumes with the next run`
  );
}

/** `2026-11-30 08:04:12 UTC`: an operation time, to the second. */
function whenOf(instant: Date): string {
  return `${instant.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/**
 * How one UpdateApplication ended, in words, for an operator:
 * `scaled to 8 KPU (parallelism 8): started 2026-11-30 08:00:02 UTC, finished 08:04:10 UTC`, or
 * `failed to scale to 8 KPU (parallelism 8): started ..., failed ..., rolled back by operation X: <error>`.
 *
 * @param parallelismPerKPU the application's, to turn the attempted parallelism into KPU
 */
function describeScaling(attempt: ScalingAttempt, parallelismPerKPU: number): string {
  const target =
    attempt.parallelism === undefined
      ? 'a configuration MSF no longer keeps'
      : `${kpuFor(attempt.parallelism, parallelismPerKPU)} KPU (parallelism ${attempt.parallelism})`;
  const started = `started ${whenOf(attempt.startTime)}`;
  const ended = attempt.endTime === undefined ? undefined : whenOf(attempt.endTime);
  const error = attempt.errorString ?? 'MSF gave no error string';
  switch (attempt.status) {
    case 'SUCCESSFUL':
      return `updated to ${target}: ${started}, finished ${ended ?? 'at an unknown time'}`;
    case 'FAILED': {
      const rollback =
        attempt.rollbackOperationId === undefined
          ? 'not rolled back (without system rollback the application stops)'
          : `rolled back by operation ${attempt.rollbackOperationId}`;
      return `failed to update to ${target}: ${started}, failed ${ended ?? 'at an unknown time'}, ${rollback}: ${error}`;
    }
    case 'IN_PROGRESS':
      return `updating to ${target}: ${started}, still in progress`;
    case 'CANCELLED':
      return `update to ${target} cancelled: ${started}${ended === undefined ? '' : `, cancelled ${ended}`}`;
    default:
      return `update to ${target}: ${started}, status ${attempt.status}`;
  }
}

export type { BackoffVerdict, OperationRecord, ScalingAttempt };
export {
  BackoffPolicy,
  backoffDelayMs,
  backoffReason,
  backoffVerdict,
  describeFailedAttempt,
  describeScaling,
  failedScalingBeforeStop,
  isFailedAttemptAt,
  retryNote,
  stoppedAfterFailureReason,
};
