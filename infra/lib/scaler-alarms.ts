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
import { FAILING_ROW_METRICS } from './constants';
import { scalerMetric } from './scaler-metrics';

/** Props of {@link ScalerAlarms}. */
export interface ScalerAlarmsProps {
  /** The scaler Lambda. */
  readonly scalerFunction: IFunction;
  /** The dead-letter queue of the EventBridge target. */
  readonly deadLetterQueue: IQueue;
  /** Every alarm notifies this topic when it goes into ALARM. */
  readonly topic: ITopic;
}

// Runs are hourly by default; a 5-minute period reports a failed run within minutes instead
// of at the end of the hour.
const PERIOD = Duration.minutes(5);

/**
 * The scaler's alarms, each `>= 1` over one 5-minute period, each notifying the topic:
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
 * @example
 * ```ts
 * new ScalerAlarms(this, 'ScalerAlarms', { scalerFunction, deadLetterQueue, topic });
 * ```
 */
export class ScalerAlarms extends Construct {
  public readonly functionErrors: Alarm;
  public readonly scalingErrors: Alarm;
  public readonly functionThrottles: Alarm;
  public readonly deadLetterQueueMessages: Alarm;
  /** Every alarm above, in that order (the dashboard's alarm status widget lists them). */
  public readonly alarms: readonly Alarm[];

  public constructor(scope: Construct, id: string, props: ScalerAlarmsProps) {
    super(scope, id);

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
    this.alarms = [this.functionErrors, this.scalingErrors, this.functionThrottles, this.deadLetterQueueMessages];
  }
}
