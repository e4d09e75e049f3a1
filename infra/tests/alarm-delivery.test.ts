import { SampleDeployment, walkAlarmDelivery } from './helpers/alarm-delivery';

// The walker against hand-built template fragments, shaped like what CDK synthesizes: it must
// pass a fragment that delivers, and report each way delivery breaks. The real templates are
// walked in scaler-stack.test.ts.

const ACCOUNT = { Ref: 'AWS::AccountId' };
const REGION = { Ref: 'AWS::Region' };
const PARTITION = { Ref: 'AWS::Partition' };
const TOPIC = { Ref: 'Topic' };

/** `arn:<partition>:cloudwatch:<region>:<account>:alarm:*` as CDK writes it. */
const OWN_ALARMS_ARN = { 'Fn::Join': ['', ['arn:', PARTITION, ':cloudwatch:', REGION, ':', ACCOUNT, ':alarm:*']] };

/** The conditions both Allows carry. */
const OWN_ALARMS = { StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': OWN_ALARMS_ARN } };

/** The Deny that `enforceSSL` adds. */
const SSL_DENY = {
  Sid: 'AllowPublishThroughSSLOnly',
  Effect: 'Deny',
  Principal: '*',
  Action: 'sns:Publish',
  Resource: TOPIC,
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
};

const PUBLISH_ALLOW = {
  Sid: 'AllowCloudWatchAlarmsToPublish',
  Effect: 'Allow',
  Principal: { Service: 'cloudwatch.amazonaws.com' },
  Action: 'sns:Publish',
  Resource: TOPIC,
  Condition: OWN_ALARMS,
};

const ROOT_ALLOW = {
  Effect: 'Allow',
  Principal: { AWS: { 'Fn::Join': ['', ['arn:', PARTITION, ':iam::', ACCOUNT, ':root']] } },
  Action: 'kms:*',
  Resource: '*',
};

const KEY_ALLOW = {
  Sid: 'AllowCloudWatchAlarmsToPublishToTheTopic',
  Effect: 'Allow',
  Principal: { Service: 'cloudwatch.amazonaws.com' },
  Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
  Resource: '*',
  Condition: OWN_ALARMS,
};

/** What a fragment is made of; every part has the delivering default. */
interface Fragment {
  readonly alarm?: Record<string, unknown>;
  readonly topicStatements?: readonly unknown[];
  readonly keyStatements?: readonly unknown[];
  readonly kmsMasterKeyId?: unknown;
}

/** A template with one alarm notifying one KMS-encrypted topic that has a topic policy. */
function fragment(parts: Fragment = {}): Record<string, unknown> {
  return {
    Resources: {
      Alarm: { Type: 'AWS::CloudWatch::Alarm', Properties: parts.alarm ?? { AlarmActions: [TOPIC] } },
      Topic: {
        Type: 'AWS::SNS::Topic',
        Properties: { KmsMasterKeyId: parts.kmsMasterKeyId ?? { 'Fn::GetAtt': ['Key', 'Arn'] } },
      },
      TopicPolicy: {
        Type: 'AWS::SNS::TopicPolicy',
        Properties: {
          Topics: [TOPIC],
          PolicyDocument: { Version: '2012-10-17', Statement: parts.topicStatements ?? [SSL_DENY, PUBLISH_ALLOW] },
        },
      },
      Key: {
        Type: 'AWS::KMS::Key',
        Properties: { KeyPolicy: { Version: '2012-10-17', Statement: parts.keyStatements ?? [ROOT_ALLOW, KEY_ALLOW] } },
      },
    },
  };
}

const NO_PUBLISH_ALLOW =
  "Alarm AlarmActions[0]: the topic policy of Topic has no Allow of sns:Publish for cloudwatch.amazonaws.com with aws:SourceAccount and aws:SourceArn of this account's alarms";

describe('Function: walkAlarmDelivery', () => {
  it('passes an alarm whose topic policy and key policy both let CloudWatch in, TLS Deny included', () => {
    // Prepare
    const template = fragment();

    // Act
    const report = walkAlarmDelivery(template);

    // Assess
    expect(report).toStrictEqual({ actions: ['Alarm AlarmActions[0] -> Topic'], problems: [] });
  });

  it('reports a topic policy holding only the enforceSSL Deny (no Allow for CloudWatch)', () => {
    // Prepare
    const template = fragment({ topicStatements: [SSL_DENY] });

    // Act
    const { problems } = walkAlarmDelivery(template);

    // Assess
    expect(problems).toStrictEqual([NO_PUBLISH_ALLOW]);
  });

  it('reports a topic without any topic policy', () => {
    // Prepare
    const template = fragment();
    delete (template.Resources as Record<string, unknown>).TopicPolicy;

    // Act
    const { problems } = walkAlarmDelivery(template);

    // Assess
    expect(problems).toStrictEqual([NO_PUBLISH_ALLOW]);
  });

  it.each([
    ['without conditions', { ...PUBLISH_ALLOW, Condition: undefined }],
    ['with aws:SourceAccount only', { ...PUBLISH_ALLOW, Condition: { StringEquals: OWN_ALARMS.StringEquals } }],
    ['with aws:SourceArn only', { ...PUBLISH_ALLOW, Condition: { ArnLike: OWN_ALARMS.ArnLike } }],
    [
      'for alarms of any region',
      {
        ...PUBLISH_ALLOW,
        Condition: {
          ...OWN_ALARMS,
          ArnLike: { 'aws:SourceArn': { 'Fn::Join': ['', ['arn:aws:cloudwatch:*:', ACCOUNT, ':alarm:*']] } },
        },
      },
    ],
    [
      'for any account, by wildcards',
      {
        ...PUBLISH_ALLOW,
        Condition: {
          StringLike: { 'aws:SourceAccount': '*' },
          ArnLike: { 'aws:SourceArn': 'arn:aws:cloudwatch:*:*:alarm:*' },
        },
      },
    ],
  ])('reports an Allow %s as not limited to this account', (_case, allow) => {
    // Prepare
    const template = fragment({ topicStatements: [SSL_DENY, JSON.parse(JSON.stringify(allow))] });

    // Act
    const { problems } = walkAlarmDelivery(template);

    // Assess
    expect(problems).toStrictEqual([
      `${NO_PUBLISH_ALLOW} ("AllowCloudWatchAlarmsToPublish" allows it, but not limited by aws:SourceAccount and aws:SourceArn to this account's alarms in this region)`,
    ]);
  });

  it.each([
    ['another account', { ...OWN_ALARMS, StringEquals: { 'aws:SourceAccount': '999988887777' } }],
    [
      "another account's alarms",
      {
        ...OWN_ALARMS,
        ArnLike: {
          'aws:SourceArn': { 'Fn::Join': ['', ['arn:', PARTITION, ':cloudwatch:', REGION, ':999988887777:alarm:*']] },
        },
      },
    ],
    ['another service', undefined],
  ])('reports an Allow for %s', (_case, condition) => {
    // Prepare
    const allow =
      condition === undefined
        ? { ...PUBLISH_ALLOW, Principal: { Service: 'events.amazonaws.com' } }
        : { ...PUBLISH_ALLOW, Condition: condition };
    const template = fragment({ topicStatements: [SSL_DENY, allow] });

    // Act
    const { problems } = walkAlarmDelivery(template);

    // Assess
    expect(problems).toStrictEqual([NO_PUBLISH_ALLOW]);
  });

  it.each([
    ['with no condition', { ...SSL_DENY, Condition: undefined }, 'denies'],
    ['for calls over TLS', { ...SSL_DENY, Condition: { Bool: { 'aws:SecureTransport': 'true' } } }, 'denies'],
    [
      'to other accounts, by a negated operator that the own account passes',
      { ...SSL_DENY, Condition: { StringNotEquals: { 'aws:SourceAccount': '999988887777' } } },
      'denies',
    ],
    [
      'on a condition the walker cannot evaluate',
      { ...SSL_DENY, Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } } },
      'may deny',
    ],
  ])('reports a Deny %s, even next to the Allow', (_case, deny, verb) => {
    // Prepare
    const template = fragment({ topicStatements: [JSON.parse(JSON.stringify(deny)), PUBLISH_ALLOW] });

    // Act
    const { problems } = walkAlarmDelivery(template);

    // Assess
    expect(problems).toStrictEqual([
      expect.stringMatching(
        new RegExp(
          `^Alarm AlarmActions\\[0\\]: the topic policy of Topic "AllowPublishThroughSSLOnly" ${verb} sns:Publish`,
        ),
      ),
    ]);
  });

  it('lets a Deny for other accounts pass (evaluated, not ignored)', () => {
    // Prepare
    const deny = { ...SSL_DENY, Condition: { StringNotEquals: { 'aws:SourceAccount': ACCOUNT } } };
    const template = fragment({ topicStatements: [deny, PUBLISH_ALLOW] });

    // Act
    const { problems } = walkAlarmDelivery(template);

    // Assess
    expect(problems).toStrictEqual([]);
  });

  it('reports a key policy without CloudWatch, for both KMS calls', () => {
    // Prepare
    const template = fragment({ keyStatements: [ROOT_ALLOW] });

    // Act
    const { problems } = walkAlarmDelivery(template);

    // Assess
    expect(problems).toStrictEqual(
      ['kms:Decrypt', 'kms:GenerateDataKey'].map(
        (action) =>
          `Alarm AlarmActions[0]: the key policy of Key (encrypting Topic) has no Allow of ${action} for ` +
          "cloudwatch.amazonaws.com with aws:SourceAccount and aws:SourceArn of this account's alarms",
      ),
    );
  });

  it('reports a key statement that allows kms:Decrypt only, or has no conditions', () => {
    // Prepare
    const decryptOnly = fragment({ keyStatements: [ROOT_ALLOW, { ...KEY_ALLOW, Action: 'kms:Decrypt' }] });
    const unconditioned = fragment({ keyStatements: [ROOT_ALLOW, { ...KEY_ALLOW, Condition: undefined }] });

    // Act
    const decryptOnlyProblems = walkAlarmDelivery(decryptOnly).problems;
    const unconditionedProblems = walkAlarmDelivery(JSON.parse(JSON.stringify(unconditioned))).problems;

    // Assess
    expect(decryptOnlyProblems).toStrictEqual([expect.stringContaining('has no Allow of kms:GenerateDataKey for')]);
    expect(unconditionedProblems).toHaveLength(2);
    expect(unconditionedProblems).toStrictEqual(
      Array(2).fill(expect.stringContaining('"AllowCloudWatchAlarmsToPublishToTheTopic" allows it, but not limited')),
    );
  });

  it('reports a topic encrypted with a key outside the template, such as alias/aws/sns', () => {
    // Prepare
    const template = fragment({ kmsMasterKeyId: 'alias/aws/sns' });

    // Act
    const { problems } = walkAlarmDelivery(template);

    // Assess
    expect(problems).toStrictEqual([
      expect.stringMatching(
        /^Alarm AlarmActions\[0\]: Topic is encrypted with "alias\/aws\/sns", not a key of this template/,
      ),
    ]);
  });

  it('walks OKActions and InsufficientDataActions too, and reports a target that is not a topic of the template', () => {
    // Prepare
    const template = fragment({
      alarm: {
        AlarmActions: [TOPIC],
        OKActions: ['arn:aws:sns:eu-central-1:123456789012:elsewhere'],
        InsufficientDataActions: [TOPIC],
      },
      topicStatements: [SSL_DENY],
    });

    // Act
    const report = walkAlarmDelivery(template);

    // Assess
    expect(report.actions).toStrictEqual([
      'Alarm AlarmActions[0] -> Topic',
      'Alarm OKActions[0] -> "arn:aws:sns:eu-central-1:123456789012:elsewhere"',
      'Alarm InsufficientDataActions[0] -> Topic',
    ]);
    expect(report.problems).toStrictEqual([
      NO_PUBLISH_ALLOW,
      'Alarm OKActions[0]: "arn:aws:sns:eu-central-1:123456789012:elsewhere" is not a topic of this template, so it cannot be checked',
      NO_PUBLISH_ALLOW.replace('AlarmActions', 'InsufficientDataActions'),
    ]);
  });

  it('evaluates the pseudo parameters for the deployment it is given', () => {
    // Prepare
    const hardCoded = {
      ...PUBLISH_ALLOW,
      Condition: {
        StringEquals: { 'aws:SourceAccount': SampleDeployment.account },
        ArnLike: {
          'aws:SourceArn': `arn:aws:cloudwatch:${SampleDeployment.region}:${SampleDeployment.account}:alarm:*`,
        },
      },
    };
    const template = fragment({ topicStatements: [SSL_DENY, hardCoded] });

    // Act
    const sample = walkAlarmDelivery(template).problems;
    const elsewhere = walkAlarmDelivery(template, {
      account: '111122223333',
      region: 'us-east-1',
      partition: 'aws',
    }).problems;

    // Assess
    expect(sample).toStrictEqual([]);
    expect(elsewhere).toStrictEqual([NO_PUBLISH_ALLOW]);
  });
});
