import { EXAMPLE_ROW, toDynamoDbItemJson } from '@msf-scaler/schema';
import { ref, synthTemplate } from './helpers/stack';

/** The OnboardingCommand output value for `table` and the item JSON `item`. */
const onboardingCommand = (table: unknown, item: string): Record<string, unknown> => ({
  'Fn::Join': [
    '',
    ['aws dynamodb put-item --region ', { Ref: 'AWS::Region' }, ' --table-name ', table, ` --item '${item}'`],
  ],
});

describe('Stack: ScalerStack', () => {
  it('outputs the table, the function and the alarm topic', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    template.hasOutput('TableName', { Value: ref(template, 'AWS::DynamoDB::Table') });
    template.hasOutput('FunctionName', { Value: ref(template, 'AWS::Lambda::Function') });
    template.hasOutput('AlarmTopicArn', { Value: ref(template, 'AWS::SNS::Topic') });
  });

  it('outputs the console URL of the dashboard in the stack region', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    template.hasOutput('DashboardUrl', {
      Value: {
        'Fn::Join': [
          '',
          [
            'https://',
            { Ref: 'AWS::Region' },
            '.console.aws.amazon.com/cloudwatch/home?region=',
            { Ref: 'AWS::Region' },
            '#dashboards/dashboard/',
            ref(template, 'AWS::CloudWatch::Dashboard'),
          ],
        ],
      },
    });
  });

  it('outputs a put-item command that onboards the schema example row', () => {
    // Prepare
    const item = toDynamoDbItemJson(EXAMPLE_ROW);

    // Act
    const template = synthTemplate();

    // Assess
    expect(JSON.parse(item)).toMatchObject({ appName: { S: 'orders-enricher' } });
    template.hasOutput('OnboardingCommand', {
      Value: onboardingCommand(ref(template, 'AWS::DynamoDB::Table'), item),
    });
  });

  it('gives the example row the app-name prefix when it lacks it', () => {
    // Prepare
    const props = { appNamePrefix: 'payments-' };
    const item = toDynamoDbItemJson({ ...EXAMPLE_ROW, appName: 'payments-orders-enricher' });

    // Act
    const template = synthTemplate(props);

    // Assess
    template.hasOutput('OnboardingCommand', {
      Value: onboardingCommand(ref(template, 'AWS::DynamoDB::Table'), item),
    });
  });

  it('names the imported table in the environment and the outputs', () => {
    // Prepare
    const props = { tableName: 'kept-schedules', importTable: true };

    // Act
    const template = synthTemplate(props);

    // Assess
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { SCHEDULE_TABLE: 'kept-schedules' } },
    });
    template.hasOutput('TableName', { Value: 'kept-schedules' });
    template.hasOutput('OnboardingCommand', {
      Value: {
        'Fn::Join': [
          '',
          [
            'aws dynamodb put-item --region ',
            { Ref: 'AWS::Region' },
            ` --table-name kept-schedules --item '${toDynamoDbItemJson(EXAMPLE_ROW)}'`,
          ],
        ],
      },
    });
  });

  it('contains nothing but the scaler resources', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    const types = Object.values(template.toJSON().Resources as Record<string, { Type: string }>)
      .map((resource) => resource.Type)
      .sort();
    expect(types).toStrictEqual([
      'AWS::CloudWatch::Alarm',
      'AWS::CloudWatch::Alarm',
      'AWS::CloudWatch::Alarm',
      'AWS::CloudWatch::Alarm',
      'AWS::CloudWatch::Alarm',
      'AWS::CloudWatch::Dashboard',
      'AWS::DynamoDB::Table',
      'AWS::Events::Rule',
      'AWS::IAM::Policy',
      'AWS::IAM::Policy',
      'AWS::IAM::Role',
      'AWS::KMS::Key',
      'AWS::Lambda::EventInvokeConfig',
      'AWS::Lambda::Function',
      'AWS::Lambda::Permission',
      'AWS::Logs::LogGroup',
      'AWS::SNS::Topic',
      'AWS::SNS::TopicPolicy',
      'AWS::SQS::Queue',
      'AWS::SQS::QueuePolicy',
    ]);
  });
});
