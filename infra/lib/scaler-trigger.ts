import { Duration, Validations } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { describeScheduleProblem } from './config';
import { DEFAULT_SCHEDULE } from './constants';
import { ScalerConfigError } from './errors';

/** Props of {@link ScalerTrigger}. */
export interface ScalerTriggerProps {
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
 * The EventBridge rule that runs the scaler on a schedule, and where lost runs go: events
 * EventBridge cannot deliver after its retries, and invocations that still fail after
 * Lambda's async retries, both land in one encrypted SQS dead-letter queue (14 days).
 *
 * @example
 * ```ts
 * new ScalerTrigger(this, 'ScalerTrigger', { target: fn, schedule: 'rate(30 minutes)' });
 * ```
 */
export class ScalerTrigger extends Construct {
  public readonly rule: Rule;
  public readonly deadLetterQueue: Queue;
  /** The schedule expression the rule runs on, the default applied. */
  public readonly schedule: string;

  public constructor(scope: Construct, id: string, props: ScalerTriggerProps) {
    super(scope, id);

    const schedule = props.schedule ?? DEFAULT_SCHEDULE;
    this.schedule = schedule;
    const problem = describeScheduleProblem(schedule);
    if (problem !== undefined) {
      throw new ScalerConfigError([`schedule ${problem}`]);
    }

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
