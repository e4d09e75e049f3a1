import { ATTENTION_OUTCOMES, LogField, OUTCOME_METRIC, OUTCOMES, type Outcome } from '@msf-scaler/scaler';
import { Aws, Duration, Stack } from 'aws-cdk-lib';
import {
  AlarmStatusWidget,
  Color,
  Dashboard,
  GraphWidget,
  type IAlarm,
  LogQueryVisualizationType,
  LogQueryWidget,
  Stats,
  TextWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { scalerMetric } from './scaler-metrics';

/** Props of {@link ScalerDashboard}. */
interface ScalerDashboardProps {
  /** The scaler Lambda. */
  readonly scalerFunction: IFunction;
  /** Its timeout, drawn on the duration graph. */
  readonly timeout: Duration;
  /** Its log group: the Logs Insights widget reads the per-row lines from it. */
  readonly logGroup: ILogGroup;
  /** Where lost runs land (undeliverable events and invocations that failed after retries). */
  readonly deadLetterQueue: IQueue;
  /** The alarms to show in the alarm status widget (`ScalerAlarms.alarms`). */
  readonly alarms: readonly IAlarm[];
  /** Name of the schedule table, shown in the header. */
  readonly tableName: string;
}

// Runs are hourly by default: one data point per run. A faster schedule sums its runs per hour.
const PERIOD = Duration.hours(1);

// Full width of a CloudWatch dashboard row, in grid units.
const ROW = 24;
const HEIGHT = 6;

const OUTCOME_COLOR: Readonly<Record<Outcome, string>> = {
  scaled: Color.GREEN,
  unchanged: Color.GREY,
  skipped: Color.BLUE,
  busy: Color.ORANGE,
  invalid: Color.PURPLE,
  error: Color.RED,
  deferred: Color.BROWN,
};

/**
 * The scaler's CloudWatch dashboard, named `<stack name>-<region>` (dashboard names are
 * global to the account, so the region keeps one stack per region apart). Default range
 * one day; top to bottom:
 * - a one-line explanation naming the schedule table;
 * - row outcomes per run (`RowsScaled` ... `RowsErrored`, Sum per hour, stacked) next to the
 *   status of every alarm;
 * - the function's invocations, errors and throttles; its duration (p99 and max) against the
 *   timeout; the dead-letter queue's visible messages (each one a lost run);
 * - a Logs Insights table of the latest rows that ended `error`, `invalid` or `busy`, with
 *   the schedule rule that decided their target (an override, a holiday, a window) and their
 *   reason.
 *
 * @example
 * ```ts
 * const dashboard = new ScalerDashboard(this, 'ScalerDashboard', {
 *   scalerFunction, timeout: SCALER_TIMEOUT, logGroup, deadLetterQueue, alarms: alarms.alarms, tableName,
 * });
 * new CfnOutput(this, 'DashboardUrl', { value: dashboard.dashboardUrl });
 * ```
 */
class ScalerDashboard extends Construct {
  public readonly dashboard: Dashboard;
  /** The dashboard in the CloudWatch console of the stack's region. */
  public readonly dashboardUrl: string;

  public constructor(scope: Construct, id: string, props: ScalerDashboardProps) {
    super(scope, id);

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `${Stack.of(this).stackName}-${Aws.REGION}`,
      defaultInterval: Duration.days(1),
    });
    // Commercial partition only: China and GovCloud have their own console domains.
    this.dashboardUrl =
      `https://${Aws.REGION}.console.aws.amazon.com/cloudwatch/home?region=${Aws.REGION}` +
      `#dashboards/dashboard/${this.dashboard.dashboardName}`;

    const fn = props.scalerFunction;
    this.dashboard.addWidgets(
      new TextWidget({
        markdown:
          `**MSF scheduled scaler**: each run sets every MSF application listed in the DynamoDB table ` +
          `\`${props.tableName}\` to the KPU its schedule row asks for; one row outcome per application per run.`,
        width: ROW,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Row outcomes per run',
        stacked: true,
        left: OUTCOMES.map((outcome) =>
          scalerMetric(OUTCOME_METRIC[outcome], { period: PERIOD, label: outcome, color: OUTCOME_COLOR[outcome] }),
        ),
        leftYAxis: { min: 0, label: 'Rows', showUnits: false },
        width: 16,
        height: HEIGHT,
      }),
      new AlarmStatusWidget({
        title: 'Alarms',
        alarms: [...props.alarms],
        width: ROW - 16,
        height: HEIGHT,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Function runs',
        left: [
          fn.metricInvocations({ period: PERIOD, statistic: Stats.SUM, label: 'Invocations' }),
          fn.metricErrors({ period: PERIOD, statistic: Stats.SUM, label: 'Errors', color: Color.RED }),
          fn.metricThrottles({ period: PERIOD, statistic: Stats.SUM, label: 'Throttles', color: Color.ORANGE }),
        ],
        leftYAxis: { min: 0, showUnits: false },
        width: ROW / 3,
        height: HEIGHT,
      }),
      new GraphWidget({
        title: 'Function duration',
        left: [
          fn.metricDuration({ period: PERIOD, statistic: Stats.p(99), label: 'p99' }),
          fn.metricDuration({ period: PERIOD, statistic: Stats.MAXIMUM, label: 'Max' }),
        ],
        // The timeout line keeps the scale honest: a run near it is about to be cut off.
        leftAnnotations: [
          {
            value: props.timeout.toMilliseconds(),
            label: `Timeout (${props.timeout.toHumanString()})`,
            color: Color.RED,
          },
        ],
        leftYAxis: { min: 0, label: 'ms', showUnits: false },
        width: ROW / 3,
        height: HEIGHT,
      }),
      new GraphWidget({
        title: 'Lost runs (dead-letter queue)',
        left: [
          props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
            period: PERIOD,
            statistic: Stats.MAXIMUM,
            label: 'Messages visible',
          }),
        ],
        leftYAxis: { min: 0, showUnits: false },
        width: ROW / 3,
        height: HEIGHT,
      }),
    );
    this.dashboard.addWidgets(
      new LogQueryWidget({
        title: `Latest rows that ended ${[...ATTENTION_OUTCOMES].join(', ')}`,
        logGroupNames: [props.logGroup.logGroupName],
        view: LogQueryVisualizationType.TABLE,
        // One JSON line per row (Powertools), under the scaler's field names; the run summary
        // line has no outcome field.
        queryLines: [
          `fields @timestamp, ${LogField.ROW_ID}, ${LogField.OUTCOME}, ${LogField.RULE}, ${LogField.REASON}`,
          `filter ${LogField.OUTCOME} in [${[...ATTENTION_OUTCOMES].map((outcome) => `"${outcome}"`).join(', ')}]`,
          'sort @timestamp desc',
          'limit 50',
        ],
        width: ROW,
        height: HEIGHT,
      }),
    );
  }
}

export type { ScalerDashboardProps };
export { ScalerDashboard };
