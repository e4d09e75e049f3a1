import { Match, type Template } from 'aws-cdk-lib/assertions';
import { ScalerConfigError } from '../lib/errors';
import type { ScalerStackProps } from '../lib/scaler-stack';
import { createTestStack, getAtt, ref, synthTemplate } from './helpers/stack';

/** The alarm whose logical ID starts with `ScalerAlarms<name>`. */
const alarmProperties = (template: Template, name: string): Record<string, unknown> => {
  const alarms = template.findResources('AWS::CloudWatch::Alarm');
  const id = Object.keys(alarms).find((logicalId) => logicalId.startsWith(`ScalerAlarms${name}`));
  if (id === undefined) throw new Error(`no alarm ${name} in ${Object.keys(alarms).join(', ')}`);
  return (alarms[id] as { Properties: Record<string, unknown> }).Properties;
};

/** The alarms on events that should not happen: >= 1 in one 5-minute period, missing data is fine. */
const EVENT_ALARMS = ['FunctionErrors', 'ScalingErrors', 'FunctionThrottles', 'DeadLetterQueueMessages'] as const;

/** The heartbeat alarm's properties, all of them, for `hours` (its description is checked apart). */
const notRunningProperties = (template: Template, hours: number): Record<string, unknown> => ({
  AlarmDescription: expect.stringMatching(new RegExp(`^No scaler run has completed for ${hours} hours \\(RowsTotal`)),
  Namespace: 'MsfScheduledScaler',
  MetricName: 'RowsTotal',
  Dimensions: [{ Name: 'service', Value: 'msf-scheduled-scaler' }],
  Statistic: 'SampleCount',
  Period: 3600,
  EvaluationPeriods: hours,
  DatapointsToAlarm: hours,
  Threshold: 1,
  ComparisonOperator: 'LessThanThreshold',
  TreatMissingData: 'breaching',
  AlarmActions: [ref(template, 'AWS::SNS::Topic')],
});

/** The error creating a stack with `props` throws, or a failure when it does not throw. */
const stackErrorFor = (props: ScalerStackProps): ScalerConfigError => {
  try {
    createTestStack(props);
  } catch (error) {
    if (error instanceof ScalerConfigError) return error;
    throw error;
  }
  throw new Error(`the stack accepted ${JSON.stringify(props)}`);
};

/** What every event alarm shares: >= 1 in one 5-minute period, missing data is fine, notify the topic. */
const commonAlarmProperties = (template: Template): Record<string, unknown> => ({
  Threshold: 1,
  ComparisonOperator: 'GreaterThanOrEqualToThreshold',
  EvaluationPeriods: 1,
  TreatMissingData: 'notBreaching',
  AlarmActions: [ref(template, 'AWS::SNS::Topic')],
});

describe('Construct: ScalerAlarms', () => {
  it('creates five alarms, each notifying the alarm topic', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    template.resourceCountIs('AWS::CloudWatch::Alarm', 5);
    template.allResourcesProperties('AWS::CloudWatch::Alarm', { AlarmActions: [ref(template, 'AWS::SNS::Topic')] });
    for (const name of EVENT_ALARMS) {
      expect(alarmProperties(template, name)).toMatchObject(commonAlarmProperties(template));
    }
  });

  it('alarms on any function error', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    expect(alarmProperties(template, 'FunctionErrors')).toMatchObject({
      ...commonAlarmProperties(template),
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: ref(template, 'AWS::Lambda::Function') }],
      Statistic: 'Sum',
      Period: 300,
    });
  });

  it('alarms when rows are invalid or errored, from the scaler metrics', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    const rowMetric = (id: string, metricName: string): Record<string, unknown> => ({
      Id: id,
      ReturnData: false,
      MetricStat: {
        Metric: {
          Namespace: 'MsfScheduledScaler',
          MetricName: metricName,
          Dimensions: [{ Name: 'service', Value: 'msf-scheduled-scaler' }],
        },
        Period: 300,
        Stat: 'Sum',
      },
    });
    const properties = alarmProperties(template, 'ScalingErrors');
    expect(properties).toMatchObject(commonAlarmProperties(template));
    expect(properties.Metrics).toStrictEqual([
      { Id: 'expr_1', Expression: 'rowsInvalid + rowsErrored', Label: 'Rows not reconciled', ReturnData: true },
      rowMetric('rowsInvalid', 'RowsInvalid'),
      rowMetric('rowsErrored', 'RowsErrored'),
    ]);
  });

  it('alarms on any throttled invocation', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    expect(alarmProperties(template, 'FunctionThrottles')).toMatchObject({
      ...commonAlarmProperties(template),
      Namespace: 'AWS/Lambda',
      MetricName: 'Throttles',
      Dimensions: [{ Name: 'FunctionName', Value: ref(template, 'AWS::Lambda::Function') }],
      Statistic: 'Sum',
      Period: 300,
    });
  });

  it('alarms when the dead-letter queue holds a message', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    expect(alarmProperties(template, 'DeadLetterQueueMessages')).toMatchObject({
      ...commonAlarmProperties(template),
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: getAtt(template, 'AWS::SQS::Queue', 'QueueName') }],
      Statistic: 'Maximum',
      Period: 300,
    });
  });

  it('alarms when no run completed for 2 hours by default, missing data breaching', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    const properties = alarmProperties(template, 'ScalerNotRunning');
    expect(properties).toStrictEqual(notRunningProperties(template, 2));
    expect(properties.AlarmDescription).toContain('Check that the EventBridge rule is enabled');
  });

  it('waits heartbeatHours hourly periods, all breaching, when set', () => {
    // Prepare
    const props = { heartbeatHours: 6 };

    // Act
    const template = synthTemplate(props);

    // Assess
    expect(alarmProperties(template, 'ScalerNotRunning')).toStrictEqual(notRunningProperties(template, 6));
  });

  it('creates no heartbeat alarm when heartbeatHours is 0, whatever the schedule', () => {
    // Prepare
    const props = { heartbeatHours: 0, schedule: 'cron(0 8 ? * MON-FRI *)' };

    // Act
    const template = synthTemplate(props);

    // Assess
    template.resourceCountIs('AWS::CloudWatch::Alarm', 4);
    expect(() => alarmProperties(template, 'ScalerNotRunning')).toThrow(/no alarm ScalerNotRunning/);
  });

  it('accepts a heartbeat as long as the longest gap between runs', () => {
    // Prepare
    const props = { schedule: 'cron(0 8 * * ? *)', heartbeatHours: 24 };

    // Act
    const template = synthTemplate(props);

    // Assess
    expect(alarmProperties(template, 'ScalerNotRunning')).toStrictEqual(notRunningProperties(template, 24));
  });

  it.each([25, -1, 1.5])('refuses heartbeatHours %s', (heartbeatHours) => {
    // Prepare
    const props = { heartbeatHours };

    // Act
    const error = stackErrorFor(props);

    // Assess
    expect(error.problems).toStrictEqual([
      `heartbeatHours must be a whole number of hours from 1 to 24, or 0 to turn the ScalerNotRunning alarm off, got ${heartbeatHours}`,
    ]);
  });

  it('refuses a heartbeat shorter than the time between runs, saying what fits', () => {
    // Prepare
    const props = { schedule: 'rate(3 hours)' };

    // Act
    const error = stackErrorFor(props);

    // Assess
    expect(error.problems).toStrictEqual([
      'heartbeatHours is 2, but schedule "rate(3 hours)" leaves up to 3 hours between two runs, so the ' +
        'ScalerNotRunning alarm would go off between runs. Set it to 3 to 24 (or 0 to turn the alarm off).',
    ]);
  });

  it('notifies on ALARM only', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    template.allResourcesProperties('AWS::CloudWatch::Alarm', {
      OKActions: Match.absent(),
      InsufficientDataActions: Match.absent(),
    });
  });
});
