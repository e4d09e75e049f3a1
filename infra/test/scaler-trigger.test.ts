import { Match } from 'aws-cdk-lib/assertions';
import { ScalerConfigError } from '../lib/errors';
import { createTestStack, getAtt, synthTemplate } from './helpers/stack';

describe('Construct: ScalerTrigger', () => {
  it('runs the function every hour at minute 0 UTC by default', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    template.resourceCountIs('AWS::Events::Rule', 1);
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(0 * * * ? *)',
      State: 'ENABLED',
    });
  });

  it('uses the schedule prop', () => {
    // Prepare
    const props = { schedule: 'rate(30 minutes)' };

    // Act
    const template = synthTemplate(props);

    // Assess
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(30 minutes)' });
  });

  it('targets the function with a retry policy and a dead-letter queue', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    template.hasResourceProperties('AWS::Events::Rule', {
      Targets: [
        {
          Id: 'Target0',
          Arn: getAtt(template, 'AWS::Lambda::Function', 'Arn'),
          RetryPolicy: { MaximumEventAgeInSeconds: 3600, MaximumRetryAttempts: 2 },
          DeadLetterConfig: { Arn: getAtt(template, 'AWS::SQS::Queue', 'Arn') },
        },
      ],
    });
  });

  it('lets only this rule invoke the function', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    template.resourceCountIs('AWS::Lambda::Permission', 1);
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: getAtt(template, 'AWS::Lambda::Function', 'Arn'),
      Principal: 'events.amazonaws.com',
      SourceArn: getAtt(template, 'AWS::Events::Rule', 'Arn'),
    });
  });

  it('keeps undelivered events 14 days in an SQS-encrypted queue', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    template.resourceCountIs('AWS::SQS::Queue', 1);
    template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 1209600,
      KmsMasterKeyId: Match.absent(),
    });
  });

  it('lets only this rule send to the dead-letter queue, and only over TLS', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    const queueArn = getAtt(template, 'AWS::SQS::Queue', 'Arn');
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Deny',
            Action: 'sqs:*',
            Principal: { AWS: '*' },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            Resource: queueArn,
          },
          {
            Effect: 'Allow',
            Action: 'sqs:SendMessage',
            Principal: { Service: 'events.amazonaws.com' },
            Condition: { ArnEquals: { 'aws:SourceArn': getAtt(template, 'AWS::Events::Rule', 'Arn') } },
            Resource: queueArn,
          },
        ],
      },
    });
  });

  it('refuses an invalid schedule prop', () => {
    // Prepare
    const props = { schedule: 'cron(0 * * * *)' };

    // Act
    const act = (): unknown => createTestStack(props);

    // Assess
    expect(act).toThrow(ScalerConfigError);
    expect(act).toThrow(/schedule must have 6 fields/);
  });
});
