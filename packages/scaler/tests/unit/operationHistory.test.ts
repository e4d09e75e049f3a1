import fc from 'fast-check';
import {
  BackoffPolicy,
  backoffDelayMs,
  backoffReason,
  backoffVerdict,
  describeScaling,
  failedScalingBeforeStop,
  isFailedAttemptAt,
  type OperationRecord,
  retryNote,
  type ScalingAttempt,
  stoppedAfterFailureReason,
} from '../../src/core/operationHistory';

const HOUR_MS = 3_600_000;
const T0 = Date.parse('2026-11-30T08:00:00Z');

function anAttempt(overrides: Partial<ScalingAttempt> = {}): ScalingAttempt {
  return {
    operation: 'UpdateApplication',
    operationId: 'op-1',
    status: 'FAILED',
    startTime: new Date(T0),
    parallelism: 8,
    errorString: 'Parallelism 8 exceeds maxParallelism 4',
    ...overrides,
  };
}

/** An attempt without one of its optional details. */
function anAttemptWithout(key: 'parallelism' | 'errorString'): ScalingAttempt {
  const attempt: Partial<ScalingAttempt> = { ...anAttempt() };
  delete attempt[key];
  return attempt as ScalingAttempt;
}

function anOperation(operation: string, status: string, operationId = `${operation}-${status}`): OperationRecord {
  return { operation, operationId, status, startTime: new Date(T0) };
}

describe('Function: backoffDelayMs', () => {
  it.each([
    [0, 0],
    [1, 1],
    [2, 2],
    [3, 4],
    [4, 8],
    [5, 16],
    [6, 24],
    [7, 24],
    [1000, 24],
  ])('waits %i failures → %i h', (failures, hours) => {
    expect(backoffDelayMs(failures)).toBe(hours * HOUR_MS);
  });
});

describe('Function: isFailedAttemptAt', () => {
  it.each([
    ['a failed attempt at the target', anAttempt(), true],
    ['a failed attempt at another target', anAttempt({ parallelism: 4 }), false],
    ['a failed attempt whose version MSF no longer has', anAttemptWithout('parallelism'), false],
    ['a successful attempt at the target', anAttempt({ status: 'SUCCESSFUL' }), false],
    ['a cancelled attempt', anAttempt({ status: 'CANCELLED' }), false],
    ['one in progress', anAttempt({ status: 'IN_PROGRESS' }), false],
  ])('%s → %s', (_, attempt, expected) => {
    expect(isFailedAttemptAt(attempt as ScalingAttempt, 8)).toBe(expected);
  });
});

describe('Function: backoffVerdict', () => {
  it.each([
    ['no failure', [], T0, false],
    ['1 failure, 30 min later', [anAttempt()], T0 + 0.5 * HOUR_MS, true],
    ['1 failure, 45 min later (the slack)', [anAttempt()], T0 + 0.75 * HOUR_MS, false],
    ['1 failure, 1 h later', [anAttempt()], T0 + HOUR_MS, false],
    ['2 failures, 1 h after the last', [anAttempt(), anAttempt()], T0 + HOUR_MS, true],
    ['2 failures, 2 h after the last', [anAttempt(), anAttempt()], T0 + 2 * HOUR_MS, false],
    [
      '9 failures, 23 h 45 min after the last',
      Array.from({ length: 9 }, () => anAttempt()),
      T0 + 23.75 * HOUR_MS,
      false,
    ],
    ['9 failures, 23 h after the last', Array.from({ length: 9 }, () => anAttempt()), T0 + 23 * HOUR_MS, true],
  ])('%s → wait %s', (_, failures, now, wait) => {
    expect(backoffVerdict(failures as ScalingAttempt[], new Date(now)).wait).toBe(wait);
  });

  it('says when the next attempt is due and after how many failures', () => {
    // Act
    const verdict = backoffVerdict([anAttempt(), anAttempt()], new Date(T0 + HOUR_MS));

    // Assess
    expect(verdict).toMatchObject({ wait: true, failures: 2, retryAt: new Date('2026-11-30T09:45:00Z') });
  });

  it('tries an always-failing update at hours 0, 1, 3, 7, 15 and 31 of hourly runs, then daily, whatever minute each run reaches the row', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 * 60_000 }), { minLength: 80, maxLength: 80 }), (lateness) => {
        // Prepare: run h reaches the row `lateness[h]` ms after the hour; every update fails.
        const history: ScalingAttempt[] = [];
        const attemptHours: number[] = [];

        // Act
        lateness.forEach((late, hour) => {
          const now = T0 + hour * HOUR_MS + late;
          if (!backoffVerdict(history, new Date(now)).wait) {
            attemptHours.push(hour);
            history.unshift(anAttempt({ startTime: new Date(now) }));
          }
        });

        // Assess
        expect(attemptHours).toEqual([0, 1, 3, 7, 15, 31, 55, 79]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('Function: backoffReason and retryNote', () => {
  it('names the operation, its time, the rollback and MSF error, and when and how to try sooner', () => {
    // Prepare
    const verdict = backoffVerdict([anAttempt({ rollbackOperationId: 'rb-1' })], new Date(T0 + 10 * 60_000));
    if (!verdict.wait) throw new Error('expected the back-off to hold');

    // Act
    const reason = backoffReason(verdict, 8);

    // Assess
    expect(reason).toBe(
      'not scaled: the last attempt to reach 8 KPU failed: operation op-1 at 2026-11-30T08:00:00.000Z ' +
        '(rolled back by operation rb-1; the application kept its previous configuration): Parallelism 8 exceeds maxParallelism 4; ' +
        'the next attempt is not before 2026-11-30T08:45:00.000Z (back-off 1 h, doubling with each failure up to 24 h); ' +
        "fix the cause, or change the row's target to try at once",
    );
  });

  it('notes a retry after failures, and nothing when there were none', () => {
    // Act
    const after = retryNote(backoffVerdict([anAttemptWithout('errorString')], new Date(T0 + HOUR_MS)));
    const none = retryNote(backoffVerdict([], new Date(T0)));

    // Assess
    expect(after).toBe(
      '; retrying after 1 failed attempt (last operation op-1 at 2026-11-30T08:00:00.000Z: MSF gave no error string)',
    );
    expect(none).toBe('');
  });
});

describe('Function: failedScalingBeforeStop', () => {
  it.each([
    ['a failed update', [anOperation('UpdateApplication', 'FAILED')], 'UpdateApplication-FAILED', false],
    [
      'a failed rollback of a failed update',
      [anOperation('RollbackApplication', 'FAILED'), anOperation('UpdateApplication', 'FAILED')],
      'UpdateApplication-FAILED',
      true,
    ],
    [
      'a stop by people',
      [anOperation('StopApplication', 'SUCCESSFUL'), anOperation('UpdateApplication', 'FAILED')],
      undefined,
      false,
    ],
    ['a successful update', [anOperation('UpdateApplication', 'SUCCESSFUL')], undefined, false],
    ['a failed rollback alone', [anOperation('RollbackApplication', 'FAILED')], undefined, false],
    ['a failed start', [anOperation('StartApplication', 'FAILED')], undefined, false],
    ['no history', [], undefined, false],
  ])('%s → %s', (_, operations, updateId, rollbackFailed) => {
    // Act
    const found = failedScalingBeforeStop(operations as OperationRecord[]);

    // Assess
    expect(found?.update.operationId).toBe(updateId);
    if (found !== undefined) expect(found.rollbackFailed).toBe(rollbackFailed);
  });

  it('words the stopped application’s error with the command that starts it again', () => {
    // Act
    const reason = stoppedAfterFailureReason('orders', anAttempt(), true);

    // Assess
    expect(reason).toBe(
      'application is READY (stopped) after a failed scaling at 2026-11-30T08:00:00.000Z, operation op-1, ' +
        'and its system rollback failed too: Parallelism 8 exceeds maxParallelism 4; start it again ' +
        '(aws kinesisanalyticsv2 start-application --application-name orders) once the cause is fixed; the scaler resumes with the next run',
    );
  });
});

describe('Constant: BackoffPolicy', () => {
  it('reads back far enough for the longest wait', () => {
    expect(backoffDelayMs(BackoffPolicy.MAX_ATTEMPTS_READ)).toBe(BackoffPolicy.MAX_MS);
  });
});

describe('Function: describeScaling', () => {
  const END = new Date(T0 + 4 * 60_000 + 10_000);

  it.each([
    [
      'a successful update',
      { status: 'SUCCESSFUL', endTime: END },
      'updated to 4 KPU (parallelism 8): started 2026-11-30 08:00:00 UTC, finished 2026-11-30 08:04:10 UTC',
    ],
    [
      'a failure rolled back',
      { endTime: END, rollbackOperationId: 'rb-1' },
      'failed to update to 4 KPU (parallelism 8): started 2026-11-30 08:00:00 UTC, failed 2026-11-30 08:04:10 UTC, ' +
        'rolled back by operation rb-1: Parallelism 8 exceeds maxParallelism 4',
    ],
    [
      'a failure not rolled back',
      { endTime: END },
      'failed to update to 4 KPU (parallelism 8): started 2026-11-30 08:00:00 UTC, failed 2026-11-30 08:04:10 UTC, ' +
        'not rolled back (without system rollback the application stops): Parallelism 8 exceeds maxParallelism 4',
    ],
    [
      'one in progress',
      { status: 'IN_PROGRESS' },
      'updating to 4 KPU (parallelism 8): started 2026-11-30 08:00:00 UTC, still in progress',
    ],
    [
      'a cancelled one',
      { status: 'CANCELLED', endTime: END },
      'update to 4 KPU (parallelism 8) cancelled: started 2026-11-30 08:00:00 UTC, cancelled 2026-11-30 08:04:10 UTC',
    ],
  ])('words %s', (_, overrides, text) => {
    // Act & Assess: 2 parallelism per KPU.
    expect(describeScaling(anAttempt(overrides as Partial<ScalingAttempt>), 2)).toBe(text);
  });

  it('says so when MSF no longer keeps the version the update created', () => {
    // Act & Assess
    expect(describeScaling({ ...anAttemptWithout('parallelism'), status: 'SUCCESSFUL' }, 1)).toBe(
      'updated to a configuration MSF no longer keeps: started 2026-11-30 08:00:00 UTC, finished at an unknown time',
    );
  });
});
