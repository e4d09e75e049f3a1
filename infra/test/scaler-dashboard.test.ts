import { OUTCOME_METRIC, OUTCOMES } from '@msf-scaler/scaler';
import { dashboardBody, dashboardWidget, dashboardWidgets } from './helpers/dashboard';
import { logicalIdOf, synthTemplate } from './helpers/stack';

/** A metric line of a dashboard body up to its dimensions, as `["ns","name","dim","value"`. */
const metricLine = (...parts: string[]): string => JSON.stringify(parts).slice(0, -1);

describe('Construct: ScalerDashboard', () => {
  it('creates one dashboard named after the stack and the region', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    template.hasResourceProperties('AWS::CloudWatch::Dashboard', {
      DashboardName: { 'Fn::Join': ['', ['TestStack-', { Ref: 'AWS::Region' }]] },
    });
    expect(JSON.parse(dashboardBody(template))).toMatchObject({ start: '-P1D' });
  });

  it('graphs all six row outcomes stacked, summed per hour, from the scaler namespace', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    const body = dashboardBody(template);
    expect(OUTCOMES.map((outcome) => OUTCOME_METRIC[outcome])).toStrictEqual([
      'RowsScaled',
      'RowsUnchanged',
      'RowsSkipped',
      'RowsBusy',
      'RowsInvalid',
      'RowsErrored',
    ]);
    for (const outcome of OUTCOMES) {
      expect(body).toContain(
        metricLine('MsfScheduledScaler', OUTCOME_METRIC[outcome], 'service', 'msf-scheduled-scaler'),
      );
    }
    const outcomes = dashboardWidget(template, 'metric', 'Row outcomes per run');
    expect(outcomes.properties).toMatchObject({ stacked: true, view: 'timeSeries' });
    expect(outcomes.properties.metrics).toHaveLength(OUTCOMES.length);
    for (const metric of outcomes.properties.metrics as unknown[][]) {
      expect(metric.at(-1)).toMatchObject({ stat: 'Sum', period: 3600 });
    }
  });

  it("graphs the function's invocations, errors, throttles and duration against the timeout", () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    const body = dashboardBody(template);
    const functionName = `\${${logicalIdOf(template, 'AWS::Lambda::Function')}}`;
    for (const metricName of ['Invocations', 'Errors', 'Throttles', 'Duration']) {
      expect(body).toContain(metricLine('AWS/Lambda', metricName, 'FunctionName', functionName));
    }
    expect(body).toContain('"stat":"p99"');
    expect(body).toContain('"stat":"Maximum"');
    expect(body).toContain('"annotations":{"horizontal":[{"value":300000,"label":"Timeout (5 minutes)"');
  });

  it('graphs the messages visible in the dead-letter queue', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    const queueName = `\${${logicalIdOf(template, 'AWS::SQS::Queue')}.QueueName}`;
    expect(dashboardBody(template)).toContain(
      metricLine('AWS/SQS', 'ApproximateNumberOfMessagesVisible', 'QueueName', queueName),
    );
  });

  it('shows the status of every alarm', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    const alarmArns = Object.keys(template.findResources('AWS::CloudWatch::Alarm')).map((id) => `\${${id}.Arn}`);
    const alarmWidget = dashboardWidget(template, 'alarm');
    expect(alarmArns).toHaveLength(5);
    expect(alarmWidget.properties.alarms).toStrictEqual(expect.arrayContaining(alarmArns));
    expect(alarmWidget.properties.alarms).toHaveLength(alarmArns.length);
  });

  it('lists the latest error, invalid and busy rows from the function log group', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    const logWidget = dashboardWidget(template, 'log');
    const query = logWidget.properties.query;
    expect(query).toContain(`SOURCE '\${${logicalIdOf(template, 'AWS::Logs::LogGroup')}}'`);
    expect(query).toContain('fields @timestamp, appName, outcome, reason');
    expect(query).toContain('filter outcome in ["error", "invalid", "busy"]');
    expect(query).toContain('sort @timestamp desc');
    expect(logWidget.properties.view).toBe('table');
  });

  it('explains itself in one line naming the table', () => {
    // Prepare
    // Act
    const created = synthTemplate();
    const imported = synthTemplate({ tableName: 'kept-schedules', importTable: true });

    // Assess
    const [createdText] = dashboardWidgets(created);
    const [importedText] = dashboardWidgets(imported);
    expect(createdText?.type).toBe('text');
    expect(createdText?.properties.markdown).toContain(`\`\${${logicalIdOf(created, 'AWS::DynamoDB::Table')}}\``);
    expect(importedText?.properties.markdown).toContain('`kept-schedules`');
    expect(importedText?.properties.markdown).not.toContain('\n');
  });
});
