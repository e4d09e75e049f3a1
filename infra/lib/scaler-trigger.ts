import { Duration, Validations } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DEFAULT_SCHEDULE } from './constants';
import { type ConfigProblem, throwOnProblems } from './errors';
import { RATE_PATTERN } from './schedule-gap';

/** Props of {@link ScalerTrigger}. */
interface ScalerTriggerProps {
  /** The function to run. */
  readonly target: IFunction;
  /**
   * EventBridge schedule expression, `cron(...)` (UTC) or `rate(...)`.
   *
   * @default 'cron(0 * * * ? *)' - every hour at minute 0, UTC
   */
  readonly schedule?: string;
}

/**
 * Says what is wrong with an EventBridge schedule expression, or `undefined` when it is
 * valid. Checks what EventBridge checks on deploy, so a typo fails at synth instead.
 *
 * @example
 * ```ts
 * describeScheduleProblem('cron(0 * * * ? *)'); // undefined
 * describeScheduleProblem('hourly'); // 'must start with "cron(" or "rate(" ...'
 * ```
 */
function describeScheduleProblem(expression: string): string | undefined {
  if (!expression.startsWith('cron(') && !expression.startsWith('rate(')) {
    return `must start with "cron(" or "rate(", got "${expression}"`;
  }
  if (!expression.endsWith(')')) {
    return `must end with ")", got "${expression}"`;
  }
  if (expression.startsWith('cron(')) {
    const fields = expression.slice('cron('.length, -1).trim().split(/\s+/);
    if (fields.length !== 6) {
      return `must have 6 fields (minutes hours day-of-month month day-of-week year), got ${fields.length} in "${expression}"`;
    }
    // EventBridge refuses a cron expression that sets both day fields.
    if (fields[2] !== '?' && fields[4] !== '?') {
      return `must use "?" in day-of-month or day-of-week (EventBridge cannot set both), got "${expression}"`;
    }
    return undefined;
  }
  const rate = RATE_PATTERN.exec(expression);
  const value = Number(rate?.[1]);
  if (!rate || value < 1) {
    return `must look like "rate(<n> minute|minutes|hour|hours|day|days)" with n >= 1, got "${expression}"`;
  }
  // EventBridge wants "rate(1 hour)" but "rate(2 hours)".
  const plural = rate[2]?.endsWith('s') ?? false;
  if ((value === 1) === plural) {
    return `must use a singular unit for 1 and a plural unit otherwise, got "${expression}"`;
  }
  return undefined;
}

/** The problems of {@link ScalerTriggerProps}; the construct throws them, the stack collects them. */
function checkScalerTriggerProps(props: Pick<ScalerTriggerProps, 'schedule'>): readonly ConfigProblem[] {
  const problem = describeScheduleProblem(props.schedule ?? DEFAULT_SCHEDULE);
  return problem === undefined ? [] : [{ setting: 'schedule', problem }];
}

/**
 * The EventBridge rule that runs the scaler on a schedule, and where lost runs go: events
 * EventBridge cannot deliver after its retries, and invocations that still fail after
 * Lambda's async retries, both land in one encrypted SQS dead-letter queue (14 days).
 *
 * @throws {ScalerConfigError} when `schedule` is not an expression EventBridge accepts
 *
 * @example
 * ```ts
 * new ScalerTrigger(this, 'ScalerTrigger', { target: fn, schedule: 'rate(30 minutes)' });
 * ```
 */
class ScalerTrigger extends Construct {
  public readonly rule: Rule;
  public readonly deadLetterQueue: Queue;
  /** The schedule expression the rule runs on, the default applied. */
  public readonly schedule: string;

  public constructor(scope: Construct, id: string, props: ScalerTriggerProps) {
    super(scope, id);
    throwOnProblems(checkScalerTriggerProps(props));

    const schedule = props.schedule ?? DEFAULT_SCHEDULE;
    this.schedule = schedule;

    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue IS the dead-letter queue of the EventBridge target and the on-failure destination ' +
        'of the function; a dead-letter queue of a dead-letter queue would only move the same lost ' +
        'runs one hop further.',
    });

    // EventBridge invokes the function asynchronously: its own DLQ only receives events it
    // could not deliver. A run that was delivered and failed (the handler threw: table
    // unreadable, bad configuration) is retried by Lambda, then sent to the same queue, so
    // one queue and one alarm cover every lost run. A run decides at the event's time; a
    // retry is useful for minutes, not hours (the next scheduled run decides afresh).
    props.target.configureAsyncInvoke({
      maxEventAge: Duration.minutes(30),
      retryAttempts: 2,
      onFailure: new SqsDestination(this.deadLetterQueue),
    });

    this.rule = new Rule(this, 'Rule', {
      description: 'Runs the MSF scheduled scaler.',
      schedule: Schedule.expression(schedule),
    });
    this.rule.addTarget(
      new LambdaFunction(props.target, {
        deadLetterQueue: this.deadLetterQueue,
        // A delivery that still fails after an hour is superseded by the next run.
        maxEventAge: Duration.hours(1),
        retryAttempts: 2,
      }),
    );
  }
}

export type { ScalerTriggerProps };
export { checkScalerTriggerProps, describeScheduleProblem, ScalerTrigger };
