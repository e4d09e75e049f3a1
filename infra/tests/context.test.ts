import { describeContextProblem, readScalerContext } from '../bin/context';
import { describeProblems } from '../lib/errors';
import { configErrorOf, createTestStack } from './helpers/stack';

/**
 * The problems `bin/app.ts` prints for `context`, one line each: the context read and typed,
 * then the stack built from it (its constructs check the values).
 */
function contextProblemsFor(context: Record<string, unknown>): string[] {
  const error = configErrorOf(() => createTestStack(readScalerContext(context)));
  return error.problems.map(describeContextProblem);
}

/** The fix every problem of `key` ends with, when no better value is known. */
function usualFix(key: string, example: string): string {
  return (
    `Fix: pass -c ${key}=${example} to pnpm cdk, or set "${key}" under "context" in infra/cdk.json ` +
    '(remove it to use the default).'
  );
}

describe('Function: readScalerContext', () => {
  it('passes no setting down when no key is set, so the defaults of the constructs apply', () => {
    // Prepare
    const context = { 'cli-telemetry': false, '@aws-cdk/core:target-partitions': ['aws'] };

    // Act
    const settings = readScalerContext(context);

    // Assess
    expect(settings).toStrictEqual({});
  });

  it('reads every key as -c passes it (strings), trimmed', () => {
    // Prepare
    const context = {
      tableName: 'team-schedules',
      importTable: 'true',
      historyTableName: ' team-history ',
      importHistoryTable: 'false',
      schedule: ' rate(30 minutes) ',
      appNamePrefix: 'orders-',
      alarmEmail: 'ops@example.com',
      heartbeatHours: ' 3 ',
      maxKPUPerApplication: '128',
      maxTotalKPU: ' 400 ',
      requiredTag: ' msf-scaler=managed ',
    };

    // Act
    const settings = readScalerContext(context);

    // Assess
    expect(settings).toStrictEqual({
      tableName: 'team-schedules',
      importTable: true,
      historyTableName: 'team-history',
      importHistoryTable: false,
      schedule: 'rate(30 minutes)',
      appNamePrefix: 'orders-',
      alarmEmail: 'ops@example.com',
      heartbeatHours: 3,
      maxKPUPerApplication: 128,
      maxTotalKPU: 400,
      requiredTag: 'msf-scaler=managed',
    });
  });

  it('reads importTable as a JSON boolean from cdk.json', () => {
    // Prepare
    const context = { importTable: false };

    // Act
    const settings = readScalerContext(context);

    // Assess
    expect(settings.importTable).toBe(false);
  });

  it('reads heartbeatHours as a JSON number from cdk.json, 0 included', () => {
    // Prepare
    const contexts = [{ heartbeatHours: 24, schedule: 'cron(0 8 * * ? *)' }, { heartbeatHours: 0 }];

    // Act
    const hours = contexts.map((context) => readScalerContext(context).heartbeatHours);

    // Assess
    expect(hours).toStrictEqual([24, 0]);
  });

  it.each([
    ['two', 'must be a number, got "two"'],
    ['', 'is empty'],
    [true, 'must be a number, got true'],
    ['25', 'must be a whole number of hours from 1 to 24, or 0 to turn the ScalerNotRunning alarm off, got 25'],
    ['1.5', 'must be a whole number of hours from 1 to 24, or 0 to turn the ScalerNotRunning alarm off, got 1.5'],
    ['-1', 'must be a whole number of hours from 1 to 24, or 0 to turn the ScalerNotRunning alarm off, got -1'],
    [25, 'must be a whole number of hours from 1 to 24, or 0 to turn the ScalerNotRunning alarm off, got 25'],
    [1.5, 'must be a whole number of hours from 1 to 24, or 0 to turn the ScalerNotRunning alarm off, got 1.5'],
  ])('rejects heartbeatHours %j, naming the key and the fix', (heartbeatHours, problem) => {
    // Prepare
    const context = { heartbeatHours };

    // Act
    const problems = contextProblemsFor(context);

    // Assess
    expect(problems).toStrictEqual([`Context "heartbeatHours" ${problem}. ${usualFix('heartbeatHours', '2')}`]);
  });

  it('rejects a schedule that runs less often than heartbeatHours, saying which value fits', () => {
    // Prepare
    const context = { schedule: 'cron(0 8,20 * * ? *)', heartbeatHours: '6' };

    // Act
    const problems = contextProblemsFor(context);

    // Assess
    expect(problems).toStrictEqual([
      'Context "heartbeatHours" is 6, but schedule "cron(0 8,20 * * ? *)" leaves up to 12 hours between two runs, ' +
        'so the ScalerNotRunning alarm would go off between runs; set it to 12 to 24 (or 0 to turn the alarm ' +
        'off), or choose a schedule that runs more often. Fix: pass -c heartbeatHours=12 to pnpm cdk, or set ' +
        '"heartbeatHours" under "context" in infra/cdk.json.',
    ]);
  });

  it('rejects the default heartbeat with a schedule that skips days, offering 0', () => {
    // Prepare
    const context = { schedule: 'cron(0 * ? * MON-FRI *)' };

    // Act
    const problems = contextProblemsFor(context);

    // Assess
    expect(problems).toStrictEqual([
      'Context "heartbeatHours" is 2 (the default), but schedule "cron(0 * ? * MON-FRI *)" does not run every day: ' +
        'it leaves more than the 24 hours the ScalerNotRunning alarm can wait at most between two runs; set it to ' +
        '0 (turns the alarm off), or choose a schedule that runs more often. Fix: pass -c heartbeatHours=0 to ' +
        'pnpm cdk, or set "heartbeatHours" under "context" in infra/cdk.json.',
    ]);
  });

  it('does not compare an invalid schedule or heartbeat with the other key', () => {
    // Prepare
    const contexts = [
      { schedule: 'rate(3 weeks)', heartbeatHours: '1' },
      { schedule: 'rate(3 hours)', heartbeatHours: 'x' },
    ];

    // Act
    const problems = contexts.map((context) => contextProblemsFor(context));

    // Assess
    expect(problems).toStrictEqual([
      [expect.stringMatching(/^Context "schedule" must look like/)],
      [expect.stringMatching(/^Context "heartbeatHours" must be a number/)],
    ]);
  });

  it('rejects a schedule that is not a cron or rate expression, naming the key and the fix', () => {
    // Prepare
    const context = { schedule: 'every hour' };

    // Act
    const problems = contextProblemsFor(context);

    // Assess
    expect(problems).toStrictEqual([
      `Context "schedule" must start with "cron(" or "rate(", got "every hour". ${usualFix('schedule', "'cron(0 * * * ? *)'")}`,
    ]);
  });

  it('rejects an app-name prefix with characters MSF names cannot have', () => {
    // Prepare
    const context = { appNamePrefix: 'orders/*' };

    // Act
    const problems = contextProblemsFor(context);

    // Assess
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^Context "appNamePrefix" must be 1-128 characters of a-z A-Z 0-9 _ \. - .*got "orders\/\*"\. Fix: pass -c appNamePrefix=orders- /,
    );
  });

  it('rejects an alarm e-mail that is not an address', () => {
    // Prepare
    const context = { alarmEmail: 'ops-at-example.com' };

    // Act
    const problems = contextProblemsFor(context);

    // Assess
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^Context "alarmEmail" must be an e-mail address such as ops@example\.com, got "ops-at-example\.com"\. Fix: pass -c alarmEmail=ops@example\.com /,
    );
  });

  it('rejects a table name DynamoDB would refuse', () => {
    // Prepare
    const context = { tableName: 'my table' };

    // Act
    const problems = contextProblemsFor(context);

    // Assess
    expect(problems[0]).toMatch(/^Context "tableName" must be 3-255 characters .*got "my table"/);
  });

  it('rejects a history table name DynamoDB would refuse, with the default as the fix', () => {
    // Prepare
    const context = { historyTableName: 'tz' };

    // Act
    const problems = contextProblemsFor(context);

    // Assess
    expect(problems).toStrictEqual([
      'Context "historyTableName" must be 3-255 characters of a-z A-Z 0-9 _ . -, got "tz". ' +
        usualFix('historyTableName', 'msf-scaler-history'),
    ]);
  });

  it('rejects an importTable that is not true or false', () => {
    // Prepare
    const context = { importTable: 'yes' };

    // Act
    const problems = contextProblemsFor(context);

    // Assess
    expect(problems[0]).toMatch(
      /^Context "importTable" must be true or false, got "yes"\. Fix: pass -c importTable=true /,
    );
  });

  it('rejects empty and non-string values', () => {
    // Prepare
    const context = { alarmEmail: '', tableName: 42 };

    // Act
    const problems = contextProblemsFor(context);

    // Assess
    expect(problems).toStrictEqual([
      expect.stringMatching(/^Context "tableName" must be a string, got 42\. Fix:/),
      expect.stringMatching(/^Context "alarmEmail" is empty\. Fix:.*\(remove it to use the default\)\.$/),
    ]);
  });

  it('reports a key that differs from a known key only in case', () => {
    // Prepare
    const context = { alarmemail: 'ops@example.com' };

    // Act
    const problems = contextProblemsFor(context);

    // Assess
    expect(problems).toStrictEqual([
      'Context "alarmemail" is not a known key. Fix: did you mean "alarmEmail"? Keys are case-sensitive.',
    ]);
  });

  it('reports every problem at once', () => {
    // Prepare
    const context = { schedule: 'hourly', appNamePrefix: 'a b', alarmEmail: 'nobody' };

    // Act
    const problems = contextProblemsFor(context);

    // Assess
    expect(problems.map((problem) => problem.split(' ')[1])).toStrictEqual([
      '"schedule"',
      '"appNamePrefix"',
      '"alarmEmail"',
    ]);
  });
});

describe('Function: describeContextProblem', () => {
  it('words a problem of the stack as one of its context key, under one heading', () => {
    // Prepare
    const problems = [{ setting: 'schedule', problem: 'must end with ")", got "cron(0 * * * ? *"' }];

    // Act
    const message = describeProblems(problems, describeContextProblem);

    // Assess
    expect(message).toBe(
      'Invalid MSF scheduled scaler configuration:\n' +
        `  - Context "schedule" must end with ")", got "cron(0 * * * ? *". ${usualFix('schedule', "'cron(0 * * * ? *)'")}`,
    );
  });
});
