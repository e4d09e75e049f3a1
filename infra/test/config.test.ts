import {
  describeAppNamePrefixProblem,
  describeEmailProblem,
  describeHeartbeatHoursProblem,
  describeScheduleProblem,
  describeTableNameProblem,
  findHeartbeatMismatch,
  readScalerConfig,
} from '../lib/config';
import { ScalerConfigError } from '../lib/errors';
import { longestRunGap } from '../lib/schedule-gap';

/** The error `readScalerConfig` throws for `context`, or a failure when it does not throw. */
const configErrorFor = (context: Record<string, unknown>): ScalerConfigError => {
  try {
    readScalerConfig(context);
  } catch (error) {
    if (error instanceof ScalerConfigError) return error;
    throw error;
  }
  throw new Error(`readScalerConfig accepted ${JSON.stringify(context)}`);
};

describe('Function: readScalerConfig', () => {
  it('applies the defaults when no key is set', () => {
    // Prepare
    const context = { 'cli-telemetry': false, '@aws-cdk/core:target-partitions': ['aws'] };

    // Act
    const config = readScalerConfig(context);

    // Assess
    expect(config).toStrictEqual({
      tableName: 'msf-scaler-schedules',
      importTable: false,
      schedule: 'cron(0 * * * ? *)',
      heartbeatHours: 2,
    });
  });

  it('reads every key as -c passes it (strings), trimmed', () => {
    // Prepare
    const context = {
      tableName: 'team-schedules',
      importTable: 'true',
      schedule: ' rate(30 minutes) ',
      appNamePrefix: 'orders-',
      alarmEmail: 'ops@example.com',
      heartbeatHours: ' 3 ',
    };

    // Act
    const config = readScalerConfig(context);

    // Assess
    expect(config).toStrictEqual({
      tableName: 'team-schedules',
      importTable: true,
      schedule: 'rate(30 minutes)',
      appNamePrefix: 'orders-',
      alarmEmail: 'ops@example.com',
      heartbeatHours: 3,
    });
  });

  it('reads importTable as a JSON boolean from cdk.json', () => {
    // Prepare
    const context = { importTable: false };

    // Act
    const config = readScalerConfig(context);

    // Assess
    expect(config.importTable).toBe(false);
  });

  it('reads heartbeatHours as a JSON number from cdk.json, 0 included', () => {
    // Prepare
    const contexts = [{ heartbeatHours: 24, schedule: 'cron(0 8 * * ? *)' }, { heartbeatHours: 0 }];

    // Act
    const hours = contexts.map((context) => readScalerConfig(context).heartbeatHours);

    // Assess
    expect(hours).toStrictEqual([24, 0]);
  });

  it.each([
    ['25', '"25"'],
    ['1.5', '"1.5"'],
    ['-1', '"-1"'],
    ['two', '"two"'],
    ['', '""'],
    [25, '25'],
    [1.5, '1.5'],
    [true, 'true'],
  ])('rejects heartbeatHours %j, naming the key and the fix', (heartbeatHours, shown) => {
    // Prepare
    const context = { heartbeatHours };

    // Act
    const error = configErrorFor(context);

    // Assess
    expect(error.problems).toStrictEqual([
      `Context "heartbeatHours" must be a whole number of hours from 1 to 24, or 0 to turn the ScalerNotRunning ` +
        `alarm off, got ${shown}. Fix: pass -c heartbeatHours=2 to pnpm cdk, or set "heartbeatHours" under ` +
        '"context" in infra/cdk.json (remove it to use the default).',
    ]);
  });

  it('rejects a schedule that runs less often than heartbeatHours, saying which value fits', () => {
    // Prepare
    const context = { schedule: 'cron(0 8,20 * * ? *)', heartbeatHours: '6' };

    // Act
    const error = configErrorFor(context);

    // Assess
    expect(error.problems).toStrictEqual([
      'Context "heartbeatHours" is 6, but schedule "cron(0 8,20 * * ? *)" leaves up to 12 hours between two runs, ' +
        'so the ScalerNotRunning alarm would go off between runs. Fix: set it to 12 to 24 (or 0 to turn the ' +
        'alarm off): pass -c heartbeatHours=12 to pnpm cdk, or set "heartbeatHours" under "context" in ' +
        'infra/cdk.json; or choose a schedule that runs more often.',
    ]);
  });

  it('rejects the default heartbeat with a schedule that skips days, offering 0', () => {
    // Prepare
    const context = { schedule: 'cron(0 * ? * MON-FRI *)' };

    // Act
    const error = configErrorFor(context);

    // Assess
    expect(error.problems).toStrictEqual([
      'Context "heartbeatHours" is 2 (the default), but schedule "cron(0 * ? * MON-FRI *)" does not run every day: it leaves ' +
        'more than the 24 hours the ScalerNotRunning alarm can wait at most between two runs. Fix: set it to 0 ' +
        '(turns the alarm off): pass -c heartbeatHours=0 to pnpm cdk, or set "heartbeatHours" under "context" in ' +
        'infra/cdk.json; or choose a schedule that runs more often.',
    ]);
  });

  it('does not compare an invalid schedule or heartbeat with the other key', () => {
    // Prepare
    const contexts = [
      { schedule: 'rate(3 weeks)', heartbeatHours: '1' },
      { schedule: 'rate(3 hours)', heartbeatHours: 'x' },
    ];

    // Act
    const problems = contexts.map((context) => configErrorFor(context).problems);

    // Assess
    expect(problems).toStrictEqual([
      [expect.stringMatching(/^Context "schedule" must look like/)],
      [expect.stringMatching(/^Context "heartbeatHours" must be a whole number/)],
    ]);
  });

  it('rejects a schedule that is not a cron or rate expression, naming the key and the fix', () => {
    // Prepare
    const context = { schedule: 'every hour' };

    // Act
    const error = configErrorFor(context);

    // Assess
    expect(error.name).toBe('ScalerConfigError');
    expect(error.problems).toStrictEqual([
      'Context "schedule" must start with "cron(" or "rate(", got "every hour". Fix: pass ' +
        '-c schedule=\'cron(0 * * * ? *)\' to pnpm cdk, or set "schedule" under "context" in infra/cdk.json ' +
        '(remove it to use the default).',
    ]);
    expect(error.message).toContain('Invalid MSF scheduled scaler configuration:\n  - Context "schedule"');
  });

  it('rejects an app-name prefix with characters MSF names cannot have', () => {
    // Prepare
    const context = { appNamePrefix: 'orders/*' };

    // Act
    const error = configErrorFor(context);

    // Assess
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(
      /^Context "appNamePrefix" must be 1-128 characters of a-z A-Z 0-9 _ \. - .*got "orders\/\*"\. Fix: pass -c appNamePrefix=orders- /,
    );
  });

  it('rejects an alarm e-mail that is not an address', () => {
    // Prepare
    const context = { alarmEmail: 'ops-at-example.com' };

    // Act
    const error = configErrorFor(context);

    // Assess
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(
      /^Context "alarmEmail" must be an e-mail address such as ops@example\.com, got "ops-at-example\.com"\. Fix: pass -c alarmEmail=ops@example\.com /,
    );
  });

  it('rejects a table name DynamoDB would refuse', () => {
    // Prepare
    const context = { tableName: 'my table' };

    // Act
    const error = configErrorFor(context);

    // Assess
    expect(error.problems[0]).toMatch(/^Context "tableName" must be 3-255 characters .*got "my table"/);
  });

  it('rejects an importTable that is not true or false', () => {
    // Prepare
    const context = { importTable: 'yes' };

    // Act
    const error = configErrorFor(context);

    // Assess
    expect(error.problems[0]).toMatch(
      /^Context "importTable" must be true or false, got "yes"\. Fix: pass -c importTable=true /,
    );
  });

  it('rejects empty and non-string values', () => {
    // Prepare
    const context = { alarmEmail: '', tableName: 42 };

    // Act
    const error = configErrorFor(context);

    // Assess
    expect(error.problems).toStrictEqual([
      expect.stringMatching(/^Context "tableName" must be a string, got 42\. Fix:/),
      expect.stringMatching(/^Context "alarmEmail" is empty\. Fix:.*\(remove it to use the default\)\.$/),
    ]);
  });

  it('reports a key that differs from a known key only in case', () => {
    // Prepare
    const context = { alarmemail: 'ops@example.com' };

    // Act
    const error = configErrorFor(context);

    // Assess
    expect(error.problems).toStrictEqual([
      'Context "alarmemail" is not a known key. Fix: did you mean "alarmEmail"? Keys are case-sensitive.',
    ]);
  });

  it('reports every problem at once', () => {
    // Prepare
    const context = { schedule: 'hourly', appNamePrefix: 'a b', alarmEmail: 'nobody' };

    // Act
    const error = configErrorFor(context);

    // Assess
    expect(error.problems.map((problem) => problem.split(' ')[1])).toStrictEqual([
      '"schedule"',
      '"appNamePrefix"',
      '"alarmEmail"',
    ]);
  });
});

describe('Function: describeScheduleProblem', () => {
  it.each([
    'cron(0 * * * ? *)',
    'cron(15 6 ? * MON-FRI *)',
    'cron(0/30 * * * ? *)',
    'rate(1 hour)',
    'rate(5 minutes)',
    'rate(2 days)',
  ])('accepts %s', (expression) => {
    // Prepare
    // Act
    const problem = describeScheduleProblem(expression);

    // Assess
    expect(problem).toBeUndefined();
  });

  it.each([
    ['0 * * * ? *', /must start with "cron\(" or "rate\("/],
    ['cron(0 * * * ? *', /must end with "\)"/],
    ['cron(0 * * * *)', /must have 6 fields .* got 5/],
    ['cron(0 * 1 * MON *)', /must use "\?" in day-of-month or day-of-week/],
    ['rate(1 hours)', /singular unit for 1 and a plural unit otherwise/],
    ['rate(5 minute)', /singular unit for 1 and a plural unit otherwise/],
    ['rate(0 minutes)', /with n >= 1/],
    ['rate(an hour)', /must look like "rate\(<n> minute\|minutes/],
    ['rate(3 weeks)', /must look like "rate\(<n> minute\|minutes/],
  ])('rejects %s', (expression, expected) => {
    // Prepare
    // Act
    const problem = describeScheduleProblem(expression);

    // Assess
    expect(problem).toMatch(expected);
  });
});

describe('Function: describeAppNamePrefixProblem', () => {
  it.each(['orders-', 'team_a.', 'A', 'x'.repeat(128)])('accepts %s', (prefix) => {
    // Prepare
    // Act
    const problem = describeAppNamePrefixProblem(prefix);

    // Assess
    expect(problem).toBeUndefined();
  });

  it.each(['*', 'orders-*', 'a/b', 'a b', 'x'.repeat(129), ''])('rejects "%s"', (prefix) => {
    // Prepare
    // Act
    const problem = describeAppNamePrefixProblem(prefix);

    // Assess
    expect(problem).toMatch(/^must be 1-128 characters of a-z A-Z 0-9 _ \. -/);
  });
});

describe('Function: describeTableNameProblem', () => {
  it('accepts the default name and rejects a 2-character one', () => {
    // Prepare
    // Act
    const problems = [describeTableNameProblem('msf-scaler-schedules'), describeTableNameProblem('ab')];

    // Assess
    expect(problems).toStrictEqual([undefined, expect.stringMatching(/^must be 3-255 characters/)]);
  });
});

describe('Function: describeEmailProblem', () => {
  it('accepts an address and rejects one without a domain dot', () => {
    // Prepare
    // Act
    const problems = [describeEmailProblem('ops+msf@example.co.uk'), describeEmailProblem('ops@localhost')];

    // Assess
    expect(problems).toStrictEqual([undefined, expect.stringMatching(/^must be an e-mail address/)]);
  });
});

describe('Function: describeHeartbeatHoursProblem', () => {
  it.each([0, 1, 2, 24])('accepts %s', (hours) => {
    // Prepare
    // Act
    const problem = describeHeartbeatHoursProblem(hours);

    // Assess
    expect(problem).toBeUndefined();
  });

  it.each([-1, 25, 0.5, Number.NaN])('rejects %s', (hours) => {
    // Prepare
    // Act
    const problem = describeHeartbeatHoursProblem(hours);

    // Assess
    expect(problem).toBe(
      `must be a whole number of hours from 1 to 24, or 0 to turn the ScalerNotRunning alarm off, got ${hours}`,
    );
  });
});

describe('Function: findHeartbeatMismatch', () => {
  it.each([
    [2, 'cron(0 * * * ? *)'],
    [1, 'cron(0 * * * ? *)'],
    [1, 'rate(5 minutes)'],
    [2, 'rate(2 hours)'],
    [24, 'rate(1 day)'],
    [24, 'cron(0 8 * * ? *)'],
    [0, 'rate(7 days)'],
    [0, 'cron(15 6 ? * MON-FRI *)'],
    [2, 'cron(0 8 L * ? *)'],
  ])('lets heartbeatHours %s pass with %s', (heartbeatHours, schedule) => {
    // Prepare
    // Act
    const mismatch = findHeartbeatMismatch(heartbeatHours, schedule);

    // Assess
    expect(mismatch).toBeUndefined();
  });

  it.each([
    [1, 'rate(90 minutes)', 2, 'leaves up to 90 minutes between two runs, so the ScalerNotRunning alarm'],
    [2, 'rate(3 hours)', 3, 'leaves up to 3 hours between two runs, so'],
    [2, 'cron(0 8 * * ? *)', 24, 'leaves up to 24 hours between two runs, so'],
    [12, 'cron(0 8-17 * * ? *)', 15, 'leaves up to 15 hours between two runs, so'],
    [24, 'rate(2 days)', 0, 'leaves up to 48 hours between two runs, more than the 24 hours'],
    [24, 'cron(0 8 1 * ? *)', 0, 'does not run every day: it leaves more than the 24 hours'],
  ])('finds heartbeatHours %s too short for %s (smallest fit %s)', (heartbeatHours, schedule, smallestFit, text) => {
    // Prepare
    // Act
    const mismatch = findHeartbeatMismatch(heartbeatHours, schedule);

    // Assess
    expect(mismatch).toStrictEqual({ problem: expect.stringContaining(text), smallestFit });
    expect(mismatch?.problem.startsWith(`schedule "${schedule}" `)).toBe(true);
  });
});

describe('Function: longestRunGap', () => {
  it.each([
    ['rate(1 minute)', 1],
    ['rate(45 minutes)', 45],
    ['rate(1 hour)', 60],
    ['rate(2 days)', 2880],
    ['cron(0 * * * ? *)', 60],
    ['cron(0/15 * * * ? *)', 15],
    ['cron(30 */2 * * ? *)', 120],
    ['cron(0 1/6 * * ? *)', 360],
    ['cron(0 0-23/6 * * ? *)', 360],
    ['cron(0 8 * * ? *)', 1440],
    ['cron(0 8,20 * * ? *)', 720],
    ['cron(0 6,9 * * ? *)', 1260],
    ['cron(0 8-17 * * ? *)', 900],
    ['cron(0/15 8 * * ? *)', 1395],
    ['cron(0 * ? * 1-7 *)', 60],
    ['cron(0 * ? * SUN,MON,TUE,WED,THU,FRI,SAT *)', 60],
    ['cron(0 * 1-31 * ? *)', 60],
    ['cron(0 * * JAN-DEC ? *)', 60],
  ])('reads %s as runs at most %s minutes apart', (expression, minutes) => {
    // Prepare
    // Act
    const gap = longestRunGap(expression);

    // Assess
    expect(gap).toStrictEqual({ kind: 'minutes', minutes });
  });

  it.each([
    'cron(0 * ? * MON-FRI *)',
    'cron(15 6 ? * mon-fri *)',
    'cron(0 8 1 * ? *)',
    'cron(0 * 1-30 * ? *)',
    'cron(0 * * 1-6 ? *)',
    'cron(0 * L 3 ? *)',
  ])('reads %s as skipping whole days', (expression) => {
    // Prepare
    // Act
    const gap = longestRunGap(expression);

    // Assess
    expect(gap).toStrictEqual({ kind: 'skipsDays' });
  });

  it.each([
    'cron(0 8 L * ? *)',
    'cron(0 8 15W * ? *)',
    'cron(0 8 ? * 2#1 *)',
    'cron(0 8 ? * 6L *)',
    'cron(0 8 * * ? 2030)',
    'cron(0 8-XX * * ? *)',
    'cron(0 20-8 * * ? *)',
    'cron(0 24 * * ? *)',
    'cron(0 8 * * ?)',
    'every hour',
  ])('cannot tell the gap of %s', (expression) => {
    // Prepare
    // Act
    const gap = longestRunGap(expression);

    // Assess
    expect(gap).toBeUndefined();
  });
});
