import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { describeEmailProblem } from './config';
import { ScalerConfigError } from './errors';

/** Props of {@link AlarmTopic}. */
export interface AlarmTopicProps {
  /**
   * E-mail address to subscribe. SNS mails a confirmation link first; nothing is delivered
   * until it is clicked.
   *
   * @default - no subscription (subscribe later, e.g. a chat or paging integration)
   */
  readonly email?: string;
}

/**
 * The SNS topic every scaler alarm notifies. It always exists, so alarms always have a
 * target; the e-mail subscription is optional.
 *
 * The topic is encrypted with a customer-managed KMS key (rotated yearly) because CloudWatch
 * alarms cannot publish to a topic encrypted with the AWS managed key `alias/aws/sns`: its key
 * policy cannot be changed to let `cloudwatch.amazonaws.com` use it. Publishing requires TLS.
 *
 * @example
 * ```ts
 * const { topic } = new AlarmTopic(this, 'AlarmTopic', { email: 'ops@example.com' });
 * ```
 */
export class AlarmTopic extends Construct {
  public readonly topic: Topic;
  public readonly key: Key;

  public constructor(scope: Construct, id: string, props: AlarmTopicProps = {}) {
    super(scope, id);

    const problem = props.email === undefined ? undefined : describeEmailProblem(props.email);
    if (problem !== undefined) {
      throw new ScalerConfigError([`alarmEmail ${problem}`]);
    }

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
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        // In a key policy, "*" is this key.
        resources: ['*'],
      }),
    );

    this.topic = new Topic(this, 'Topic', {
      displayName: 'MSF scheduled scaler alarms',
      masterKey: this.key,
      enforceSSL: true,
    });
    if (props.email !== undefined) {
      this.topic.addSubscription(new EmailSubscription(props.email));
    }
  }
}
