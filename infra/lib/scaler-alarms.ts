import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  Stats,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { describeHeartbeatHoursProblem, findHeartbeatMismatch, heartbeatFix } from './config';
import { DEFAULT_HEARTBEAT_HOURS, DEFAULT_SCHEDULE, FAILING_ROW_METRICS, RUNS_METRIC } from './constants';
import { ScalerConfigError } from './errors';
import { scalerMetric } from './scaler-metrics';

/** Props of {@link ScalerAlarms}. */
export interface ScalerAlarmsProps {
  /** The scaler Lambda. */
  readonly scalerFunction: IFunction;
  /** The dead-letter queue of the EventBridge target. */
  readonly deadLetterQueue: IQueue;
  /** Every alarm notifies this topic when it goes into ALARM. */
  readonly topic: ITopic;
  /**
   * Whole hours without a completed run before `ScalerNotRunning` goes off, 1-24; 0: no such
   * alarm. Must be at least the longest time between two runs of `schedule`.
   *
   * @default 2 - with the hourly default schedule, one missed run is tolerated, two are not
   */
  readonly heartbeatHours?: number;
  /**
   * The scaler's EventBridge schedule expression, checked against `heartbeatHours`.
   *
   * @default 'cron(0 * * * ? *)'
   */
  readonly schedule?: string;
}

// Runs are hourly by default; a 5-minute period reports a failed run within minutes instead
// of at the end of the hour.
const PERIOD = Duration.minutes(5);
// The heartbeat counts completed runs per hour, the unit of heartbeatHours.
const HEARTBEAT_PERIOD = Duration.hours(1);

/**
 * The scaler's alarms, each notifying the topic. Four are `>= 1` over one 5-minute period:
 * - `FunctionErrors`: a whole run failed (the handler threw, e.g. the table is unreadable);
 * - `ScalingErrors`: a run finished but rows were invalid or errored
 *   (`RowsInvalid + RowsErrored`, from the scaler's EMF metrics);
 * - `FunctionThrottles`: a run was refused because the previous one still held the single
 *   reserved execution;
 * - `DeadLetterQueueMessages`: EventBridge could not deliver a scheduled event at all.
 *
 * Missing data is NOT breaching for all of them: between runs, and for an idle empty queue,
 * CloudWatch has no data points, and that is the healthy state.
 *
 * And the heartbeat, `ScalerNotRunning` (unless `heartbeatHours` is 0): no run completed for
 * `heartbeatHours` whole hours. It catches what the others cannot see because nothing runs at
 * all: the rule disabled or deleted, the function deleted, invocations throttled for hours, a
 * deploy that broke the trigger (and every run failing, next to `FunctionErrors`). It reads
 * `RowsTotal`, which every completed run emits exactly once (0 for an empty table, so not Sum)
 * with statistic SampleCount: the completed runs in each one-hour period. Here missing data IS
 * breaching: no data point is exactly the failure. Datapoints to alarm = evaluation periods =
 * `heartbeatHours`, so it goes off only when every one of those hours had no completed run; with
 * fewer datapoints to alarm, a single missed run would already do. CloudWatch fills missing
 * periods only when its evaluation range (longer than the evaluation periods) holds too few
 * real data points, and a real one here is never breaching: the alarm may go off somewhat
 * after `heartbeatHours`, never before. Right after the first deploy, with no data point yet,
 * it is in ALARM until the first run completes.
 *
 * @throws {ScalerConfigError} when `heartbeatHours` is not 0-24, or shorter than the longest
 * gap between two runs of `schedule` (as far as `longestRunGap` can tell)
 *
 * @example
 * ```ts
 * new ScalerAlarms(this, 'ScalerAlarms', { scalerFunction, deadLetterQueue, topic, heartbeatHours: 3 });
 * ```
 */
export class ScalerAlarms extends Construct {
  public readonly functionErrors: Alarm;
  public readonly scalingErrors: Alarm;
  public readonly functionThrottles: Alarm;
  public readonly deadLetterQueueMessages: Alarm;
  /** The heartbeat; `undefined` when `heartbeatHours` is 0. */
  public readonly scalerNotRunning?: Alarm;
  /** Every alarm above, in that order (the dashboard's alarm status widget lists them). */
  public readonly alarms: readonly Alarm[];

  public constructor(scope: Construct, id: string, props: ScalerAlarmsProps) {
    super(scope, id);

    const heartbeatHours = props.heartbeatHours ?? DEFAULT_HEARTBEAT_HOURS;
    const hoursProblem = describeHeartbeatHoursProblem(heartbeatHours);
    if (hoursProblem !== undefined) {
      throw new ScalerConfigError([`heartbeatHours ${hoursProblem}`]);
    }
    const mismatch = findHeartbeatMismatch(heartbeatHours, props.schedule ?? DEFAULT_SCHEDULE);
    if (mismatch !== undefined) {
      throw new ScalerConfigError([
        `heartbeatHours is ${heartbeatHours}, but ${mismatch.problem}. Set it to ${heartbeatFix(mismatch)}.`,
      ]);
    }

    const alarm = (alarmId: string, description: string, metric: IMetric): Alarm => {
      const created = new Alarm(this, alarmId, {
        alarmDescription: description,
        metric,
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(new SnsAction(props.topic));
      return created;
    };
    // One variable per failing-row metric, named after it: RowsErrored -> rowsErrored.
    const failingRows: Record<string, IMetric> = {};
    for (const metricName of FAILING_ROW_METRICS) {
      failingRows[metricName.charAt(0).toLowerCase() + metricName.slice(1)] = scalerMetric(metricName, {
        period: PERIOD,
      });
    }

    this.functionErrors = alarm(
      'FunctionErrors',
      'A scaler run failed as a whole (for example the schedule table could not be read), so no ' +
        'MSF application was reconciled. See the function log group.',
      props.scalerFunction.metricErrors({ period: PERIOD, statistic: Stats.SUM }),
    );
    this.scalingErrors = alarm(
      'ScalingErrors',
      `A scaler run could not reconcile some MSF applications: ${FAILING_ROW_METRICS.join(' + ')} was at ` +
        'least 1 (schedule rows that do not parse, or Describe/UpdateApplication calls that failed). ' +
        'The function log has one line per row.',
      // The scaler emits every Rows* metric on every run, zeros included, so all series have
      // a data point in the same period and the sum is defined.
      new MathExpression({
        expression: Object.keys(failingRows).join(' + '),
        usingMetrics: failingRows,
        label: 'Rows not reconciled',
        period: PERIOD,
      }),
    );
    this.functionThrottles = alarm(
      'FunctionThrottles',
      'A scaler invocation was throttled: it came while another run held the single reserved execution ' +
        '(runs taking longer than the schedule period, or a manual invoke during a run).',
      props.scalerFunction.metricThrottles({ period: PERIOD, statistic: Stats.SUM }),
    );
    this.deadLetterQueueMessages = alarm(
      'DeadLetterQueueMessages',
      'EventBridge could not invoke the scaler and put the scheduled event in the dead-letter queue: ' +
        'that run did not happen.',
      props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: Stats.MAXIMUM }),
    );
    if (heartbeatHours > 0) {
      this.scalerNotRunning = new Alarm(this, 'ScalerNotRunning', {
        alarmDescription:
          `No scaler run has completed for ${heartbeatHours} hours (${RUNS_METRIC}, one data point per completed ` +
          'run, has none): every MSF application stays at the KPU it has. Check that the EventBridge rule is ' +
          'enabled, that the function exists and is not throttled, and the function log group.',
        metric: scalerMetric(RUNS_METRIC, { period: HEARTBEAT_PERIOD, statistic: Stats.SAMPLE_COUNT }),
        // A completed run is a count of at least 1; only the missing periods breach.
        threshold: 1,
        comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
        evaluationPeriods: heartbeatHours,
        datapointsToAlarm: heartbeatHours,
        // No run, no data point: missing data is the very failure this alarm is for.
        treatMissingData: TreatMissingData.BREACHING,
      });
      this.scalerNotRunning.addAlarmAction(new SnsAction(props.topic));
    }
    this.alarms = [
      this.functionErrors,
      this.scalingErrors,
      this.functionThrottles,
      this.deadLetterQueueMessages,
      ...(this.scalerNotRunning === undefined ? [] : [this.scalerNotRunning]),
    ];
  }
}
