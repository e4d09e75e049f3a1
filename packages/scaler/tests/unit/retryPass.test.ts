import { ServiceUnavailableException } from '@aws-sdk/client-kinesis-analytics-v2';
import type { ApplicationsPort } from '../../src/adapters/msfApplications';
import { toMsfError } from '../../src/adapters/msfApplications';
import { Outcome } from '../../src/core/outcome';
import { isTransientFailure } from '../../src/errors';
import { reconcile } from '../../src/run/reconcile';
import type { RowOutcome } from '../../src/run/types';
import { anItem, aSnapshot, PEAK_INSTANT } from '../helpers/fixtures';

function unavailable(appName: string) {
  return toMsfError(
    new ServiceUnavailableException({ message: 'Service Unavailable', $metadata: { httpStatusCode: 503 } }),
    appName,
    'DescribeApplication',
  );
}

/** A fake MSF whose DescribeApplication of `flaky` apps fails `failures` times, then answers. */
function flakyApplications(failures: Readonly<Record<string, number>>, onDescribe: () => void = () => {}) {
  const left = new Map(Object.entries(failures));
  const updates: string[] = [];
  const applications: ApplicationsPort = {
    async describe(appName) {
      await Promise.resolve();
      onDescribe();
      const remaining = left.get(appName) ?? 0;
      if (remaining > 0) {
        left.set(appName, remaining - 1);
        throw unavailable(appName);
      }
      return aSnapshot({ name: appName, parallelism: 1 });
    },
    async update(plan) {
      updates.push(plan.appName);
      return 'op';
    },
    async operations() {
      return [];
    },
    async scalingAttempt() {
      throw new Error('no failed operation to describe');
    },
  };
  return { applications, updates };
}

const items = ['a', 'flaky', 'b', 'down'].map((appName) => anItem({ appName }));

describe('Function: reconcile, the end-of-run retry of transient failures', () => {
  it('tries a row once more at the end of the run after a 5xx, and reports each row once', async () => {
    // Prepare
    const world = flakyApplications({ flaky: 1, down: 99 });
    const heard: RowOutcome[] = [];

    // Act
    const summary = await reconcile({
      items: [...items],
      applications: world.applications,
      instant: PEAK_INSTANT,
      table: 't',
      onOutcome: (outcome) => heard.push(outcome),
    });

    // Assess
    expect(summary.outcomes.map(({ rowId, outcome }) => [rowId, outcome])).toEqual([
      ['a', Outcome.SCALED],
      ['flaky', Outcome.SCALED],
      ['b', Outcome.SCALED],
      ['down', Outcome.ERROR],
    ]);
    expect(summary.outcomes[3]).toMatchObject({ errorCode: 'ServiceUnavailableException', transient: true });
    expect(heard.map(({ rowId }) => rowId).sort()).toEqual(['a', 'b', 'down', 'flaky']);
    expect(world.updates.sort()).toEqual(['a', 'b', 'flaky']);
  });

  it('keeps the first error of a row the deadline leaves no time to retry', async () => {
    // Prepare: every describe takes 10 s on the fake clock; the deadline falls during the first pass.
    let now = 0;
    const world = flakyApplications({ flaky: 1 }, () => {
      now += 10_000;
    });
    const heard: RowOutcome[] = [];

    // Act
    const summary = await reconcile({
      items: [anItem({ appName: 'flaky' })],
      applications: world.applications,
      instant: PEAK_INSTANT,
      table: 't',
      deadline: 15_000,
      clock: () => now,
      onOutcome: (outcome) => heard.push(outcome),
    });

    // Assess
    expect(summary.outcomes).toHaveLength(1);
    expect(summary.outcomes[0]).toMatchObject({ rowId: 'flaky', outcome: Outcome.ERROR, transient: true });
    expect(heard).toEqual(summary.outcomes);
    expect(world.updates).toEqual([]);
  });
});

describe('Function: isTransientFailure', () => {
  it.each([
    ['a throttling error', Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }), true],
    ['a timeout', Object.assign(new Error('timed out'), { name: 'TimeoutError' }), true],
    ['a server fault', Object.assign(new Error('boom'), { name: 'InternalFailure', $fault: 'server' }), true],
    ['a 503', Object.assign(new Error('x'), { name: 'X', $metadata: { httpStatusCode: 503 } }), true],
    ['an access denial', Object.assign(new Error('no'), { name: 'AccessDeniedException', $fault: 'client' }), false],
    ['a 400', Object.assign(new Error('x'), { name: 'X', $metadata: { httpStatusCode: 400 } }), false],
    ['not an error', 'ThrottlingException', false],
  ])('%s → %s', (_, error, expected) => {
    expect(isTransientFailure(error)).toBe(expected);
  });
});
