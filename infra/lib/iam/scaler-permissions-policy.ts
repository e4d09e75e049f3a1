import { ArnFormat, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { describeAppNamePrefixProblem } from '../config';
import { ScalerConfigError } from '../errors';

/** Props of {@link ScalerPermissionsPolicy}. */
export interface ScalerPermissionsPolicyProps {
  /** The schedule table the scaler scans. */
  readonly table: ITable;
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
 * Everything the scaler Lambda may do, and nothing more:
 * - `kinesisanalytics:DescribeApplication` and `kinesisanalytics:UpdateApplication` on
 *   `application/<appNamePrefix>*` (the IAM prefix of MSF is `kinesisanalytics`, not
 *   `kinesisanalyticsv2`);
 * - `dynamodb:Scan` on the schedule table (no index, no other action);
 * - `logs:CreateLogStream` and `logs:PutLogEvents` on its own log group. The log group
 *   exists already, so `logs:CreateLogGroup` is not granted.
 *
 * @example
 * ```ts
 * new ScalerPermissionsPolicy(this, 'Permissions', { table, logGroup, appNamePrefix: 'orders-' })
 *   .attachToRole(role);
 * ```
 */
export class ScalerPermissionsPolicy extends Policy {
  public constructor(scope: Construct, id: string, props: ScalerPermissionsPolicyProps) {
    super(scope, id);

    const prefix = props.appNamePrefix ?? '';
    // The prefix ends up in an ARN: a `*` or `/` in it would widen the grant.
    const problem = prefix === '' ? undefined : describeAppNamePrefixProblem(prefix);
    if (problem !== undefined) {
      throw new ScalerConfigError([`appNamePrefix ${problem}`]);
    }

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
