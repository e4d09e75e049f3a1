import { Match, type Template } from 'aws-cdk-lib/assertions';
import { getAtt, ref, synthTemplate } from './helpers/stack';

/** The alarm whose logical ID starts with `ScalerAlarms<name>`. */
const alarmProperties = (template: Template, name: string): Record<string, unknown> => {
  const alarms = template.findResources('AWS::CloudWatch::Alarm');
  const id = Object.keys(alarms).find((logicalId) => logicalId.startsWith(`ScalerAlarms${name}`));
  if (id === undefined) throw new Error(`no alarm ${name} in ${Object.keys(alarms).join(', ')}`);
  return (alarms[id] as { Properties: Record<string, unknown> }).Properties;
};

/** What every alarm shares: >= 1 in one 5-minute period, missing data is fine, notify the topic. */
const commonAlarmProperties = (template: Template): Record<string, unknown> => ({
  Threshold: 1,
  ComparisonOperator: 'GreaterThanOrEqualToThreshold',
  EvaluationPeriods: 1,
  TreatMissingData: 'notBreaching',
  AlarmActions: [ref(template, 'AWS::SNS::Topic')],
});

describe('Construct: ScalerAlarms', () => {
  it('creates four alarms, each notifying the alarm topic', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    template.resourceCountIs('AWS::CloudWatch::Alarm', 4);
    template.allResourcesProperties('AWS::CloudWatch::Alarm', commonAlarmProperties(template));
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
