import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { type ConfigProblem, throwOnProblems } from './errors';

/** Props of {@link AlarmTopic}. */
interface AlarmTopicProps {
  /**
   * E-mail address to subscribe. SNS mails a confirmation link first; nothing is delivered
   * until it is clicked.
   *
   * @default - no subscription (subscribe later, e.g. a chat or paging integration)
   */
  readonly alarmEmail?: string;
}

// Deliberately loose: one @, no spaces, a dot in the domain. SNS sends a confirmation mail,
// which is the real check.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Says what is wrong with an e-mail address, or `undefined` when it looks like one. */
function describeEmailProblem(email: string): string | undefined {
  return EMAIL_PATTERN.test(email) ? undefined : `must be an e-mail address such as ops@example.com, got "${email}"`;
}

/** The problems of {@link AlarmTopicProps}; the construct throws them, the stack collects them. */
function checkAlarmTopicProps(props: AlarmTopicProps): readonly ConfigProblem[] {
  const problem = props.alarmEmail === undefined ? undefined : describeEmailProblem(props.alarmEmail);
  return problem === undefined ? [] : [{ setting: 'alarmEmail', problem }];
}

/** The service that calls SNS and KMS when an alarm of this account notifies the topic. */
const CLOUDWATCH_SERVICE_PRINCIPAL = 'cloudwatch.amazonaws.com';

/**
 * The conditions under which {@link CLOUDWATCH_SERVICE_PRINCIPAL} may publish to the topic and
 * use its key: the call is made for an alarm of this account and region
 * (`aws:SourceAccount`, and `aws:SourceArn` like `arn:<partition>:cloudwatch:<region>:<account>:alarm:*`),
 * so no other account's alarm can send to the topic through CloudWatch (confused deputy).
 */
function ownAlarmsConditions(scope: Construct): Record<string, Record<string, string>> {
  const stack = Stack.of(scope);
  return {
    StringEquals: { 'aws:SourceAccount': stack.account },
    ArnLike: {
      'aws:SourceArn': stack.formatArn({
        service: 'cloudwatch',
        resource: 'alarm',
        resourceName: '*',
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      }),
    },
  };
}

/**
 * The SNS topic every scaler alarm notifies. It always exists, so alarms always have a
 * target; the e-mail subscription is optional.
 *
 * The topic is encrypted with a customer-managed KMS key (rotated yearly) because CloudWatch
 * alarms cannot publish to a topic encrypted with the AWS managed key `alias/aws/sns`: its key
 * policy cannot be changed to let `cloudwatch.amazonaws.com` use it. Publishing requires TLS.
 *
 * An alarm needs two grants to notify the topic, both for `cloudwatch.amazonaws.com` and both
 * limited to this account's alarms in this region: the key policy lets it use the key
 * (`kms:Decrypt`, `kms:GenerateDataKey*`), and the topic policy lets it `sns:Publish`. The
 * second one is needed because the topic policy that `enforceSSL` creates (a Deny of publishing
 * without TLS) replaces SNS's default policy: without an Allow, the alarm's notification fails
 * with "no resource-based policy allows the SNS:Publish action" and nobody hears of it.
 *
 * @throws {ScalerConfigError} when `alarmEmail` does not look like an e-mail address
 *
 * @example
 * ```ts
 * const { topic } = new AlarmTopic(this, 'AlarmTopic', { alarmEmail: 'ops@example.com' });
 * ```
 */
class AlarmTopic extends Construct {
  public readonly topic: Topic;
  public readonly key: Key;

  public constructor(scope: Construct, id: string, props: AlarmTopicProps = {}) {
    super(scope, id);
    throwOnProblems(checkAlarmTopicProps(props));

    this.key = new Key(this, 'Key', {
      description: 'Encrypts the MSF scheduled scaler alarm topic.',
      enableKeyRotation: true,
      // The key only protects messages in flight; it goes with the topic.
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToPublishToTheTopic',
        principals: [new ServicePrincipal(CLOUDWATCH_SERVICE_PRINCIPAL)],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        // In a key policy, "*" is this key.
        resources: ['*'],
        conditions: ownAlarmsConditions(this),
      }),
    );

    this.topic = new Topic(this, 'Topic', {
      displayName: 'MSF scheduled scaler alarms',
      masterKey: this.key,
      enforceSSL: true,
    });
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToPublish',
        principals: [new ServicePrincipal(CLOUDWATCH_SERVICE_PRINCIPAL)],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: ownAlarmsConditions(this),
      }),
    );
    if (props.alarmEmail !== undefined) {
      this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    }
  }
}

export type { AlarmTopicProps };
export { AlarmTopic, checkAlarmTopicProps, describeEmailProblem };
