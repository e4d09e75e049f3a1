import {
  DEFAULT_EVENT_BUS,
  EVENT_SOURCE,
  EVENTBRIDGE_ACTIONS,
  HISTORY_TABLE_ACTIONS,
  MSF_OPERATIONS,
  parseRequiredTag,
} from '@msf-scaler/scaler';
import { APP_NAME_MAX_LENGTH, APP_NAME_PATTERN } from '@msf-scaler/schema';
import { ArnFormat, Stack, Validations } from 'aws-cdk-lib';
import { Effect, Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { type ConfigProblem, throwOnProblems } from '../errors';
import type { HistoryTableRef } from '../history-table';
import type { ScheduleTableRef } from '../schedule-table';

/** Props of {@link ScalerPermissionsPolicy}. */
interface ScalerPermissionsPolicyProps {
  /** The schedule table the scaler scans. */
  readonly table: ScheduleTableRef;
  /** The history table the scaler records its runs in. */
  readonly historyTable: HistoryTableRef;
  /** The scaler's own log group. */
  readonly logGroup: ILogGroup;
  /**
   * Only MSF applications whose names start with this prefix may be described or updated.
   * MSF name characters only (`a-z A-Z 0-9 _ . -`).
   *
   * @default - every application in the stack's account and region
   */
  readonly appNamePrefix?: string;
  /**
   * `key=value`: the MSF actions are allowed only on applications carrying this tag
   * (`aws:ResourceTag/<key>` equal to `<value>`). Key 1-128 and value 0-256 of the characters
   * AWS tags allow; the key may not start with `aws:`.
   *
   * @default - no tag condition
   */
  readonly requiredTag?: string;
}

/** Longest tag key and value AWS allows. */
const TagLimits = {
  KEY_MAX_LENGTH: 128,
  VALUE_MAX_LENGTH: 256,
} as const;

/** The characters AWS tags allow: letters, numbers, spaces (any language) and `_ . : / = + - @`. */
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** Says what is wrong with a `key=value` tag, or `undefined` when it is valid. */
function describeRequiredTagProblem(text: string): string | undefined {
  const fix = 'give it as key=value, e.g. msf-scaler=managed';
  const tag = parseRequiredTag(text);
  if (tag === undefined) {
    return `must be key=value, got "${text}"; ${fix}`;
  }
  if (tag.key.length < 1 || tag.key.length > TagLimits.KEY_MAX_LENGTH || !TAG_CHARACTERS.test(tag.key)) {
    return `must have a key of 1-${TagLimits.KEY_MAX_LENGTH} letters, digits, spaces or _ . : / = + - @, got "${tag.key}"; ${fix}`;
  }
  if (tag.key.toLowerCase().startsWith('aws:')) {
    return `must not have a key starting with "aws:" (reserved for AWS), got "${tag.key}"; ${fix}`;
  }
  if (tag.value.length > TagLimits.VALUE_MAX_LENGTH || !TAG_CHARACTERS.test(tag.value)) {
    return `must have a value of 0-${TagLimits.VALUE_MAX_LENGTH} letters, digits, spaces or _ . : / = + - @, got "${tag.value}"; ${fix}`;
  }
  return undefined;
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
  props: Pick<ScalerPermissionsPolicyProps, 'appNamePrefix' | 'requiredTag'>,
): readonly ConfigProblem[] {
  // No prefix, or an empty one: every application.
  const prefix = props.appNamePrefix ?? '';
  const prefixProblem = prefix === '' ? undefined : describeAppNamePrefixProblem(prefix);
  const tagProblem = props.requiredTag === undefined ? undefined : describeRequiredTagProblem(props.requiredTag);
  return [
    ...(prefixProblem === undefined ? [] : [{ setting: 'appNamePrefix', problem: prefixProblem }]),
    ...(tagProblem === undefined ? [] : [{ setting: 'requiredTag', problem: tagProblem }]),
  ];
}

/**
 * The condition of the MSF statement for `requiredTag`, or `undefined` without one.
 *
 * The Service Authorization Reference page "Actions, resources, and condition keys for Amazon
 * Kinesis Analytics V2" (the IAM reference of Managed Service for Apache Flink, service prefix
 * `kinesisanalytics`) lists the resource type `application`
 * (`arn:${Partition}:kinesisanalytics:${Region}:${Account}:application/${ApplicationName}`)
 * with the condition key `aws:ResourceTag/${TagKey}` ("Filters actions based on tag-value
 * associated with the resource", type String). The actions granted (DescribeApplication,
 * UpdateApplication, and the operation history's ListApplicationOperations,
 * DescribeApplicationOperation and DescribeApplicationVersion) all name one application in
 * their request and are authorized on that resource type (which is why this policy can name
 * `application/...` ARNs at all), and a resource type's condition keys apply to the actions that
 * take it; the page's Actions table rows were not readable in the copy consulted, so re-check
 * them there when the page changes. No account-wide List action (ListApplications) is granted.
 */
function requiredTagCondition(requiredTag: string | undefined): Record<string, Record<string, string>> | undefined {
  const tag = requiredTag === undefined ? undefined : parseRequiredTag(requiredTag);
  return tag === undefined ? undefined : { StringEquals: { [`aws:ResourceTag/${tag.key}`]: tag.value } };
}

/**
 * Everything the scaler Lambda may do, and nothing more:
 * - on `application/<appNamePrefix>*`, and with `requiredTag` only on applications carrying that
 *   tag, exactly the MSF operations the scaler calls ({@link MSF_OPERATIONS}):
 *   `kinesisanalytics:DescribeApplication` and `UpdateApplication`, and for the failed-scaling
 *   back-off `ListApplicationOperations`, `DescribeApplicationOperation` and
 *   `DescribeApplicationVersion` (the IAM prefix of MSF is `kinesisanalytics`, not `kinesisanalyticsv2`);
 * - `dynamodb:Scan` on the schedule table (no index, no other action);
 * - on the history table, exactly the DynamoDB actions the history adapter calls
 *   ({@link HISTORY_TABLE_ACTIONS}: `dynamodb:BatchWriteItem`), so a run can record what it did
 *   but never read, change or delete the audit trail;
 * - `events:PutEvents` ({@link EVENTBRIDGE_ACTIONS}) on the account's default event bus only, and
 *   only for events whose source is `msf-scheduled-scaler`, so the role cannot pose as another
 *   service on the bus;
 * - `logs:CreateLogStream` and `logs:PutLogEvents` on its own log group. The log group
 *   exists already, so `logs:CreateLogGroup` is not granted.
 *
 * @throws {ScalerConfigError} when `appNamePrefix` has characters an MSF name cannot have
 *
 * @example
 * ```ts
 * new ScalerPermissionsPolicy(this, 'Permissions', { table, historyTable, logGroup, appNamePrefix: 'orders-' })
 *   .attachToRole(role);
 * ```
 */
class ScalerPermissionsPolicy extends Policy {
  public constructor(scope: Construct, id: string, props: ScalerPermissionsPolicyProps) {
    super(scope, id);
    // The prefix ends up in an ARN: a `*` or `/` in it would widen the grant.
    throwOnProblems(checkScalerPermissionsPolicyProps(props));

    const prefix = props.appNamePrefix ?? '';
    const condition = requiredTagCondition(props.requiredTag);
    const defaultBus = Stack.of(this).formatArn({
      service: 'events',
      resource: 'event-bus',
      resourceName: DEFAULT_EVENT_BUS,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
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
        actions: MSF_OPERATIONS.map((operation) => `kinesisanalytics:${operation}`),
        resources: [applications],
        ...(condition === undefined ? {} : { conditions: condition }),
      }),
      new PolicyStatement({
        sid: 'ReadSchedules',
        effect: Effect.ALLOW,
        actions: ['dynamodb:Scan'],
        resources: [props.table.tableArn],
      }),
      new PolicyStatement({
        sid: 'WriteHistory',
        effect: Effect.ALLOW,
        actions: HISTORY_TABLE_ACTIONS.map((action) => `dynamodb:${action}`),
        resources: [props.historyTable.tableArn],
      }),
      // The Service Authorization Reference, "Actions, resources, and condition keys for Amazon
      // EventBridge" (service prefix `events`), lists the resource type `event-bus`
      // (`arn:${Partition}:events:${Region}:${Account}:event-bus/${EventBusName}`) and the condition
      // key `events:source` (the `source` of the events in the request); the EventBridge user
      // guide's "Using IAM policy conditions in Amazon EventBridge" describes `events:source` for
      // limiting which sources a principal may put events for. The PutEvents row of the Actions
      // table was not readable in the copy consulted: re-check it there when the page changes.
      // The scaler sends only this source, so the condition never denies its own calls.
      new PolicyStatement({
        sid: 'PublishEvents',
        effect: Effect.ALLOW,
        actions: EVENTBRIDGE_ACTIONS.map((action) => `events:${action}`),
        resources: [defaultBus],
        conditions: { StringEquals: { 'events:source': EVENT_SOURCE } },
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
        'their names are not known at synth time. The grant is limited to the per-application calls the scaler makes in ' +
        'this account and region, and narrowed to application/<prefix>* by the appNamePrefix context key ' +
        '(and to applications with a given tag by the requiredTag context key).',
    });
  }
}

export type { ScalerPermissionsPolicyProps };
export {
  checkScalerPermissionsPolicyProps,
  describeAppNamePrefixProblem,
  describeRequiredTagProblem,
  ScalerPermissionsPolicy,
  TagLimits,
};
