import { HISTORY_WRITE_FAILURES_METRIC } from '@msf-scaler/scaler';
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
import {
  DEFAULT_HEARTBEAT_HOURS,
  DEFAULT_SCHEDULE,
  DEFERRED_ROWS_METRIC,
  FAILING_ROW_METRICS,
  MAX_HEARTBEAT_HOURS,
  RUNS_METRIC,
} from './constants';
import { type ConfigProblem, throwOnProblems } from './errors';
import { scalerMetric } from './scaler-metrics';
import { describeScheduleProblem } from './scaler-trigger';
import { longestRunGap } from './schedule-gap';

/** Props of {@link ScalerAlarms}. */
interface ScalerAlarmsProps {
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
   * The scaler's EventBridge schedule expression: checked against `heartbeatHours`, and the
   * period of `RowsDeferred` is one run of it ({@link runPeriodOf}).
   *
   * @default 'cron(0 * * * ? *)'
   */
  readonly schedule?: string;
}

/**
 * Says what is wrong with a `heartbeatHours` value, or `undefined` when it is valid: a whole
 * number of hours from 1 to 24, or 0 (no `ScalerNotRunning` alarm).
 */
function describeHeartbeatHoursProblem(hours: number): string | undefined {
  return Number.isInteger(hours) && hours >= 0 && hours <= MAX_HEARTBEAT_HOURS
    ? undefined
    : `must be a whole number of hours from 1 to ${MAX_HEARTBEAT_HOURS}, or 0 to turn the ScalerNotRunning alarm off, got ${hours}`;
}

/** Why a valid `heartbeatHours` does not fit a valid schedule, see {@link findHeartbeatMismatch}. */
interface HeartbeatMismatch {
  /** What is wrong with the schedule, as `schedule "..." leaves ...`. */
  readonly problem: string;
  /** The smallest `heartbeatHours` that fits the schedule; 0 (the alarm off) when no value up to 24 does. */
  readonly smallestFit: number;
}

/** `minutes` in words: `90 minutes`, `1 hour`, `3 hours`. */
function inHours(minutes: number): string {
  if (minutes % 60 !== 0) {
    return `${minutes} minutes`;
  }
  return minutes === 60 ? '1 hour' : `${minutes / 60} hours`;
}

/**
 * Checks that the `ScalerNotRunning` alarm would stay quiet while `schedule` runs as planned:
 * `heartbeatHours` must be at least the longest time between two runs. `undefined` when it
 * is, when the alarm is off (0), or when the gap cannot be told for certain (see
 * `longestRunGap`: every `rate(...)`, and `cron(...)` of plain numbers, names, lists,
 * ranges and steps); then the schedule is accepted.
 *
 * @param heartbeatHours - a value {@link describeHeartbeatHoursProblem} accepts
 * @param schedule - an expression `describeScheduleProblem` accepts
 *
 * @example
 * ```ts
 * findHeartbeatMismatch(2, 'cron(0 * * * ? *)'); // undefined
 * findHeartbeatMismatch(2, 'cron(0 8 * * ? *)')?.smallestFit; // 24
 * ```
 */
function findHeartbeatMismatch(heartbeatHours: number, schedule: string): HeartbeatMismatch | undefined {
  if (heartbeatHours === 0) {
    return undefined;
  }
  const gap = longestRunGap(schedule);
  if (gap === undefined || (gap.kind === 'minutes' && gap.minutes <= heartbeatHours * 60)) {
    return undefined;
  }
  const start = `schedule "${schedule}"`;
  const cannotWait = `the ${MAX_HEARTBEAT_HOURS} hours the ScalerNotRunning alarm can wait at most`;
  if (gap.kind === 'skipsDays') {
    return {
      problem: `${start} does not run every day: it leaves more than ${cannotWait} between two runs`,
      smallestFit: 0,
    };
  }
  const hours = Math.ceil(gap.minutes / 60);
  const gapText = `${start} leaves up to ${inHours(gap.minutes)} between two runs`;
  return hours > MAX_HEARTBEAT_HOURS
    ? { problem: `${gapText}, more than ${cannotWait}`, smallestFit: 0 }
    : { problem: `${gapText}, so the ScalerNotRunning alarm would go off between runs`, smallestFit: hours };
}

/** The values of `heartbeatHours` that fix a {@link HeartbeatMismatch}, in words. */
function heartbeatFix(mismatch: HeartbeatMismatch): string {
  const { smallestFit } = mismatch;
  if (smallestFit === 0) {
    return '0 (turns the alarm off)';
  }
  return `${smallestFit === MAX_HEARTBEAT_HOURS ? smallestFit : `${smallestFit} to ${MAX_HEARTBEAT_HOURS}`} (or 0 to turn the alarm off)`;
}

/**
 * The problems of {@link ScalerAlarmsProps}: `heartbeatHours` out of range, or shorter than the
 * gaps of `schedule` (when the schedule is valid: an invalid one is the trigger's problem). The
 * construct throws them, the stack collects them.
 */
function checkScalerAlarmsProps(
  props: Pick<ScalerAlarmsProps, 'heartbeatHours' | 'schedule'>,
): readonly ConfigProblem[] {
  const heartbeatHours = props.heartbeatHours ?? DEFAULT_HEARTBEAT_HOURS;
  const hoursProblem = describeHeartbeatHoursProblem(heartbeatHours);
  if (hoursProblem !== undefined) {
    return [{ setting: 'heartbeatHours', problem: hoursProblem }];
  }
  const schedule = props.schedule ?? DEFAULT_SCHEDULE;
  const mismatch =
    describeScheduleProblem(schedule) === undefined ? findHeartbeatMismatch(heartbeatHours, schedule) : undefined;
  if (mismatch === undefined) {
    return [];
  }
  const shown = props.heartbeatHours === undefined ? `${heartbeatHours} (the default)` : `${heartbeatHours}`;
  return [
    {
      setting: 'heartbeatHours',
      problem: `is ${shown}, but ${mismatch.problem}; set it to ${heartbeatFix(mismatch)}, or choose a schedule that runs more often`,
      fits: `${mismatch.smallestFit}`,
    },
  ];
}

// Runs are hourly by default; a 5-minute period reports a failed run within minutes instead
// of at the end of the hour.
const PERIOD = Duration.minutes(5);
// The heartbeat counts completed runs per hour, the unit of heartbeatHours.
const HEARTBEAT_PERIOD = Duration.hours(1);
// The longest period of an alarm that follows the runs (see runPeriodOf).
const MAX_RUN_PERIOD_MINUTES = 24 * 60;
// RowsDeferred goes off when this many consecutive run periods had deferred rows: one deferred
// run is expected to catch up (its deferred rows come first in the next run), two in a row is
// a run that cannot get through the table in time.
const DEFERRED_RUNS_TO_ALARM = 2;

/**
 * The period of an alarm that looks at the runs one by one: the time between two runs of
 * `schedule`, so each period holds one run's data point and consecutive periods are
 * consecutive runs. It is the longest gap `longestRunGap` reads from the schedule: exact for
 * every `rate(...)` and for a `cron(...)` with even gaps (`cron(0 * * * ? *)`: 1 hour); for
 * uneven gaps (`cron(0 8-17 * * ? *)`: 15 hours) every period still holds at least one run.
 * One day when the gap is longer than a day, when the schedule skips days (weekdays only), or
 * when the gap cannot be told (`L`, `W`, `#`, a year): then consecutive periods are consecutive
 * days. Two periods stay within CloudWatch's evaluation limits (1 day below a 1-hour period,
 * 7 days from 1 hour on).
 *
 * @param schedule - an expression `describeScheduleProblem` accepts
 *
 * @example
 * ```ts
 * runPeriodOf('cron(0 * * * ? *)').toMinutes(); // 60
 * runPeriodOf('rate(15 minutes)').toMinutes(); // 15
 * runPeriodOf('cron(0 8 ? * MON-FRI *)').toMinutes(); // 1440
 * ```
 */
function runPeriodOf(schedule: string): Duration {
  const gap = longestRunGap(schedule);
  return gap?.kind === 'minutes' && gap.minutes <= MAX_RUN_PERIOD_MINUTES
    ? Duration.minutes(gap.minutes)
    : Duration.minutes(MAX_RUN_PERIOD_MINUTES);
}

/**
 * An alarm on an event that should not happen: `>= 1` in one period, missing data not
 * breaching (no event, no data point), notifying `topic` when it goes into ALARM.
 */
function eventAlarm(
  scope: Construct,
  id: string,
  options: { readonly description: string; readonly metric: IMetric; readonly topic: ITopic },
): Alarm {
  const alarm = new Alarm(scope, id, {
    alarmDescription: options.description,
    metric: options.metric,
    threshold: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  alarm.addAlarmAction(new SnsAction(options.topic));
  return alarm;
}

/**
 * The scaler's alarms, each notifying the topic. Five are `>= 1` over one 5-minute period:
 * - `FunctionErrors`: a whole run failed (the handler threw, e.g. the table is unreadable);
 * - `ScalingErrors`: a run finished but rows were invalid or errored
 *   (`RowsInvalid + RowsErrored`, from the scaler's EMF metrics);
 * - `FunctionThrottles`: a run was refused because the previous one still held the single
 *   reserved execution;
 * - `DeadLetterQueueMessages`: EventBridge could not deliver a scheduled event at all;
 * - `HistoryWriteFailures`: a run could not write some entries of its audit trail.
 *
 * `RowsDeferred` goes off when rows stay deferred: the Maximum of `RowsDeferred` (rows a run
 * did not reach before its deadline) is above 0 in 2 consecutive periods of one run each
 * ({@link runPeriodOf} the schedule). A single deferred run is not alarmed: its deferred rows
 * come first in the next run.
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
class ScalerAlarms extends Construct {
  public readonly functionErrors: Alarm;
  public readonly scalingErrors: Alarm;
  public readonly rowsDeferred: Alarm;
  public readonly functionThrottles: Alarm;
  public readonly deadLetterQueueMessages: Alarm;
  /** History entries a run could not write to the audit trail (the rows' outcomes were not affected). */
  public readonly historyWriteFailures: Alarm;
  /** The heartbeat; `undefined` when `heartbeatHours` is 0. */
  public readonly scalerNotRunning?: Alarm;
  /** Every alarm above, in that order (the dashboard's alarm status widget lists them). */
  public readonly alarms: readonly Alarm[];

  public constructor(scope: Construct, id: string, props: ScalerAlarmsProps) {
    super(scope, id);
    throwOnProblems(checkScalerAlarmsProps(props));

    const heartbeatHours = props.heartbeatHours ?? DEFAULT_HEARTBEAT_HOURS;
    const runPeriod = runPeriodOf(props.schedule ?? DEFAULT_SCHEDULE);

    const { topic } = props;
    // One variable per failing-row metric, named after it: RowsErrored -> rowsErrored.
    const failingRows: Record<string, IMetric> = {};
    for (const metricName of FAILING_ROW_METRICS) {
      failingRows[metricName.charAt(0).toLowerCase() + metricName.slice(1)] = scalerMetric(metricName, {
        period: PERIOD,
      });
    }

    this.functionErrors = eventAlarm(this, 'FunctionErrors', {
      description:
        'A scaler run failed as a whole (for example the schedule table could not be read), so no ' +
        'MSF application was reconciled. See the function log group.',
      metric: props.scalerFunction.metricErrors({ period: PERIOD, statistic: Stats.SUM }),
      topic,
    });
    this.scalingErrors = eventAlarm(this, 'ScalingErrors', {
      description:
        `A scaler run could not reconcile some MSF applications: ${FAILING_ROW_METRICS.join(' + ')} was at ` +
        'least 1 (schedule rows that do not parse; MSF calls that failed; failed scalings held back; applications a failed scaling stopped). ' +
        'The function log has one line per row.',
      // The scaler emits every Rows* metric on every run, zeros included, so all series have
      // a data point in the same period and the sum is defined.
      metric: new MathExpression({
        expression: Object.keys(failingRows).join(' + '),
        usingMetrics: failingRows,
        label: 'Rows not reconciled',
        period: PERIOD,
      }),
      topic,
    });
    this.rowsDeferred = new Alarm(this, 'RowsDeferred', {
      alarmDescription:
        `Rows stayed deferred: ${DEFERRED_ROWS_METRIC} was above 0 in ${DEFERRED_RUNS_TO_ALARM} consecutive runs, ` +
        'so runs reach their deadline before every MSF application is reconciled, and some stay at the KPU they ' +
        'have. Compare the function duration with its timeout on the dashboard; the function log names the ' +
        'deferred rows and shows slow or throttled MSF calls.',
      // Maximum: the most rows one run left behind in the period (Sum would add up runs).
      metric: scalerMetric(DEFERRED_ROWS_METRIC, { period: runPeriod, statistic: Stats.MAXIMUM }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: DEFERRED_RUNS_TO_ALARM,
      datapointsToAlarm: DEFERRED_RUNS_TO_ALARM,
      // A period without a run is no news about deferred rows.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.rowsDeferred.addAlarmAction(new SnsAction(topic));
    this.functionThrottles = eventAlarm(this, 'FunctionThrottles', {
      description:
        'A scaler invocation was throttled: it came while another run held the single reserved execution ' +
        '(runs taking longer than the schedule period, or a manual invoke during a run).',
      metric: props.scalerFunction.metricThrottles({ period: PERIOD, statistic: Stats.SUM }),
      topic,
    });
    this.deadLetterQueueMessages = eventAlarm(this, 'DeadLetterQueueMessages', {
      description:
        'EventBridge could not invoke the scaler and put the scheduled event in the dead-letter queue: ' +
        'that run did not happen.',
      metric: props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: PERIOD,
        statistic: Stats.MAXIMUM,
      }),
      topic,
    });
    this.historyWriteFailures = eventAlarm(this, 'HistoryWriteFailures', {
      description:
        `A scaler run could not write some entries of its audit trail: ${HISTORY_WRITE_FAILURES_METRIC} was at least 1. ` +
        'Every row was still reconciled (history never changes an outcome), but msf-scaler history misses them. ' +
        'The function log names the history table and the cause (a missing table, dynamodb:BatchWriteItem denied, throttling).',
      metric: scalerMetric(HISTORY_WRITE_FAILURES_METRIC, { period: PERIOD }),
      topic,
    });
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
      this.scalerNotRunning.addAlarmAction(new SnsAction(topic));
    }
    this.alarms = [
      this.functionErrors,
      this.scalingErrors,
      this.rowsDeferred,
      this.functionThrottles,
      this.deadLetterQueueMessages,
      this.historyWriteFailures,
      ...(this.scalerNotRunning === undefined ? [] : [this.scalerNotRunning]),
    ];
  }
}

export type { HeartbeatMismatch, ScalerAlarmsProps };
export {
  checkScalerAlarmsProps,
  describeHeartbeatHoursProblem,
  findHeartbeatMismatch,
  heartbeatFix,
  runPeriodOf,
  ScalerAlarms,
};
