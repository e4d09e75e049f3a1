import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  ConcurrentModificationException,
  DescribeApplicationCommand,
  KinesisAnalyticsV2Client,
  ListApplicationOperationsCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateApplicationCommand,
} from '@aws-sdk/client-kinesis-analytics-v2';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import type { ScalerClients } from '../../src/adapters/clients';
import { ScheduleTableError } from '../../src/errors';
import { runScaler } from '../../src/run/runScaler';
import type { RowOutcome } from '../../src/run/types';
import { anApplicationDetail, anItem, PEAK_INSTANT } from '../helpers/fixtures';

const ddbMock = mockClient(DynamoDBDocumentClient);
const msfMock = mockClient(KinesisAnalyticsV2Client);

function clients(): ScalerClients {
  return {
    dynamodb: DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' })),
    msf: new KinesisAnalyticsV2Client({ region: 'us-east-1' }),
  };
}
function run(options: { dryRun?: boolean; concurrency?: number; onOutcome?: (o: RowOutcome) => void } = {}) {
  return runScaler({ clients: clients(), table: 'schedules', instant: PEAK_INSTANT, ...options });
}
function describes(name: string, detail: Parameters<typeof anApplicationDetail>[0]) {
  return msfMock
    .on(DescribeApplicationCommand, { ApplicationName: name })
    .resolves({ ApplicationDetail: anApplicationDetail({ name, ...detail }) });
}
function sdkError<T>(Type: new (o: { message: string; $metadata: object }) => T, message: string): T {
  return new Type({ message, $metadata: {} });
}

describe('Function: runScaler', () => {
  beforeEach(() => {
    // No application has a failed update in its history: the back-off never holds a row here.
    msfMock.on(ListApplicationOperationsCommand).resolves({ ApplicationOperationInfoList: [] });
  });
  afterEach(() => {
    ddbMock.reset();
    msfMock.reset();
  });

  it('ends every row with exactly one outcome, one of each kind, and counts them', async () => {
    // Prepare
    ddbMock.on(ScanCommand).resolves({
      Items: [
        anItem({ appName: 'scale-me' }),
        anItem({ appName: 'at-target' }),
        anItem({ appName: 'stopped' }),
        anItem({ appName: 'off', enabled: false }),
        anItem({ appName: 'in-use' }),
        anItem({ appName: 'broken', lowKPU: 0 }),
        anItem({ appName: 'gone' }),
      ],
    });
    describes('scale-me', { parallelism: 1 });
    describes('at-target', { parallelism: 4 });
    describes('stopped', { status: 'READY' });
    describes('in-use', { parallelism: 1 });
    msfMock
      .on(DescribeApplicationCommand, { ApplicationName: 'gone' })
      .rejects(sdkError(ResourceNotFoundException, 'not found'));
    msfMock.on(UpdateApplicationCommand, { ApplicationName: 'scale-me' }).resolves({ OperationId: 'op-1' });
    msfMock
      .on(UpdateApplicationCommand, { ApplicationName: 'in-use' })
      .rejects(sdkError(ResourceInUseException, 'in use'));

    // Act
    const summary = await run();

    // Assess
    expect(summary.outcomes.map((o) => [o.rowId, o.outcome])).toEqual([
      ['scale-me', 'scaled'],
      ['at-target', 'unchanged'],
      ['stopped', 'skipped'],
      ['off', 'skipped'],
      ['in-use', 'busy'],
      ['broken', 'invalid'],
      ['gone', 'error'],
    ]);
    expect(summary.counts).toEqual({ scaled: 1, unchanged: 1, skipped: 2, busy: 1, invalid: 1, error: 1, deferred: 0 });
    expect(summary).toMatchObject({ table: 'schedules', at: '2026-11-27T10:00:00.000Z', dryRun: false, total: 7 });
    expect(summary.outcomes[0]).toMatchObject({
      status: 'RUNNING',
      peak: true,
      currentKPU: 1,
      targetKPU: 4,
      operationId: 'op-1',
    });
    expect(summary.outcomes[4]?.reason).toMatch(/next run retries/);
    expect(summary.outcomes[5]?.reason).toMatch(/lowKPU/);
    expect(summary.outcomes[6]).toMatchObject({ errorCode: 'ResourceNotFoundException' });
    expect(msfMock).toHaveReceivedCommandTimes(UpdateApplicationCommand, 2);
  });

  it('never describes a disabled or invalid row', async () => {
    // Prepare
    ddbMock.on(ScanCommand).resolves({ Items: [anItem({ enabled: false }), anItem({ appName: 'bad', highKPU: 'x' })] });

    // Act
    await run();

    // Assess
    expect(msfMock).toHaveReceivedCommandTimes(DescribeApplicationCommand, 0);
  });

  it('describes again and retries once after a ConcurrentModificationException', async () => {
    // Prepare
    ddbMock.on(ScanCommand).resolves({ Items: [anItem()] });
    msfMock
      .on(DescribeApplicationCommand)
      .resolvesOnce({ ApplicationDetail: anApplicationDetail({ token: 'old', versionId: 1 }) })
      .resolves({ ApplicationDetail: anApplicationDetail({ token: 'new', versionId: 2 }) });
    msfMock
      .on(UpdateApplicationCommand)
      .rejectsOnce(sdkError(ConcurrentModificationException, 'stale token'))
      .resolves({ OperationId: 'op-2' });

    // Act
    const summary = await run();

    // Assess
    expect(summary.outcomes[0]).toMatchObject({ outcome: 'scaled', operationId: 'op-2' });
    expect(summary.outcomes[0]?.reason).toMatch(/retried once/);
    expect(msfMock).toHaveReceivedNthSpecificCommandWith(2, UpdateApplicationCommand, { ConditionalToken: 'new' });
    expect(msfMock).toHaveReceivedCommandTimes(DescribeApplicationCommand, 2);
  });

  it('reports busy when the application changes concurrently twice in a row', async () => {
    // Prepare
    ddbMock.on(ScanCommand).resolves({ Items: [anItem()] });
    describes('orders-enricher', {});
    msfMock.on(UpdateApplicationCommand).rejects(sdkError(ConcurrentModificationException, 'stale'));

    // Act
    const summary = await run();

    // Assess
    expect(summary.outcomes[0]).toMatchObject({ outcome: 'busy', errorCode: 'ResourceInUseException' });
    expect(msfMock).toHaveReceivedCommandTimes(UpdateApplicationCommand, 2);
  });

  it('keeps the figures and reports unchanged when the retry finds the app already at target', async () => {
    // Prepare
    ddbMock.on(ScanCommand).resolves({ Items: [anItem()] });
    msfMock
      .on(DescribeApplicationCommand)
      .resolvesOnce({ ApplicationDetail: anApplicationDetail({ parallelism: 1 }) })
      .resolves({ ApplicationDetail: anApplicationDetail({ parallelism: 4 }) });
    msfMock.on(UpdateApplicationCommand).rejects(sdkError(ConcurrentModificationException, 'stale'));

    // Act
    const summary = await run();

    // Assess
    expect(summary.outcomes[0]).toMatchObject({ outcome: 'unchanged', currentKPU: 4 });
    expect(msfMock).toHaveReceivedCommandTimes(UpdateApplicationCommand, 1);
  });

  it('makes the same decisions but sends no UpdateApplication in a dry run', async () => {
    // Prepare
    ddbMock.on(ScanCommand).resolves({ Items: [anItem()] });
    describes('orders-enricher', { parallelism: 1 });

    // Act
    const summary = await run({ dryRun: true });

    // Assess
    expect(summary.dryRun).toBe(true);
    expect(summary.outcomes[0]).toMatchObject({ outcome: 'scaled', targetKPU: 4, targetParallelism: 4 });
    expect(summary.outcomes[0]?.reason).toMatch(/\(dry run: not sent\)$/);
    expect(msfMock).toHaveReceivedCommandTimes(UpdateApplicationCommand, 0);
  });

  it('isolates rows: an unexpected failure of one application does not stop the others', async () => {
    // Prepare
    ddbMock
      .on(ScanCommand)
      .resolves({ Items: [anItem({ appName: 'a' }), anItem({ appName: 'b' }), anItem({ appName: 'c' })] });
    describes('a', {});
    msfMock.on(DescribeApplicationCommand, { ApplicationName: 'b' }).rejects(new TypeError('socket hang up'));
    describes('c', {});
    msfMock.on(UpdateApplicationCommand).resolves({});

    // Act
    const summary = await run();

    // Assess
    expect(summary.outcomes.map((o) => o.outcome)).toEqual(['scaled', 'error', 'scaled']);
    expect(summary.outcomes[1]?.reason).toMatch(/socket hang up/);
  });

  it('reports unknown attributes as warnings without rejecting the row', async () => {
    // Prepare
    ddbMock.on(ScanCommand).resolves({ Items: [anItem({ scaleupHour: 9 })] });
    describes('orders-enricher', { parallelism: 4 });

    // Act
    const summary = await run();

    // Assess
    expect(summary.outcomes[0]?.outcome).toBe('unchanged');
    expect(summary.outcomes[0]?.warnings.join('\n')).toMatch(/scaleupHour.*scaleUpHour/);
  });

  it('reads every page of the table', async () => {
    // Prepare
    ddbMock
      .on(ScanCommand)
      .resolvesOnce({ Items: [anItem({ appName: 'a' })], LastEvaluatedKey: { appName: 'a' } })
      .resolvesOnce({ Items: [anItem({ appName: 'b' })], LastEvaluatedKey: { appName: 'b' } })
      .resolves({ Items: [anItem({ appName: 'c', enabled: false })] });
    describes('a', { parallelism: 4 });
    describes('b', { parallelism: 4 });

    // Act
    const summary = await run();

    // Assess
    expect(summary.outcomes.map((o) => o.rowId)).toEqual(['a', 'b', 'c']);
    expect(ddbMock).toHaveReceivedCommandTimes(ScanCommand, 3);
    expect(ddbMock).toHaveReceivedCommandWith(ScanCommand, { TableName: 'schedules', ConsistentRead: true });
  });

  it('throws a ScheduleTableError naming the table and the fix when the table cannot be read', async () => {
    // Prepare
    ddbMock
      .on(ScanCommand)
      .rejects(Object.assign(new Error('Requested resource not found'), { name: 'ResourceNotFoundException' }));

    // Act
    const failure = run();

    // Assess
    await expect(failure).rejects.toBeInstanceOf(ScheduleTableError);
    await expect(failure).rejects.toThrow(/"schedules".*create the table/);
  });

  it('keeps at most `concurrency` applications in flight and reports each outcome as it comes', async () => {
    // Prepare
    const names = Array.from({ length: 10 }, (_, i) => `app-${i}`);
    ddbMock.on(ScanCommand).resolves({ Items: names.map((appName) => anItem({ appName })) });
    let inFlight = 0;
    let maxInFlight = 0;
    msfMock.on(DescribeApplicationCommand).callsFake(async (input: { ApplicationName: string }) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
      return { ApplicationDetail: anApplicationDetail({ name: input.ApplicationName, parallelism: 4 }) };
    });
    const seen: string[] = [];

    // Act
    const summary = await run({ concurrency: 3, onOutcome: (o) => seen.push(o.rowId) });

    // Assess
    expect(maxInFlight).toBe(3);
    expect(seen.sort()).toEqual([...names].sort());
    expect(summary.counts.unchanged).toBe(10);
  });
});
