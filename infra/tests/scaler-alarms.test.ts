import { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import type { ScalerConfigError } from '../lib/errors';
import {
  checkScalerAlarmsProps,
  describeHeartbeatHoursProblem,
  findHeartbeatMismatch,
  heartbeatFix,
  runPeriodOf,
  ScalerAlarms,
  type ScalerAlarmsProps,
} from '../lib/scaler-alarms';
import { configErrorOf, createEmptyStack } from './helpers/stack';

/** The error building the alarms with `props` (and imported targets) throws. */
function alarmsErrorFor(props: Pick<ScalerAlarmsProps, 'heartbeatHours' | 'schedule'>): ScalerConfigError {
  const stack = createEmptyStack();
  const targets = {
    scalerFunction: LambdaFunction.fromFunctionName(stack, 'Function', 'scaler'),
    deadLetterQueue: Queue.fromQueueArn(stack, 'Queue', 'arn:aws:sqs:eu-west-1:123456789012:scaler-dlq'),
    topic: Topic.fromTopicArn(stack, 'Topic', 'arn:aws:sns:eu-west-1:123456789012:scaler-alarms'),
  };
  return configErrorOf(() => new ScalerAlarms(stack, 'ScalerAlarms', { ...targets, ...props }));
}

// Its alarms are checked in the stack's template, scaler-stack.test.ts.
describe('Construct: ScalerAlarms', () => {
  it.each([25, -1, 1.5])('refuses heartbeatHours %s', (heartbeatHours) => {
    // Prepare
    const props = { heartbeatHours };

    // Act
    const error = alarmsErrorFor(props);

    // Assess
    expect(error.problems).toStrictEqual([
      {
        setting: 'heartbeatHours',
        problem: `must be a whole number of hours from 1 to 24, or 0 to turn the ScalerNotRunning alarm off, got ${heartbeatHours}`,
      },
    ]);
  });

  it('refuses a heartbeat shorter than the time between runs, saying what fits', () => {
    // Prepare
    const props = { schedule: 'rate(3 hours)' };

    // Act
    const error = alarmsErrorFor(props);

    // Assess
    expect(error.problems).toStrictEqual([
      {
        setting: 'heartbeatHours',
        problem:
          'is 2 (the default), but schedule "rate(3 hours)" leaves up to 3 hours between two runs, so the ' +
          'ScalerNotRunning alarm would go off between runs; set it to 3 to 24 (or 0 to turn the alarm off), or ' +
          'choose a schedule that runs more often',
        fits: '3',
      },
    ]);
    expect(error.message).toContain('  - heartbeatHours is 2 (the default), but schedule "rate(3 hours)" leaves');
  });
});

describe('Function: checkScalerAlarmsProps', () => {
  it('names the value set, and offers 0 for a schedule that skips days', () => {
    // Prepare
    const props = { heartbeatHours: 24, schedule: 'cron(0 8 1 * ? *)' };

    // Act
    const problems = checkScalerAlarmsProps(props);

    // Assess
    expect(problems).toStrictEqual([
      {
        setting: 'heartbeatHours',
        problem:
          'is 24, but schedule "cron(0 8 1 * ? *)" does not run every day: it leaves more than the 24 hours the ' +
          'ScalerNotRunning alarm can wait at most between two runs; set it to 0 (turns the alarm off), or choose ' +
          'a schedule that runs more often',
        fits: '0',
      },
    ]);
  });

  it('does not compare with an invalid schedule (the trigger reports it)', () => {
    // Prepare
    const props = { heartbeatHours: 1, schedule: 'rate(3 hour)' };

    // Act
    const problems = checkScalerAlarmsProps(props);

    // Assess
    expect(problems).toStrictEqual([]);
  });

  it('accepts the defaults', () => {
    // Prepare
    // Act
    const problems = checkScalerAlarmsProps({});

    // Assess
    expect(problems).toStrictEqual([]);
  });
});

describe('Function: heartbeatFix', () => {
  it.each([
    [3, '3 to 24 (or 0 to turn the alarm off)'],
    [24, '24 (or 0 to turn the alarm off)'],
    [0, '0 (turns the alarm off)'],
  ])('words the fix for a smallest fit of %s', (smallestFit, expected) => {
    // Prepare
    // Act
    const fix = heartbeatFix({ problem: 'schedule "..." leaves ...', smallestFit });

    // Assess
    expect(fix).toBe(expected);
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

describe('Function: runPeriodOf', () => {
  it.each([
    ['rate(1 minute)', 1],
    ['rate(15 minutes)', 15],
    ['cron(0 * * * ? *)', 60],
    ['cron(0/20 * * * ? *)', 20],
    ['cron(0 8,20 * * ? *)', 12 * 60],
    // Uneven gaps: the longest, so every period holds a run.
    ['cron(0 8-17 * * ? *)', 15 * 60],
    ['cron(0 8 * * ? *)', 24 * 60],
    ['rate(1 day)', 24 * 60],
  ])('gives %s a period of %s minutes, the time between two runs', (schedule, minutes) => {
    // Prepare
    // Act
    const period = runPeriodOf(schedule);

    // Assess
    expect(period.toMinutes()).toBe(minutes);
  });

  it.each([
    ['rate(2 days)', 'runs less often than daily'],
    ['cron(0 8 ? * MON-FRI *)', 'skips days'],
    ['cron(0 8 L * ? *)', 'has gaps that cannot be told'],
  ])('gives %s a period of one day: it %s', (schedule) => {
    // Prepare
    // Act
    const period = runPeriodOf(schedule);

    // Assess
    expect(period.toMinutes()).toBe(24 * 60);
  });
});
