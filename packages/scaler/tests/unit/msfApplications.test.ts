import {
  ConcurrentModificationException,
  DescribeApplicationCommand,
  DescribeApplicationOperationCommand,
  DescribeApplicationVersionCommand,
  KinesisAnalyticsV2Client,
  ListApplicationOperationsCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateApplicationCommand,
} from '@aws-sdk/client-kinesis-analytics-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { createMsfApplications, toSnapshot } from '../../src/adapters/msfApplications';
import {
  ApplicationBusyError,
  ApplicationNotFoundError,
  ConcurrentModificationError,
  MsfCallError,
} from '../../src/errors';
import { anApplicationDetail } from '../helpers/fixtures';

const msfMock = mockClient(KinesisAnalyticsV2Client);
function exception<T>(Type: new (options: { message: string; $metadata: object }) => T, message: string): T {
  return new Type({ message, $metadata: {} });
}

describe('Adapter: createMsfApplications', () => {
  afterEach(() => {
    msfMock.reset();
  });

  it('reads the configured parallelism, tasks per KPU, token and version from DescribeApplication', async () => {
    // Prepare
    msfMock.on(DescribeApplicationCommand).resolves({
      ApplicationDetail: anApplicationDetail({
        parallelism: 6,
        perKPU: 2,
        versionId: 3,
        token: 'abc',
        autoScaling: false,
      }),
    });
    const apps = createMsfApplications(new KinesisAnalyticsV2Client({ region: 'us-east-1' }));

    // Act
    const snapshot = await apps.describe('orders-enricher');

    // Assess
    expect(msfMock).toHaveReceivedCommandWith(DescribeApplicationCommand, { ApplicationName: 'orders-enricher' });
    expect(snapshot).toEqual({
      name: 'orders-enricher',
      status: 'RUNNING',
      versionId: 3,
      conditionalToken: 'abc',
      parallelism: 6,
      parallelismPerKPU: 2,
      currentParallelism: 6,
      autoScalingEnabled: false,
      configurationType: 'CUSTOM',
    });
  });

  it('sends the exact UpdateApplication request: CUSTOM, parallelism, tasks per KPU, autoscaling, token', async () => {
    // Prepare
    msfMock.on(UpdateApplicationCommand).resolves({ OperationId: 'op-1' });
    const apps = createMsfApplications(new KinesisAnalyticsV2Client({ region: 'us-east-1' }));

    // Act
    const operationId = await apps.update({
      appName: 'orders-enricher',
      parallelism: 8,
      parallelismPerKPU: 2,
      autoScalingEnabled: true,
      conditionalToken: 'abc',
      versionId: 3,
    });

    // Assess
    expect(operationId).toBe('op-1');
    expect(msfMock.commandCalls(UpdateApplicationCommand)[0]?.args[0].input).toEqual({
      ApplicationName: 'orders-enricher',
      ConditionalToken: 'abc',
      ApplicationConfigurationUpdate: {
        FlinkApplicationConfigurationUpdate: {
          ParallelismConfigurationUpdate: {
            ConfigurationTypeUpdate: 'CUSTOM',
            ParallelismUpdate: 8,
            ParallelismPerKPUUpdate: 2,
            AutoScalingEnabledUpdate: true,
          },
        },
      },
    });
  });

  it('falls back on CurrentApplicationVersionId when there is no conditional token', async () => {
    // Prepare
    msfMock.on(UpdateApplicationCommand).resolves({});
    const apps = createMsfApplications(new KinesisAnalyticsV2Client({ region: 'us-east-1' }));

    // Act
    await apps.update({
      appName: 'a',
      parallelism: 1,
      parallelismPerKPU: 1,
      autoScalingEnabled: false,
      conditionalToken: undefined,
      versionId: 9,
    });

    // Assess
    const input = msfMock.commandCalls(UpdateApplicationCommand)[0]?.args[0].input;
    expect(input).toMatchObject({ ApplicationName: 'a', CurrentApplicationVersionId: 9 });
    expect(input).not.toHaveProperty('ConditionalToken');
  });

  it.each([
    [
      'ResourceNotFoundException',
      exception(ResourceNotFoundException, 'nope'),
      ApplicationNotFoundError,
      /fix appName in the row/,
    ],
    ['ResourceInUseException', exception(ResourceInUseException, 'busy'), ApplicationBusyError, /busy/],
    [
      'ConcurrentModificationException',
      exception(ConcurrentModificationException, 'stale'),
      ConcurrentModificationError,
      /stale/,
    ],
  ])('maps %s to its own error type', async (_code, sdkError, Expected, message) => {
    // Prepare
    msfMock.on(UpdateApplicationCommand).rejects(sdkError);
    const apps = createMsfApplications(new KinesisAnalyticsV2Client({ region: 'us-east-1' }));
    const plan = {
      appName: 'a',
      parallelism: 2,
      parallelismPerKPU: 1,
      autoScalingEnabled: true,
      conditionalToken: 't',
      versionId: 1,
    };

    // Act
    const failure = apps.update(plan);

    // Assess
    await expect(failure).rejects.toBeInstanceOf(Expected);
    await expect(failure).rejects.toThrow(message);
  });

  it('wraps any other error with its code, the application and the cause', async () => {
    // Prepare
    const denied = Object.assign(new Error('User is not authorized'), { name: 'AccessDeniedException' });
    msfMock.on(DescribeApplicationCommand).rejects(denied);
    const apps = createMsfApplications(new KinesisAnalyticsV2Client({ region: 'us-east-1' }));

    // Act
    const error = await apps.describe('orders-enricher').catch((caught: unknown) => caught);

    // Assess
    expect(error).toBeInstanceOf(MsfCallError);
    expect(error).toMatchObject({ code: 'AccessDeniedException', appName: 'orders-enricher', cause: denied });
    expect((error as Error).message).toMatch(/grant kinesisanalytics:DescribeApplication/);
  });

  it('names the required tag and the tag-resource command with the ARN IAM quotes, when a tag is required', async () => {
    // Prepare
    const arn = 'arn:aws:kinesisanalytics:eu-west-1:123456789012:application/orders-enricher';
    const denied = Object.assign(
      new Error(
        `User: arn:aws:sts::123456789012:assumed-role/scaler/fn is not authorized to perform: kinesisanalytics:UpdateApplication on resource: ${arn} because no identity-based policy allows the kinesisanalytics:UpdateApplication action`,
      ),
      { name: 'AccessDeniedException' },
    );
    msfMock.on(UpdateApplicationCommand).rejects(denied);
    const apps = createMsfApplications(new KinesisAnalyticsV2Client({ region: 'eu-west-1' }), {
      requiredTag: 'msf-scaler=managed',
    });
    const plan = {
      appName: 'orders-enricher',
      parallelism: 2,
      parallelismPerKPU: 1,
      autoScalingEnabled: true,
      conditionalToken: 't',
      versionId: 1,
    };

    // Act
    const error = await apps.update(plan).catch((caught: unknown) => caught);

    // Assess
    expect(error).toBeInstanceOf(MsfCallError);
    expect(error).toMatchObject({ code: 'AccessDeniedException', appName: 'orders-enricher', cause: denied });
    expect((error as Error).message).toContain('"orders-enricher" may lack the tag');
    expect((error as Error).message).toContain(
      `Fix: aws kinesisanalyticsv2 tag-resource --resource-arn ${arn} --tags Key=msf-scaler,Value=managed`,
    );
  });

  it('looks the ARN up by name in the fix when the denial quotes none', async () => {
    // Prepare
    const denied = Object.assign(new Error('User is not authorized'), { name: 'AccessDeniedException' });
    msfMock.on(DescribeApplicationCommand).rejects(denied);
    const apps = createMsfApplications(new KinesisAnalyticsV2Client({ region: 'us-east-1' }), {
      requiredTag: 'team=a=b',
    });

    // Act
    const error = await apps.describe('orders-enricher').catch((caught: unknown) => caught);

    // Assess
    expect((error as Error).message).toMatch(/tagged team=a=b, and "orders-enricher" may lack the tag/);
    expect((error as Error).message).toContain(
      'Fix: aws kinesisanalyticsv2 tag-resource --resource-arn $(aws kinesisanalyticsv2 describe-application --application-name orders-enricher --query ApplicationDetail.ApplicationARN --output text) --tags Key=team,Value=a=b',
    );
  });
});

describe('Adapter: createMsfApplications, the operation history', () => {
  const START = new Date('2026-11-30T08:00:00Z');
  const END = new Date('2026-11-30T08:03:00Z');

  afterEach(() => {
    msfMock.reset();
  });

  it('lists the operations newest first with one ListApplicationOperations call, filtered and limited as asked', async () => {
    // Prepare
    msfMock.on(ListApplicationOperationsCommand).resolves({
      ApplicationOperationInfoList: [
        {
          Operation: 'UpdateApplication',
          OperationId: 'op-2',
          OperationStatus: 'FAILED',
          StartTime: START,
          EndTime: END,
        },
        { Operation: 'UpdateApplication', OperationId: 'op-1', OperationStatus: 'IN_PROGRESS', StartTime: START },
        // Of no use without an id: dropped.
        { Operation: 'UpdateApplication', OperationStatus: 'SUCCESSFUL', StartTime: START },
      ],
    });
    const apps = createMsfApplications(new KinesisAnalyticsV2Client({ region: 'us-east-1' }));

    // Act
    const operations = await apps.operations('orders', { operation: 'UpdateApplication', limit: 6 });

    // Assess
    expect(msfMock).toHaveReceivedCommandTimes(ListApplicationOperationsCommand, 1);
    expect(msfMock).toHaveReceivedCommandWith(ListApplicationOperationsCommand, {
      ApplicationName: 'orders',
      Limit: 6,
      Operation: 'UpdateApplication',
    });
    expect(operations).toEqual([
      { operation: 'UpdateApplication', operationId: 'op-2', status: 'FAILED', startTime: START, endTime: END },
      { operation: 'UpdateApplication', operationId: 'op-1', status: 'IN_PROGRESS', startTime: START },
    ]);
  });

  it('reads a failed update: its error, its rollback, and the parallelism of the version it created', async () => {
    // Prepare
    msfMock.on(DescribeApplicationOperationCommand, { ApplicationName: 'orders', OperationId: 'op-2' }).resolves({
      ApplicationOperationInfoDetails: {
        Operation: 'UpdateApplication',
        StartTime: START,
        EndTime: END,
        OperationStatus: 'FAILED',
        ApplicationVersionChangeDetails: { ApplicationVersionUpdatedFrom: 4, ApplicationVersionUpdatedTo: 5 },
        OperationFailureDetails: { RollbackOperationId: 'rb-1', ErrorInfo: { ErrorString: 'too parallel' } },
      },
    });
    msfMock
      .on(DescribeApplicationVersionCommand, { ApplicationName: 'orders', ApplicationVersionId: 5 })
      .resolves({ ApplicationVersionDetail: anApplicationDetail({ name: 'orders', parallelism: 8 }) });
    const apps = createMsfApplications(new KinesisAnalyticsV2Client({ region: 'us-east-1' }));
    const operation = { operation: 'UpdateApplication', operationId: 'op-2', status: 'FAILED', startTime: START };

    // Act
    const attempt = await apps.scalingAttempt('orders', operation);

    // Assess
    expect(attempt).toEqual({ ...operation, parallelism: 8, errorString: 'too parallel', rollbackOperationId: 'rb-1' });
  });

  it('reads an attempt whose version MSF no longer has as one without a parallelism', async () => {
    // Prepare
    msfMock.on(DescribeApplicationOperationCommand).resolves({
      ApplicationOperationInfoDetails: {
        Operation: 'UpdateApplication',
        StartTime: START,
        EndTime: END,
        OperationStatus: 'FAILED',
        ApplicationVersionChangeDetails: { ApplicationVersionUpdatedFrom: 4, ApplicationVersionUpdatedTo: 5 },
      },
    });
    msfMock.on(DescribeApplicationVersionCommand).rejects(exception(ResourceNotFoundException, 'Version 5 not found'));
    const apps = createMsfApplications(new KinesisAnalyticsV2Client({ region: 'us-east-1' }));

    // Act
    const attempt = await apps.scalingAttempt('orders', {
      operation: 'UpdateApplication',
      operationId: 'op-2',
      status: 'FAILED',
      startTime: START,
    });

    // Assess
    expect(attempt.parallelism).toBeUndefined();
    expect(attempt.errorString).toBeUndefined();
  });

  it('names the operation and the permission to grant when the history may not be read', async () => {
    // Prepare
    const denied = Object.assign(new Error('User is not authorized'), { name: 'AccessDeniedException' });
    msfMock.on(ListApplicationOperationsCommand).rejects(denied);
    const apps = createMsfApplications(new KinesisAnalyticsV2Client({ region: 'us-east-1' }));

    // Act
    const error = await apps.operations('orders', { limit: 2 }).catch((caught: unknown) => caught);

    // Assess
    expect(error).toBeInstanceOf(MsfCallError);
    expect((error as MsfCallError).transient).toBe(false);
    expect((error as Error).message).toBe(
      'ListApplicationOperations on "orders" was denied (User is not authorized); grant kinesisanalytics:ListApplicationOperations on this application to the scaler\'s role',
    );
  });
});

describe('Function: toSnapshot', () => {
  it('reads a DEFAULT configuration without figures as parallelism 1, 1 per KPU, autoscaling on', () => {
    // Act
    const snapshot = toSnapshot('a', {
      ApplicationARN: 'arn',
      ApplicationName: 'a',
      RuntimeEnvironment: 'FLINK-1_20',
      ApplicationStatus: 'RUNNING',
      ApplicationVersionId: 1,
      ApplicationConfigurationDescription: {
        FlinkApplicationConfigurationDescription: {
          ParallelismConfigurationDescription: { ConfigurationType: 'DEFAULT' },
        },
      },
    });

    // Assess
    expect(snapshot).toMatchObject({
      parallelism: 1,
      parallelismPerKPU: 1,
      autoScalingEnabled: true,
      configurationType: 'DEFAULT',
    });
  });

  it('refuses an application without a Flink configuration, saying only Flink apps can be scaled', () => {
    // Act
    function read() {
      return toSnapshot('sql-app', {
        ApplicationARN: 'arn',
        ApplicationName: 'sql-app',
        RuntimeEnvironment: 'SQL-1_0',
        ApplicationStatus: 'RUNNING',
        ApplicationVersionId: 1,
      });
    }

    // Assess
    expect(read).toThrow(/only Apache Flink applications can be scaled/);
  });
});
