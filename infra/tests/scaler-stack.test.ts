import {
  Defaults,
  EnvVar,
  EVENT_SOURCE,
  EVENTBRIDGE_ACTIONS,
  HISTORY_TABLE_ACTIONS,
  HISTORY_WRITE_FAILURES_METRIC,
  HistoryAttribute,
  LogField,
  OUTCOME_METRIC,
  OUTCOMES,
} from '@msf-scaler/scaler';
import { EXAMPLE_ROW, toDynamoDbItemJson } from '@msf-scaler/schema';
import type { App } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { SCALER_MEMORY_MB } from '../lib/scaler-function';
import type { ScalerStackProps } from '../lib/scaler-stack';
import { walkAlarmDelivery } from './helpers/alarm-delivery';
import { dashboardBody, dashboardWidget, dashboardWidgets } from './helpers/dashboard';
import {
  configErrorOf,
  createTestStack,
  getAtt,
  logicalIdOf,
  permissionsPolicyId,
  ref,
  synthStack,
  synthTemplate,
  tableArn,
  tableIdOf,
  tableRef,
} from './helpers/stack';

// The template of the whole stack, construct by construct, and cdk-nag over it. Every test
// reads one of these few configurations, each synthesized once for this file (synthStack), so
// a construct's resources are checked where they are made: in the stack, next to the
// resources they reference.
const Config = {
  /** No props: every default. */
  DEFAULTS: {},
  /** Every setting changed from its default (the table still created). */
  CUSTOM: {
    tableName: 'team-a-schedules',
    schedule: 'rate(30 minutes)',
    // The schema's example row is not named with it, so the onboarding example gets it.
    appNamePrefix: 'payments-',
    alarmEmail: 'ops@example.com',
    heartbeatHours: 6,
    maxKPUPerApplication: 128,
    maxTotalKPU: 400,
    requiredTag: 'msf-scaler=managed',
  },
  /** Both tables imported by name. */
  IMPORTED: {
    tableName: 'kept-schedules',
    importTable: true,
    historyTableName: 'kept-history',
    importHistoryTable: true,
    schedule: 'rate(15 minutes)',
  },
  /** The history table created under another name. */
  HISTORY_NAMED: { historyTableName: 'team-a-history' },
  /** One run a day, and a heartbeat exactly as long as the gap. */
  DAILY: { schedule: 'cron(0 8 * * ? *)', heartbeatHours: 24 },
  /** Weekdays only, no heartbeat alarm. */
  NO_HEARTBEAT: { schedule: 'cron(0 8 ? * MON-FRI *)', heartbeatHours: 0 },
} as const satisfies Record<string, ScalerStackProps>;

/** The OnboardingCommand output value for `table` and the item JSON `item`. */
function onboardingCommand(table: unknown, item: string): Record<string, unknown> {
  return {
    'Fn::Join': [
      '',
      ['aws dynamodb put-item --region ', { Ref: 'AWS::Region' }, ' --table-name ', table, ` --item '${item}'`],
    ],
  };
}

/** The ARN pattern of MSF applications in the stack's account and region. */
function applicationArn(resourceName: string): Record<string, unknown> {
  return {
    'Fn::Join': [
      '',
      [
        'arn:',
        { Ref: 'AWS::Partition' },
        ':kinesisanalytics:',
        { Ref: 'AWS::Region' },
        ':',
        { Ref: 'AWS::AccountId' },
        `:application/${resourceName}`,
      ],
    ],
  };
}

/**
 * The exact statements the scaler role gets, with `table` as the Scan resource, `historyTable`
 * as the history writes' and, when given, `condition` on the MSF statement (the events statement
 * always carries its own condition on the source).
 */
function expectedStatements(
  template: Template,
  applications: unknown,
  table: unknown,
  historyTable: unknown,
  condition?: unknown,
): unknown[] {
  return [
    {
      Sid: 'ScaleMsfApplications',
      Effect: 'Allow',
      Action: [
        'kinesisanalytics:DescribeApplication',
        'kinesisanalytics:DescribeApplicationOperation',
        'kinesisanalytics:DescribeApplicationVersion',
        'kinesisanalytics:ListApplicationOperations',
        'kinesisanalytics:UpdateApplication',
      ],
      Resource: applications,
      ...(condition === undefined ? {} : { Condition: condition }),
    },
    { Sid: 'ReadSchedules', Effect: 'Allow', Action: 'dynamodb:Scan', Resource: table },
    { Sid: 'WriteHistory', Effect: 'Allow', Action: 'dynamodb:BatchWriteItem', Resource: historyTable },
    {
      Sid: 'PublishEvents',
      Effect: 'Allow',
      Action: 'events:PutEvents',
      Resource: {
        'Fn::Join': [
          '',
          [
            'arn:',
            { Ref: 'AWS::Partition' },
            ':events:',
            { Ref: 'AWS::Region' },
            ':',
            { Ref: 'AWS::AccountId' },
            ':event-bus/default',
          ],
        ],
      },
      Condition: { StringEquals: { 'events:source': 'msf-scheduled-scaler' } },
    },
    {
      Sid: 'WriteOwnLogs',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: getAtt(template, 'AWS::Logs::LogGroup', 'Arn'),
    },
  ];
}

/** The alarm whose logical ID starts with `ScalerAlarms<name>`. */
function alarmProperties(template: Template, name: string): Record<string, unknown> {
  const alarms = template.findResources('AWS::CloudWatch::Alarm');
  const id = Object.keys(alarms).find((logicalId) => logicalId.startsWith(`ScalerAlarms${name}`));
  if (id === undefined) throw new Error(`no alarm ${name} in ${Object.keys(alarms).join(', ')}`);
  return (alarms[id] as { Properties: Record<string, unknown> }).Properties;
}

/** The alarms on events that should not happen: >= 1 in one 5-minute period, missing data is fine. */
const EVENT_ALARMS = ['FunctionErrors', 'ScalingErrors', 'FunctionThrottles', 'DeadLetterQueueMessages'] as const;

/** The heartbeat alarm's properties, all of them, for `hours` (its description is checked apart). */
function notRunningProperties(template: Template, hours: number): Record<string, unknown> {
  return {
    AlarmDescription: expect.stringMatching(new RegExp(`^No scaler run has completed for ${hours} hours \\(RowsTotal`)),
    Namespace: 'MsfScheduledScaler',
    MetricName: 'RowsTotal',
    Dimensions: [{ Name: 'service', Value: 'msf-scheduled-scaler' }],
    Statistic: 'SampleCount',
    Period: 3600,
    EvaluationPeriods: hours,
    DatapointsToAlarm: hours,
    Threshold: 1,
    ComparisonOperator: 'LessThanThreshold',
    TreatMissingData: 'breaching',
    AlarmActions: [ref(template, 'AWS::SNS::Topic')],
  };
}

/** What every event alarm shares: >= 1 in one 5-minute period, missing data is fine, notify the topic. */
function commonAlarmProperties(template: Template): Record<string, unknown> {
  return {
    Threshold: 1,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    EvaluationPeriods: 1,
    TreatMissingData: 'notBreaching',
    AlarmActions: [ref(template, 'AWS::SNS::Topic')],
  };
}

/** The conditions of both CloudWatch grants: this account's alarms, in this region. */
const OWN_ALARMS_CONDITION = {
  StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
  ArnLike: {
    'aws:SourceArn': {
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':cloudwatch:',
          { Ref: 'AWS::Region' },
          ':',
          { Ref: 'AWS::AccountId' },
          ':alarm:*',
        ],
      ],
    },
  },
} as const;

/** The JSON of `template` with the policy statement `sid` taken out of every policy. */
function templateWithout(template: Template, sid: string): unknown {
  return JSON.parse(JSON.stringify(template.toJSON()), (key: string, value: unknown) =>
    key === 'Statement' && Array.isArray(value)
      ? value.filter((statement: { Sid?: unknown }) => statement.Sid !== sid)
      : value,
  );
}

/** A metric line of a dashboard body up to its dimensions, as `["ns","name","dim","value"`. */
function metricLine(...parts: string[]): string {
  return JSON.stringify(parts).slice(0, -1);
}

/**
 * Every AwsSolutions finding left after acknowledgements, errors and warnings alike, as
 * `rule @ construct path` lines (readable when the assertion fails).
 *
 * cdk-nag 3 is a policy-validation plugin: it writes no annotations (so
 * `Annotations.fromStack(...).findError` would find nothing either way) but returns a report.
 * The app is synthesized first so the tree is complete (CDK adds some resources, such as
 * Lambda permissions, only while preparing the synth).
 */
function unacknowledgedFindings(app: App): string[] {
  app.synth();
  const report = new AwsSolutionsChecks().validateScope(app);
  return report.violations.flatMap((violation) =>
    violation.violatingResources.map(
      (resource) => `${violation.ruleName} (${violation.severity}) @ ${resource.constructPath ?? '?'}`,
    ),
  );
}

describe('Stack: ScalerStack', () => {
  it('outputs the table, the function and the alarm topic', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    template.hasOutput('TableName', { Value: tableRef(template, 'ScheduleTable') });
    template.hasOutput('HistoryTableName', { Value: tableRef(template, 'HistoryTable') });
    template.hasOutput('FunctionName', { Value: ref(template, 'AWS::Lambda::Function') });
    template.hasOutput('AlarmTopicArn', { Value: ref(template, 'AWS::SNS::Topic') });
  });

  it('outputs the console URL of the dashboard in the stack region', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

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
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    expect(JSON.parse(item)).toMatchObject({ appName: { S: 'orders-enricher' } });
    template.hasOutput('OnboardingCommand', {
      Value: onboardingCommand(tableRef(template, 'ScheduleTable'), item),
    });
  });

  it('gives the example row the app-name prefix when it lacks it', () => {
    // Prepare
    const item = toDynamoDbItemJson({ ...EXAMPLE_ROW, appName: 'payments-orders-enricher' });

    // Act
    const template = synthTemplate(Config.CUSTOM);

    // Assess
    template.hasOutput('OnboardingCommand', {
      Value: onboardingCommand(tableRef(template, 'ScheduleTable'), item),
    });
  });

  it('names the imported table in the environment and the outputs', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.IMPORTED);

    // Assess
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { [EnvVar.TABLE]: 'kept-schedules' } },
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
    const template = synthTemplate(Config.DEFAULTS);

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
      'AWS::CloudWatch::Alarm',
      'AWS::CloudWatch::Alarm',
      'AWS::CloudWatch::Dashboard',
      'AWS::DynamoDB::Table',
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

  it('reports every invalid prop at once, each construct its own', () => {
    // Prepare
    const props = {
      tableName: 'my table',
      schedule: 'hourly',
      appNamePrefix: 'a b',
      requiredTag: 'managed',
      alarmEmail: 'nobody',
      heartbeatHours: 25,
    };

    // Act
    const error = configErrorOf(() => createTestStack(props));

    // Assess
    expect(error.problems.map((problem) => problem.setting)).toStrictEqual([
      'tableName',
      'schedule',
      'appNamePrefix',
      'requiredTag',
      'alarmEmail',
      'heartbeatHours',
    ]);
    expect(error.message).toMatch(
      /^Invalid MSF scheduled scaler configuration:\n {2}- tableName must be 3-255 characters .*\n {2}- schedule must start with/,
    );
  });
});

describe('Construct: ScheduleTable', () => {
  it('creates an on-demand table keyed by the string appName', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    template.resourceCountIs('AWS::DynamoDB::Table', 2);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TableName: 'msf-scaler-schedules',
      KeySchema: [{ AttributeName: 'appName', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'appName', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
      ProvisionedThroughput: Match.absent(),
      GlobalSecondaryIndexes: Match.absent(),
    });
  });

  it('protects the table: point-in-time recovery, deletion protection, retained on delete and replace', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    template.hasResource('AWS::DynamoDB::Table', {
      Properties: Match.objectLike({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
      }),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('encrypts the table with the AWS managed key', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    // SSEEnabled without a KMSMasterKeyId is the AWS managed key aws/dynamodb.
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: Match.exact({ SSEEnabled: true }),
    });
  });

  it('names the table after the tableName prop', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.CUSTOM);

    // Assess
    template.hasResourceProperties('AWS::DynamoDB::Table', { TableName: 'team-a-schedules' });
  });

  it('creates no table when importing an existing one', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.IMPORTED);

    // Assess
    template.resourceCountIs('AWS::DynamoDB::Table', 0);
  });
});

describe('Construct: HistoryTable', () => {
  /** The properties and policies of the history table in `template`. */
  function historyTable(template: Template): { Properties: Record<string, unknown>; [key: string]: unknown } {
    return template.toJSON().Resources[tableIdOf(template, 'HistoryTable')];
  }

  it('creates an on-demand table keyed by appName and the time key at, both strings, with no index', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    expect([HistoryAttribute.PARTITION_KEY, HistoryAttribute.SORT_KEY]).toStrictEqual(['appName', 'at']);
    expect(historyTable(template).Properties).toMatchObject({
      TableName: Defaults.HISTORY_TABLE,
      KeySchema: [
        { AttributeName: 'appName', KeyType: 'HASH' },
        { AttributeName: 'at', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'appName', AttributeType: 'S' },
        { AttributeName: 'at', AttributeType: 'S' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    });
    expect(historyTable(template).Properties.ProvisionedThroughput).toBeUndefined();
    expect(historyTable(template).Properties.GlobalSecondaryIndexes).toBeUndefined();
    expect(historyTable(template).Properties.LocalSecondaryIndexes).toBeUndefined();
  });

  it('expires items by TTL on the attribute the scaler sets', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    expect(historyTable(template).Properties.TimeToLiveSpecification).toStrictEqual({
      AttributeName: HistoryAttribute.TTL,
      Enabled: true,
    });
  });

  it('is encrypted with the AWS managed key, has point-in-time recovery and deletion protection, and is retained', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    expect(historyTable(template)).toMatchObject({
      Properties: {
        SSESpecification: { SSEEnabled: true },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
      },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    expect(historyTable(template).Properties.SSESpecification).toStrictEqual({ SSEEnabled: true });
  });

  it('names the table after historyTableName, and hands that name to the function', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.HISTORY_NAMED);

    // Assess
    expect(historyTable(template).Properties.TableName).toBe('team-a-history');
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ [EnvVar.HISTORY_TABLE]: tableRef(template, 'HistoryTable') }) },
    });
  });

  it('hands the function the imported history table by name', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.IMPORTED);

    // Assess
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ [EnvVar.HISTORY_TABLE]: 'kept-history' }) },
    });
    template.hasOutput('HistoryTableName', { Value: 'kept-history' });
  });
});

describe('Construct: ScalerFunction', () => {
  it('runs the handler on Node.js 22, ARM, SCALER_MEMORY_MB of memory, 5 minutes, one execution at a time', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    // A size Lambda accepts: whole megabytes from 128 to 10,240.
    expect(Number.isInteger(SCALER_MEMORY_MB)).toBe(true);
    expect(SCALER_MEMORY_MB).toBeGreaterThanOrEqual(128);
    expect(SCALER_MEMORY_MB).toBeLessThanOrEqual(10_240);
    template.resourceCountIs('AWS::Lambda::Function', 1);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: SCALER_MEMORY_MB,
      Timeout: 300,
      ReservedConcurrentExecutions: 1,
      Role: getAtt(template, 'AWS::IAM::Role', 'Arn'),
    });
  });

  it('hands the scaler its KPU limits, and only when they are set', () => {
    // Act
    const custom = synthTemplate(Config.CUSTOM);
    const defaults = synthTemplate(Config.DEFAULTS);

    // Assess
    custom.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({ [EnvVar.MAX_KPU_PER_APPLICATION]: '128', [EnvVar.MAX_TOTAL_KPU]: '400' }),
      },
    });
    const variables = Object.values(defaults.findResources('AWS::Lambda::Function')).map(
      (resource) =>
        (resource as { Properties: { Environment?: { Variables?: object } } }).Properties.Environment?.Variables ?? {},
    );
    for (const vars of variables) {
      expect(Object.keys(vars)).not.toContain(EnvVar.MAX_KPU_PER_APPLICATION);
      expect(Object.keys(vars)).not.toContain(EnvVar.MAX_TOTAL_KPU);
    }
  });

  it('hands the scaler the required tag, to name in its access-denied errors', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.CUSTOM);

    // Assess
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ [EnvVar.REQUIRED_TAG]: 'msf-scaler=managed' }) },
    });
  });

  it('sets exactly the environment the scaler reads', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.exact({
          [EnvVar.TABLE]: tableRef(template, 'ScheduleTable'),
          [EnvVar.HISTORY_TABLE]: tableRef(template, 'HistoryTable'),
          [EnvVar.EVENTS]: 'on',
          [EnvVar.SERVICE_NAME]: Defaults.SERVICE_NAME,
          [EnvVar.METRICS_NAMESPACE]: Defaults.METRICS_NAMESPACE,
          POWERTOOLS_LOG_LEVEL: 'INFO',
          NODE_OPTIONS: '--enable-source-maps',
        }),
      },
    });
  });

  it('logs to its own log group, kept for 3 months and deleted with the stack', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    template.resourceCountIs('AWS::Logs::LogGroup', 1);
    template.hasResource('AWS::Logs::LogGroup', {
      Properties: { RetentionInDays: 90 },
      DeletionPolicy: 'Delete',
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      LoggingConfig: { LogGroup: ref(template, 'AWS::Logs::LogGroup') },
    });
  });

  it('retries a failed run twice, drops events older than 30 minutes and sends lost runs to the dead-letter queue', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: ref(template, 'AWS::Lambda::Function'),
      Qualifier: '$LATEST',
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 1800,
      DestinationConfig: { OnFailure: { Destination: getAtt(template, 'AWS::SQS::Queue', 'Arn') } },
    });
  });

  it('may send to the dead-letter queue and nothing else beyond its permissions policy', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess: the Lambda destination's own grant, on the one queue, no wildcard action
    template.resourceCountIs('AWS::IAM::Policy', 2);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: Match.exact({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'],
            Resource: getAtt(template, 'AWS::SQS::Queue', 'Arn'),
          },
        ],
      }),
      Roles: [ref(template, 'AWS::IAM::Role')],
    });
  });

  it('is created after its permissions policy', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    template.hasResource('AWS::Lambda::Function', {
      DependsOn: Match.arrayWith([permissionsPolicyId(template)]),
    });
  });
});

describe('Construct: ScalerPermissionsPolicy', () => {
  it('grants exactly the MSF calls the scaler makes on every application, Scan on the table and writes to its log group', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    // Two policies: this one, and the SQS send grant of the on-failure destination.
    template.resourceCountIs('AWS::IAM::Policy', 2);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: Match.exact({
        Version: '2012-10-17',
        Statement: expectedStatements(
          template,
          applicationArn('*'),
          tableArn(template, 'ScheduleTable'),
          tableArn(template, 'HistoryTable'),
        ),
      }),
      Roles: [ref(template, 'AWS::IAM::Role')],
    });
  });

  it('grants the MSF actions only on applications named with appNamePrefix and carrying requiredTag', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.CUSTOM);

    // Assess
    // The condition is on the MSF statement alone: Scan and the log writes are unchanged.
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: Match.exact({
        Version: '2012-10-17',
        Statement: expectedStatements(
          template,
          applicationArn('payments-*'),
          tableArn(template, 'ScheduleTable'),
          tableArn(template, 'HistoryTable'),
          { StringEquals: { 'aws:ResourceTag/msf-scaler': 'managed' } },
        ),
      }),
    });
  });

  it('puts no tag condition on any statement without requiredTag', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    const policies = Object.values(template.findResources('AWS::IAM::Policy')) as {
      Properties: { PolicyDocument: { Statement: { Condition?: unknown }[] } };
    }[];
    const conditions = policies.flatMap((policy) =>
      policy.Properties.PolicyDocument.Statement.flatMap((statement) =>
        statement.Condition === undefined ? [] : [JSON.stringify(statement.Condition)],
      ),
    );
    expect(conditions.filter((condition) => condition.includes('aws:ResourceTag'))).toStrictEqual([]);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ [EnvVar.REQUIRED_TAG]: Match.absent() }) },
    });
  });

  it('grants Scan and the history writes on the imported tables by their ARNs', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.IMPORTED);

    // Assess
    function importedTableArn(name: string): unknown {
      return {
        'Fn::Join': [
          '',
          [
            'arn:',
            { Ref: 'AWS::Partition' },
            ':dynamodb:',
            { Ref: 'AWS::Region' },
            ':',
            { Ref: 'AWS::AccountId' },
            `:table/${name}`,
          ],
        ],
      };
    }
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: Match.exact({
        Version: '2012-10-17',
        Statement: expectedStatements(
          template,
          applicationArn('*'),
          importedTableArn('kept-schedules'),
          importedTableArn('kept-history'),
        ),
      }),
    });
  });

  it('grants on the history table exactly the DynamoDB actions the history adapter calls, and nothing else anywhere', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (policy) =>
        (
          policy as {
            Properties: { PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } };
          }
        ).Properties.PolicyDocument.Statement,
    );
    const onHistory = statements.filter(
      (statement) => JSON.stringify(statement.Resource) === JSON.stringify(tableArn(template, 'HistoryTable')),
    );
    expect(onHistory.flatMap((statement) => statement.Action)).toStrictEqual(
      HISTORY_TABLE_ACTIONS.map((action) => `dynamodb:${action}`),
    );
    // No other statement names the table (its indexes, its streams) in any form.
    const naming = statements.filter((statement) =>
      JSON.stringify(statement).includes(tableIdOf(template, 'HistoryTable')),
    );
    expect(naming).toStrictEqual(onHistory);
  });

  it('grants exactly the EventBridge actions the event adapter calls, on the default bus only, for the scaler source only', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.CUSTOM);

    // Assess
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (policy) =>
        (
          policy as {
            Properties: { PolicyDocument: { Statement: { Action: string | string[]; Sid?: string }[] } };
          }
        ).Properties.PolicyDocument.Statement,
    );
    const onEvents = statements.filter((statement) => JSON.stringify(statement.Action).includes('events:'));
    expect(onEvents).toStrictEqual([
      {
        Sid: 'PublishEvents',
        Effect: 'Allow',
        Action: EVENTBRIDGE_ACTIONS.map((action) => `events:${action}`).join(),
        Resource: {
          'Fn::Join': [
            '',
            [
              'arn:',
              { Ref: 'AWS::Partition' },
              ':events:',
              { Ref: 'AWS::Region' },
              ':',
              { Ref: 'AWS::AccountId' },
              ':event-bus/default',
            ],
          ],
        },
        Condition: { StringEquals: { 'events:source': EVENT_SOURCE } },
      },
    ]);
  });

  it('gives the Lambda role no managed policy and no other policy', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    template.resourceCountIs('AWS::IAM::Role', 1);
    template.resourceCountIs('AWS::IAM::ManagedPolicy', 0);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.exact({
        Version: '2012-10-17',
        Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } }],
      }),
      ManagedPolicyArns: Match.absent(),
      Policies: Match.absent(),
    });
  });
});

describe('Construct: ScalerTrigger', () => {
  it('runs the function every hour at minute 0 UTC by default', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    template.resourceCountIs('AWS::Events::Rule', 1);
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(0 * * * ? *)',
      State: 'ENABLED',
    });
  });

  it('uses the schedule prop', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.CUSTOM);

    // Assess
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(30 minutes)' });
  });

  it('targets the function with a retry policy and a dead-letter queue', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

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
    const template = synthTemplate(Config.DEFAULTS);

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
    const template = synthTemplate(Config.DEFAULTS);

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
    const template = synthTemplate(Config.DEFAULTS);

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
});

describe('Construct: AlarmTopic', () => {
  it('encrypts the topic with a rotated customer-managed key', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: getAtt(template, 'AWS::KMS::Key', 'Arn'),
    });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it("lets this account's CloudWatch alarms use the key, which they need to publish to an encrypted topic", () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

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
            Condition: OWN_ALARMS_CONDITION,
          },
        ]),
      },
    });
  });

  it("lets only this account's CloudWatch alarms publish, and only over TLS", () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    const topic = ref(template, 'AWS::SNS::Topic');
    template.resourceCountIs('AWS::SNS::TopicPolicy', 1);
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [topic],
      PolicyDocument: Match.exact({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'AllowPublishThroughSSLOnly',
            Effect: 'Deny',
            Action: 'sns:Publish',
            Principal: '*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            Resource: topic,
          },
          {
            Sid: 'AllowCloudWatchAlarmsToPublish',
            Effect: 'Allow',
            Action: 'sns:Publish',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Condition: OWN_ALARMS_CONDITION,
            Resource: topic,
          },
        ],
      }),
    });
  });

  it.each(Object.entries(Config))(
    'lets every alarm action reach its topic through the topic and key policies with the %s configuration',
    (_name, props) => {
      // Prepare
      const template = synthTemplate(props);

      // Act
      const report = walkAlarmDelivery(template.toJSON());

      // Assess
      const alarmCount = Object.keys(template.findResources('AWS::CloudWatch::Alarm')).length;
      expect(alarmCount).toBeGreaterThanOrEqual(5);
      expect(report.actions).toHaveLength(alarmCount);
      expect(report.problems).toStrictEqual([]);
    },
  );

  it('has the delivery walker report every alarm once the Allow or the key statement is gone', () => {
    // Prepare
    const template = synthTemplate(Config.DEFAULTS);
    const alarmCount = Object.keys(template.findResources('AWS::CloudWatch::Alarm')).length;
    const withoutAllow = templateWithout(template, 'AllowCloudWatchAlarmsToPublish');
    const withoutKeyStatement = templateWithout(template, 'AllowCloudWatchAlarmsToPublishToTheTopic');

    // Act
    const allowProblems = walkAlarmDelivery(withoutAllow).problems;
    const keyProblems = walkAlarmDelivery(withoutKeyStatement).problems;

    // Assess
    expect(allowProblems).toHaveLength(alarmCount);
    expect(allowProblems).toStrictEqual(
      Array(alarmCount).fill(expect.stringMatching(/the topic policy of AlarmTopic\w+ has no Allow of sns:Publish/)),
    );
    // Two calls per alarm: kms:Decrypt and kms:GenerateDataKey.
    expect(keyProblems).toHaveLength(2 * alarmCount);
    expect(keyProblems).toStrictEqual(
      Array(2 * alarmCount).fill(expect.stringMatching(/the key policy of AlarmTopicKey\w+ .* has no Allow of kms:/)),
    );
  });

  it('subscribes nobody without an alarm e-mail', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    template.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('subscribes the alarm e-mail', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.CUSTOM);

    // Assess
    template.resourceCountIs('AWS::SNS::Subscription', 1);
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.com',
      TopicArn: ref(template, 'AWS::SNS::Topic'),
    });
  });
});

describe('Construct: ScalerAlarms', () => {
  it('alarms on history entries a run could not write, from the scaler metric', () => {
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: HISTORY_WRITE_FAILURES_METRIC,
      Namespace: Defaults.METRICS_NAMESPACE,
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [ref(template, 'AWS::SNS::Topic')],
    });
  });

  it('creates seven alarms, each notifying the alarm topic', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    template.resourceCountIs('AWS::CloudWatch::Alarm', 7);
    template.allResourcesProperties('AWS::CloudWatch::Alarm', { AlarmActions: [ref(template, 'AWS::SNS::Topic')] });
    for (const name of EVENT_ALARMS) {
      expect(alarmProperties(template, name)).toMatchObject(commonAlarmProperties(template));
    }
  });

  it('alarms on any function error', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    expect(alarmProperties(template, 'FunctionErrors')).toMatchObject({
      ...commonAlarmProperties(template),
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: ref(template, 'AWS::Lambda::Function') }],
      Statistic: 'Sum',
      Period: 300,
    });
  });

  it('alarms when rows are invalid or errored, from the scaler metrics', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    function rowMetric(id: string, metricName: string): Record<string, unknown> {
      return {
        Id: id,
        ReturnData: false,
        MetricStat: {
          Metric: {
            Namespace: 'MsfScheduledScaler',
            MetricName: metricName,
            Dimensions: [{ Name: 'service', Value: 'msf-scheduled-scaler' }],
          },
          Period: 300,
          Stat: 'Sum',
        },
      };
    }
    const properties = alarmProperties(template, 'ScalingErrors');
    expect(properties).toMatchObject(commonAlarmProperties(template));
    expect(properties.Metrics).toStrictEqual([
      { Id: 'expr_1', Expression: 'rowsInvalid + rowsErrored', Label: 'Rows not reconciled', ReturnData: true },
      rowMetric('rowsInvalid', 'RowsInvalid'),
      rowMetric('rowsErrored', 'RowsErrored'),
    ]);
  });

  it('alarms on any throttled invocation', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    expect(alarmProperties(template, 'FunctionThrottles')).toMatchObject({
      ...commonAlarmProperties(template),
      Namespace: 'AWS/Lambda',
      MetricName: 'Throttles',
      Dimensions: [{ Name: 'FunctionName', Value: ref(template, 'AWS::Lambda::Function') }],
      Statistic: 'Sum',
      Period: 300,
    });
  });

  it('alarms when the dead-letter queue holds a message', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    expect(alarmProperties(template, 'DeadLetterQueueMessages')).toMatchObject({
      ...commonAlarmProperties(template),
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: getAtt(template, 'AWS::SQS::Queue', 'QueueName') }],
      Statistic: 'Maximum',
      Period: 300,
    });
  });

  it.each([
    ['DEFAULTS', 'hourly', 3600],
    ['CUSTOM', 'every 30 minutes', 1800],
    ['IMPORTED', 'every 15 minutes', 900],
    ['DAILY', 'daily', 86400],
    ['NO_HEARTBEAT', 'on weekdays (skipping days: daily periods)', 86400],
  ] as const)(
    'alarms when rows stay deferred in 2 consecutive runs with the %s configuration, run %s',
    (name, _runs, period) => {
      // Prepare
      // Act
      const template = synthTemplate(Config[name]);

      // Assess
      const properties = alarmProperties(template, 'RowsDeferred');
      expect(properties).toStrictEqual({
        AlarmDescription: expect.stringMatching(
          /^Rows stayed deferred: RowsDeferred was above 0 in 2 consecutive runs/,
        ),
        Namespace: 'MsfScheduledScaler',
        MetricName: OUTCOME_METRIC.deferred,
        Dimensions: [{ Name: 'service', Value: 'msf-scheduled-scaler' }],
        Statistic: 'Maximum',
        Period: period,
        EvaluationPeriods: 2,
        DatapointsToAlarm: 2,
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
        AlarmActions: [ref(template, 'AWS::SNS::Topic')],
      });
      expect(OUTCOME_METRIC.deferred).toBe('RowsDeferred');
    },
  );

  it('alarms when no run completed for 2 hours by default, missing data breaching', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    const properties = alarmProperties(template, 'ScalerNotRunning');
    expect(properties).toStrictEqual(notRunningProperties(template, 2));
    expect(properties.AlarmDescription).toContain('Check that the EventBridge rule is enabled');
  });

  it('waits heartbeatHours hourly periods, all breaching, when set', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.CUSTOM);

    // Assess
    expect(alarmProperties(template, 'ScalerNotRunning')).toStrictEqual(notRunningProperties(template, 6));
  });

  it('creates no heartbeat alarm when heartbeatHours is 0, whatever the schedule', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.NO_HEARTBEAT);

    // Assess
    template.resourceCountIs('AWS::CloudWatch::Alarm', 6);
    expect(() => alarmProperties(template, 'ScalerNotRunning')).toThrow(/no alarm ScalerNotRunning/);
  });

  it('accepts a heartbeat as long as the longest gap between runs', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DAILY);

    // Assess
    expect(alarmProperties(template, 'ScalerNotRunning')).toStrictEqual(notRunningProperties(template, 24));
  });

  it('notifies on ALARM only', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    template.allResourcesProperties('AWS::CloudWatch::Alarm', {
      OKActions: Match.absent(),
      InsufficientDataActions: Match.absent(),
    });
  });
});

describe('Construct: ScalerDashboard', () => {
  it('creates one dashboard named after the stack and the region', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    template.hasResourceProperties('AWS::CloudWatch::Dashboard', {
      DashboardName: { 'Fn::Join': ['', ['TestStack-', { Ref: 'AWS::Region' }]] },
    });
    expect(JSON.parse(dashboardBody(template))).toMatchObject({ start: '-P1D' });
  });

  it('graphs every row outcome stacked, summed per hour, from the scaler namespace', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    const body = dashboardBody(template);
    expect(OUTCOMES.map((outcome) => OUTCOME_METRIC[outcome])).toStrictEqual([
      'RowsScaled',
      'RowsUnchanged',
      'RowsSkipped',
      'RowsBusy',
      'RowsInvalid',
      'RowsErrored',
      'RowsDeferred',
    ]);
    for (const outcome of OUTCOMES) {
      expect(body).toContain(
        metricLine('MsfScheduledScaler', OUTCOME_METRIC[outcome], 'service', 'msf-scheduled-scaler'),
      );
    }
    const outcomes = dashboardWidget(template, 'metric', 'Row outcomes per run');
    expect(outcomes.properties).toMatchObject({ stacked: true, view: 'timeSeries' });
    expect(outcomes.properties.metrics).toHaveLength(OUTCOMES.length);
    for (const metric of outcomes.properties.metrics as unknown[][]) {
      expect(metric.at(-1)).toMatchObject({ stat: 'Sum', period: 3600 });
    }
  });

  it("graphs the function's invocations, errors, throttles and duration against the timeout", () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    const body = dashboardBody(template);
    const functionName = `\${${logicalIdOf(template, 'AWS::Lambda::Function')}}`;
    for (const metricName of ['Invocations', 'Errors', 'Throttles', 'Duration']) {
      expect(body).toContain(metricLine('AWS/Lambda', metricName, 'FunctionName', functionName));
    }
    expect(body).toContain('"stat":"p99"');
    expect(body).toContain('"stat":"Maximum"');
    expect(body).toContain('"annotations":{"horizontal":[{"value":300000,"label":"Timeout (5 minutes)"');
  });

  it('graphs the messages visible in the dead-letter queue', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    const queueName = `\${${logicalIdOf(template, 'AWS::SQS::Queue')}.QueueName}`;
    expect(dashboardBody(template)).toContain(
      metricLine('AWS/SQS', 'ApproximateNumberOfMessagesVisible', 'QueueName', queueName),
    );
  });

  it('shows the status of every alarm', () => {
    // Prepare
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    const alarmArns = Object.keys(template.findResources('AWS::CloudWatch::Alarm')).map((id) => `\${${id}.Arn}`);
    const alarmWidget = dashboardWidget(template, 'alarm');
    expect(alarmArns).toHaveLength(7);
    expect(alarmWidget.properties.alarms).toStrictEqual(expect.arrayContaining(alarmArns));
    expect(alarmWidget.properties.alarms).toHaveLength(alarmArns.length);
  });

  it('lists the latest busy, deferred, invalid and error rows from the function log group, by the fields the scaler logs', () => {
    // Act
    const template = synthTemplate(Config.DEFAULTS);

    // Assess
    const logWidget = dashboardWidget(template, 'log');
    const query = logWidget.properties.query;
    expect([LogField.ROW_ID, LogField.OUTCOME, LogField.RULE, LogField.REASON]).toStrictEqual([
      'rowId',
      'outcome',
      'rule',
      'reason',
    ]);
    expect(query).toContain(`SOURCE '\${${logicalIdOf(template, 'AWS::Logs::LogGroup')}}'`);
    expect(query).toContain('fields @timestamp, rowId, outcome, rule, reason');
    expect(query).toContain('filter outcome in ["busy", "deferred", "invalid", "error"]');
    expect(query).toContain('sort @timestamp desc');
    expect(logWidget.properties.view).toBe('table');
  });

  it('explains itself in one line naming the table', () => {
    // Prepare
    // Act
    const created = synthTemplate(Config.DEFAULTS);
    const imported = synthTemplate(Config.IMPORTED);

    // Assess
    const [createdText] = dashboardWidgets(created);
    const [importedText] = dashboardWidgets(imported);
    expect(createdText?.type).toBe('text');
    expect(createdText?.properties.markdown).toContain(`\`\${${tableIdOf(created, 'ScheduleTable')}}\``);
    expect(importedText?.properties.markdown).toContain('`kept-schedules`');
    expect(importedText?.properties.markdown).not.toContain('\n');
  });
});

describe('Checks: AwsSolutions (cdk-nag)', () => {
  it.each(Object.entries(Config))('leaves no unacknowledged finding with the %s configuration', (_name, props) => {
    // Prepare
    const { app } = synthStack(props);

    // Act
    const findings = unacknowledgedFindings(app);

    // Assess
    expect(findings).toStrictEqual([]);
  });

  it('lets the app synthesize with the plugin registered, as bin/app.ts does', () => {
    // Prepare
    const stack = createTestStack(Config.CUSTOM, { nag: true });

    // Act
    function synth(): unknown {
      return (stack.node.root as App).synth();
    }

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
    function synth(): unknown {
      return (stack.node.root as App).synth();
    }

    // Assess
    expect(synth).toThrow(/AwsSolutions-SQS2/);
  });
});
