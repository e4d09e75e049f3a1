import type { App } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { ScalerStackProps } from '../lib/scaler-stack';
import { createTestStack } from './helpers/stack';

/**
 * Every AwsSolutions finding left after acknowledgements, errors and warnings alike, as
 * `rule @ construct path` lines (readable when the assertion fails).
 *
 * cdk-nag 3 is a policy-validation plugin: it writes no annotations (so
 * `Annotations.fromStack(...).findError` would find nothing either way) but returns a report.
 * The app is synthesized first so the tree is complete (CDK adds some resources, such as
 * Lambda permissions, only while preparing the synth).
 */
const unacknowledgedFindings = (app: App): string[] => {
  app.synth();
  const report = new AwsSolutionsChecks().validateScope(app);
  return report.violations.flatMap((violation) =>
    violation.violatingResources.map(
      (resource) => `${violation.ruleName} (${violation.severity}) @ ${resource.constructPath ?? '?'}`,
    ),
  );
};

const VARIANTS: ReadonlyArray<[string, ScalerStackProps]> = [
  ['the defaults', {}],
  ['an app-name prefix and an alarm e-mail', { appNamePrefix: 'orders-', alarmEmail: 'ops@example.com' }],
  ['an imported table and a rate schedule', { importTable: true, tableName: 'kept', schedule: 'rate(15 minutes)' }],
  ['a daily schedule and no heartbeat alarm', { schedule: 'cron(0 8 * * ? *)', heartbeatHours: 0 }],
];

describe('Checks: AwsSolutions (cdk-nag)', () => {
  it.each(VARIANTS)('leaves no unacknowledged finding with %s', (_name, props) => {
    // Prepare
    const stack = createTestStack(props);

    // Act
    const findings = unacknowledgedFindings(stack.node.root as App);

    // Assess
    expect(findings).toStrictEqual([]);
  });

  it('lets the app synthesize with the plugin registered, as bin/app.ts does', () => {
    // Prepare
    const stack = createTestStack({ appNamePrefix: 'orders-', alarmEmail: 'ops@example.com' }, { nag: true });

    // Act
    const synth = (): unknown => (stack.node.root as App).synth();

    // Assess
    expect(synth).not.toThrow();
  });

  it('reports a finding nobody acknowledged (the check is live)', () => {
    // Prepare
    const stack = createTestStack();
    new Queue(stack, 'UnencryptedQueue', { encryption: QueueEncryption.UNENCRYPTED });

    // Act
    const findings = unacknowledgedFindings(stack.node.root as App);

    // Assess
    expect(findings).toStrictEqual([
      'AwsSolutions-SQS2 (error) @ TestStack/UnencryptedQueue/Resource',
      'AwsSolutions-SQS3 (error) @ TestStack/UnencryptedQueue/Resource',
      'AwsSolutions-SQS4 (error) @ TestStack/UnencryptedQueue/Resource',
    ]);
  });

  it('fails the synth on a finding when the plugin is registered', () => {
    // Prepare
    const stack = createTestStack({}, { nag: true });
    new Queue(stack, 'UnencryptedQueue', { encryption: QueueEncryption.UNENCRYPTED });

    // Act
    const synth = (): unknown => (stack.node.root as App).synth();

    // Assess
    expect(synth).toThrow(/AwsSolutions-SQS2/);
  });
});
