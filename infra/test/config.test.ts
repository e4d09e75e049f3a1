import {
  describeAppNamePrefixProblem,
  describeEmailProblem,
  describeScheduleProblem,
  describeTableNameProblem,
  readScalerConfig,
} from '../lib/config';
import { ScalerConfigError } from '../lib/errors';

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
