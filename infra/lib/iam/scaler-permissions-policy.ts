import { APP_NAME_MAX_LENGTH, APP_NAME_PATTERN } from '@msf-scaler/schema';
import { ArnFormat, Stack, Validations } from 'aws-cdk-lib';
import { Effect, Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { type ConfigProblem, throwOnProblems } from '../errors';
import type { ScheduleTableRef } from '../schedule-table';

/** Props of {@link ScalerPermissionsPolicy}. */
interface ScalerPermissionsPolicyProps {
  /** The schedule table the scaler scans. */
  readonly table: ScheduleTableRef;
  /** The scaler's own log group. */
  readonly logGroup: ILogGroup;
  /**
   * Only MSF applications whose names start with this prefix may be described or updated.
   * MSF name characters only (`a-z A-Z 0-9 _ . -`).
   *
   * @default - every application in the stack's account and region
   */
  readonly appNamePrefix?: string;
}

/**
 * Says what is wrong with an MSF application-name prefix, or `undefined` when it is valid.
 * The prefix goes into an IAM resource ARN, so only MSF name characters are allowed.
 */
function describeAppNamePrefixProblem(prefix: string): string | undefined {
  // Anything but MSF name characters (`*`, `?`, `/`) would widen or break the IAM resource.
  return APP_NAME_PATTERN.test(prefix) && prefix.length <= APP_NAME_MAX_LENGTH
    ? undefined
    : `must be 1-${APP_NAME_MAX_LENGTH} characters of a-z A-Z 0-9 _ . - (the characters of an MSF application name), got "${prefix}"`;
}

/** The problems of {@link ScalerPermissionsPolicyProps}; the construct throws them, the stack collects them. */
function checkScalerPermissionsPolicyProps(
  props: Pick<ScalerPermissionsPolicyProps, 'appNamePrefix'>,
): readonly ConfigProblem[] {
  // No prefix, or an empty one: every application.
  const prefix = props.appNamePrefix ?? '';
  const problem = prefix === '' ? undefined : describeAppNamePrefixProblem(prefix);
  return problem === undefined ? [] : [{ setting: 'appNamePrefix', problem }];
}

/**
 * Everything the scaler Lambda may do, and nothing more:
 * - `kinesisanalytics:DescribeApplication` and `kinesisanalytics:UpdateApplication` on
 *   `application/<appNamePrefix>*` (the IAM prefix of MSF is `kinesisanalytics`, not
 *   `kinesisanalyticsv2`);
 * - `dynamodb:Scan` on the schedule table (no index, no other action);
 * - `logs:CreateLogStream` and `logs:PutLogEvents` on its own log group. The log group
 *   exists already, so `logs:CreateLogGroup` is not granted.
 *
 * @throws {ScalerConfigError} when `appNamePrefix` has characters an MSF name cannot have
 *
 * @example
 * ```ts
 * new ScalerPermissionsPolicy(this, 'Permissions', { table, logGroup, appNamePrefix: 'orders-' })
 *   .attachToRole(role);
 * ```
 */
class ScalerPermissionsPolicy extends Policy {
  public constructor(scope: Construct, id: string, props: ScalerPermissionsPolicyProps) {
    super(scope, id);
    // The prefix ends up in an ARN: a `*` or `/` in it would widen the grant.
    throwOnProblems(checkScalerPermissionsPolicyProps(props));

    const prefix = props.appNamePrefix ?? '';
    const applications = Stack.of(this).formatArn({
      service: 'kinesisanalytics',
      resource: 'application',
      resourceName: `${prefix}*`,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });

    this.addStatements(
      new PolicyStatement({
        sid: 'ScaleMsfApplications',
        effect: Effect.ALLOW,
        actions: ['kinesisanalytics:DescribeApplication', 'kinesisanalytics:UpdateApplication'],
        resources: [applications],
      }),
      new PolicyStatement({
        sid: 'ReadSchedules',
        effect: Effect.ALLOW,
        actions: ['dynamodb:Scan'],
        resources: [props.table.tableArn],
      }),
      new PolicyStatement({
        sid: 'WriteOwnLogs',
        effect: Effect.ALLOW,
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [props.logGroup.logGroupArn],
      }),
    );

    // cdk-nag v3 names each wildcard finding by the flattened resource. The stack is
    // environment-agnostic, so partition, region and account render as pseudo parameters.
    Validations.of(this).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:kinesisanalytics:<AWS::Region>:<AWS::AccountId>:application/${prefix}*]`,
      reason:
        'The MSF applications to scale are data (rows of the schedule table, added without a deploy), so ' +
        'their names are not known at synth time. The grant is limited to Describe/UpdateApplication in ' +
        'this account and region, and narrowed to application/<prefix>* by the appNamePrefix context key.',
    });
  }
}

export type { ScalerPermissionsPolicyProps };
export { checkScalerPermissionsPolicyProps, describeAppNamePrefixProblem, ScalerPermissionsPolicy };
