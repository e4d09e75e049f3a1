import { EXAMPLE_ROW, toDynamoDbItemJson } from '@msf-scaler/schema';
import { Aws, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { AlarmTopic, checkAlarmTopicProps } from './alarm-topic';
import { DEFAULT_HISTORY_TABLE_NAME, DEFAULT_TABLE_NAME } from './constants';
import { throwOnProblems } from './errors';
import { checkHistoryTableProps, HistoryTable } from './history-table';
import { checkScalerPermissionsPolicyProps } from './iam/scaler-permissions-policy';
import { checkScalerAlarmsProps, ScalerAlarms } from './scaler-alarms';
import { ScalerDashboard } from './scaler-dashboard';
import { checkScalerFunctionProps, SCALER_TIMEOUT, ScalerFunction } from './scaler-function';
import { checkScalerTriggerProps, ScalerTrigger } from './scaler-trigger';
import { checkScheduleTableProps, ScheduleTable } from './schedule-table';

/**
 * Props of {@link ScalerStack}. `bin/app.ts` fills them from the CDK context keys of the same
 * names (`bin/context.ts`); the constructs below get them under these names too.
 */
interface ScalerStackProps extends StackProps {
  /**
   * Name of the schedule table.
   *
   * @default 'msf-scaler-schedules'
   */
  readonly tableName?: string;
  /**
   * `true`: use the existing table named `tableName` instead of creating it, for example the
   * one an earlier `cdk destroy` kept.
   *
   * @default false
   */
  readonly importTable?: boolean;
  /**
   * Name of the history table, the scaler's audit trail (its `HISTORY_TABLE`).
   *
   * @default 'msf-scaler-history'
   */
  readonly historyTableName?: string;
  /**
   * `true`: use the existing history table named `historyTableName` instead of creating it, for
   * example the one an earlier `cdk destroy` kept.
   *
   * @default false
   */
  readonly importHistoryTable?: boolean;
  /**
   * EventBridge schedule expression of the runs.
   *
   * @default 'cron(0 * * * ? *)' - every hour at minute 0, UTC
   */
  readonly schedule?: string;
  /**
   * Only MSF applications whose names start with this may be described or updated.
   *
   * @default - every application in the account and region
   */
  readonly appNamePrefix?: string;
  /**
   * E-mail address subscribed to the alarm topic.
   *
   * @default - no subscription
   */
  readonly alarmEmail?: string;
  /**
   * Whole hours without a completed run before the `ScalerNotRunning` alarm goes off, 1-24;
   * 0 turns it off. Must be at least the longest time between two runs of `schedule`.
   *
   * @default 2 - with the hourly default schedule, one missed run is tolerated, two are not
   */
  readonly heartbeatHours?: number;
  /**
   * Most KPU a schedule row may ask for; rows above it are invalid. Raise it together with the
   * MSF quota per application.
   *
   * @default 64 - MSF's default quota per application
   */
  readonly maxKPUPerApplication?: number;
  /**
   * Most KPU the table's running applications may hold together: scale-ups that would cross it
   * are refused with a reason (an `error` row, so the alarm sees it); scale-downs always go through.
   *
   * @default - no limit
   */
  readonly maxTotalKPU?: number;
  /**
   * `key=value` (e.g. `msf-scaler=managed`): the scaler may describe and update only MSF
   * applications carrying this tag (IAM `aws:ResourceTag/<key>`), on top of `appNamePrefix`.
   * Key 1-128 and value 0-256 of the characters AWS tags allow.
   *
   * @default - no tag condition
   */
  readonly requiredTag?: string;
}

/**
 * The MSF scheduled scaler: the schedule table, the history table (its audit trail), the scaler Lambda with its least-privilege
 * role, the EventBridge rule that runs it (with a dead-letter queue), its alarms (including a
 * heartbeat for when it stops running), the encrypted topic they notify and a CloudWatch dashboard.
 *
 * Outputs: `TableName`, `HistoryTableName`, `FunctionName`, `AlarmTopicArn`, `DashboardUrl` and
 * `OnboardingCommand`, an `aws dynamodb put-item` command that adds an example row.
 *
 * @throws {ScalerConfigError} listing every invalid prop, as each construct checks its own
 *
 * @example
 * ```ts
 * const app = new App();
 * new ScalerStack(app, 'MsfScheduledScaler', { alarmEmail: 'ops@example.com', appNamePrefix: 'orders-' });
 * ```
 */
class ScalerStack extends Stack {
  public constructor(scope: Construct, id: string, props: ScalerStackProps = {}) {
    super(scope, id, props);
    // Each construct checks its own props and throws, so the first invalid one would hide the
    // rest: collect every construct's problems first (in the order of the props above), to
    // report them all at once.
    const tableName = props.tableName ?? DEFAULT_TABLE_NAME;
    const historyTableName = props.historyTableName ?? DEFAULT_HISTORY_TABLE_NAME;
    throwOnProblems([
      ...checkScheduleTableProps({ tableName }),
      ...checkHistoryTableProps({ historyTableName }),
      ...checkScalerTriggerProps(props),
      ...checkScalerPermissionsPolicyProps(props),
      ...checkScalerFunctionProps(props),
      ...checkAlarmTopicProps(props),
      ...checkScalerAlarmsProps(props),
    ]);

    const { table } = new ScheduleTable(this, 'ScheduleTable', {
      tableName,
      ...(props.importTable === undefined ? {} : { importTable: props.importTable }),
    });
    const history = new HistoryTable(this, 'HistoryTable', {
      historyTableName,
      ...(props.importHistoryTable === undefined ? {} : { importHistoryTable: props.importHistoryTable }),
    });
    const scaler = new ScalerFunction(this, 'ScalerFunction', {
      table,
      historyTable: history.table,
      ...(props.appNamePrefix === undefined ? {} : { appNamePrefix: props.appNamePrefix }),
      ...(props.maxKPUPerApplication === undefined ? {} : { maxKPUPerApplication: props.maxKPUPerApplication }),
      ...(props.maxTotalKPU === undefined ? {} : { maxTotalKPU: props.maxTotalKPU }),
      ...(props.requiredTag === undefined ? {} : { requiredTag: props.requiredTag }),
    });
    const trigger = new ScalerTrigger(this, 'ScalerTrigger', {
      target: scaler.lambdaFunction,
      ...(props.schedule === undefined ? {} : { schedule: props.schedule }),
    });
    const { topic } = new AlarmTopic(this, 'AlarmTopic', {
      ...(props.alarmEmail === undefined ? {} : { alarmEmail: props.alarmEmail }),
    });
    const { alarms } = new ScalerAlarms(this, 'ScalerAlarms', {
      scalerFunction: scaler.lambdaFunction,
      deadLetterQueue: trigger.deadLetterQueue,
      topic,
      schedule: trigger.schedule,
      ...(props.heartbeatHours === undefined ? {} : { heartbeatHours: props.heartbeatHours }),
    });
    const { dashboardUrl } = new ScalerDashboard(this, 'ScalerDashboard', {
      scalerFunction: scaler.lambdaFunction,
      timeout: SCALER_TIMEOUT,
      logGroup: scaler.logGroup,
      deadLetterQueue: trigger.deadLetterQueue,
      alarms,
      tableName: table.tableName,
    });

    new CfnOutput(this, 'TableName', { description: 'The schedule table.', value: table.tableName });
    new CfnOutput(this, 'HistoryTableName', {
      description: 'The history table: what each run did (msf-scaler history reads it).',
      value: history.table.tableName,
    });
    new CfnOutput(this, 'FunctionName', {
      description: 'The scaler Lambda (invoke it by hand with a scheduled event to run now).',
      value: scaler.lambdaFunction.functionName,
    });
    new CfnOutput(this, 'AlarmTopicArn', {
      description: 'Every alarm notifies this topic; subscribe more endpoints to it.',
      value: topic.topicArn,
    });
    new CfnOutput(this, 'DashboardUrl', {
      description: 'The CloudWatch dashboard: row outcomes per run, the function, lost runs, alarms, failing rows.',
      value: dashboardUrl,
    });
    new CfnOutput(this, 'OnboardingCommand', {
      description: 'Adds an example schedule row; change appName and the figures first.',
      value: `aws dynamodb put-item --region ${Aws.REGION} --table-name ${table.tableName} --item '${exampleItemJson(props.appNamePrefix)}'`,
    });
  }
}

/**
 * The schema's example row as DynamoDB JSON; its appName is given the prefix when it lacks it,
 * so the example names an application the scaler may touch.
 */
function exampleItemJson(appNamePrefix: string | undefined): string {
  const prefix = appNamePrefix ?? '';
  const appName = EXAMPLE_ROW.appName.startsWith(prefix) ? EXAMPLE_ROW.appName : `${prefix}${EXAMPLE_ROW.appName}`;
  return toDynamoDbItemJson({ ...EXAMPLE_ROW, appName });
}

export type { ScalerStackProps };
export { ScalerStack };
