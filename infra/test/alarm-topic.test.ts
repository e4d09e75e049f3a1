import { Match } from 'aws-cdk-lib/assertions';
import { ScalerConfigError } from '../lib/errors';
import { createTestStack, getAtt, ref, synthTemplate } from './helpers/stack';

describe('Construct: AlarmTopic', () => {
  it('encrypts the topic with a rotated customer-managed key', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: getAtt(template, 'AWS::KMS::Key', 'Arn'),
    });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('lets CloudWatch use the key, which alarms need to publish to an encrypted topic', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          {
            Sid: 'AllowCloudWatchAlarmsToPublishToTheTopic',
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
            Resource: '*',
          },
        ]),
      },
    });
  });

  it('refuses publishing without TLS', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [ref(template, 'AWS::SNS::Topic')],
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Deny',
            Action: 'sns:Publish',
            Principal: '*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            Resource: ref(template, 'AWS::SNS::Topic'),
          },
        ],
      },
    });
  });

  it('subscribes nobody without an alarm e-mail', () => {
    // Prepare
    // Act
    const template = synthTemplate();

    // Assess
    template.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('subscribes the alarm e-mail', () => {
    // Prepare
    const props = { alarmEmail: 'ops@example.com' };

    // Act
    const template = synthTemplate(props);

    // Assess
    template.resourceCountIs('AWS::SNS::Subscription', 1);
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.com',
      TopicArn: ref(template, 'AWS::SNS::Topic'),
    });
  });

  it('refuses an invalid alarm e-mail prop', () => {
    // Prepare
    const props = { alarmEmail: 'ops' };

    // Act
    const act = (): unknown => createTestStack(props);

    // Assess
    expect(act).toThrow(ScalerConfigError);
    expect(act).toThrow(/alarmEmail must be an e-mail address such as ops@example\.com, got "ops"/);
  });
});
