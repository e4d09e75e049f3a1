import type { ApplicationsPort } from '../adapters/msfApplications';
import {
  BackoffPolicy,
  failedScalingBeforeStop,
  isFailedAttemptAt,
  type ScalingAttempt,
  stoppedAfterFailureReason,
} from '../core/operationHistory';

/**
 * Reading MSF's operation history for one application: what the back-off and the
 * stopped-after-failure check need during a run, and what `show` displays.
 */

/**
 * The failed attempts in a row to reach `parallelism`, newest first, read from MSF: one
 * ListApplicationOperations call, and for each failed update (at most {@link BackoffPolicy.MAX_ATTEMPTS_READ})
 * its details, until the run of failures at this target ends.
 */
async function failedAttemptsAt(
  applications: ApplicationsPort,
  appName: string,
  parallelism: number,
): Promise<ScalingAttempt[]> {
  const updates = await applications.operations(appName, {
    operation: 'UpdateApplication',
    limit: BackoffPolicy.MAX_ATTEMPTS_READ,
  });
  const failures: ScalingAttempt[] = [];
  for (const operation of updates) {
    if (operation.status !== 'FAILED') break;
    const attempt = await applications.scalingAttempt(appName, operation);
    if (!isFailedAttemptAt(attempt, parallelism)) break;
    failures.push(attempt);
  }
  return failures;
}

/**
 * The reason a READY application is an `error`: when its newest operations show a failed scaling
 * left it stopped. Undefined when people stopped it (it stays `skipped`).
 */
async function stoppedByFailedScaling(applications: ApplicationsPort, appName: string): Promise<string | undefined> {
  const found = failedScalingBeforeStop(await applications.operations(appName, { limit: 2 }));
  if (found === undefined) return undefined;
  const attempt = await applications.scalingAttempt(appName, found.update);
  return stoppedAfterFailureReason(appName, attempt, found.rollbackFailed);
}

/**
 * The application's most recent UpdateApplication operations, newest first, each with how it
 * ended and the parallelism it set out to reach: for display (`show`), never called by a run.
 * Costs one ListApplicationOperations and two calls per operation.
 */
async function recentScalings(
  applications: ApplicationsPort,
  appName: string,
  count: number,
): Promise<ScalingAttempt[]> {
  const updates = await applications.operations(appName, { operation: 'UpdateApplication', limit: count });
  const attempts: ScalingAttempt[] = [];
  for (const operation of updates) attempts.push(await applications.scalingAttempt(appName, operation));
  return attempts;
}

export { failedAttemptsAt, recentScalings, stoppedByFailedScaling };
