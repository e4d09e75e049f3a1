import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import {
  DescribeApplicationCommand,
  KinesisAnalyticsV2Client,
  ListApplicationOperationsCommand,
  UpdateApplicationCommand,
} from '@aws-sdk/client-kinesis-analytics-v2';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../src/handler';
import { getScheduledEvent } from '../helpers/events';
import { anApplicationDetail, anItem } from '../helpers/fixtures';

const ddbMock = mockClient(DynamoDBDocumentClient);
const msfMock = mockClient(KinesisAnalyticsV2Client);
const ebMock = mockClient(EventBridgeClient);
const savedEnv = { ...process.env };

/** Captures what the handler's logger and metrics write, as parsed JSON lines. */
function captureStdout(): () => Record<string, unknown>[] {
  const written: string[] = [];
  // Powertools writes INFO lines to stdout and ERROR lines to stderr.
  for (const stream of [process.stdout, process.stderr]) {
    jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  }
  return () =>
    written
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('Function: handler', () => {
  beforeEach(() => {
    // No application has a failed update in its history: the back-off never holds a row here.
    msfMock.on(ListApplicationOperationsCommand).resolves({ ApplicationOperationInfoList: [] });
    ebMock.on(PutEventsCommand).callsFake((input: { Entries: unknown[] }) => ({
      FailedEntryCount: 0,
      Entries: input.Entries.map((_, index) => ({ EventId: String(index) })),
    }));
    process.env = { ...savedEnv, AWS_REGION: 'us-east-1', SCHEDULE_TABLE: 'schedules', POWERTOOLS_DEV: undefined };
  });
  afterEach(() => {
    ddbMock.reset();
    msfMock.reset();
    ebMock.reset();
    jest.restoreAllMocks();
    process.env = { ...savedEnv };
  });

  it('evaluates at the event time, logs one JSON line per row and a summary, and emits one metric per outcome', async () => {
    // Prepare
    ddbMock.on(ScanCommand).resolves({ Items: [anItem({ appName: 'a' }), anItem({ appName: 'b', lowKPU: 0 })] });
    msfMock
      .on(DescribeApplicationCommand)
      .resolves({ ApplicationDetail: anApplicationDetail({ name: 'a', parallelism: 1 }) });
    msfMock.on(UpdateApplicationCommand).resolves({ OperationId: 'op' });
    const lines = captureStdout();

    // Act
    const summary = await handler(getScheduledEvent('hourly'));

    // Assess
    expect(summary.at).toBe('2026-11-27T10:00:00.000Z');
    expect(summary.counts).toMatchObject({ scaled: 1, invalid: 1 });
    const logs = lines();
    const rowLines = logs.filter((line) => 'outcome' in line);
    expect(rowLines).toHaveLength(2);
    expect(rowLines.find((line) => line.rowId === 'a')).toMatchObject({
      level: 'INFO',
      service: 'msf-scheduled-scaler',
      outcome: 'scaled',
      targetKPU: 4,
    });
    expect(rowLines.find((line) => line.rowId === 'b')).toMatchObject({ level: 'ERROR', outcome: 'invalid' });
    expect(logs.find((line) => line.message === 'run summary')).toMatchObject({
      total: 2,
      counts: { scaled: 1, invalid: 1 },
    });
    const emf = logs.find((line) => '_aws' in line);
    expect(emf).toMatchObject({
      service: 'msf-scheduled-scaler',
      RowsScaled: 1,
      RowsInvalid: 1,
      RowsErrored: 0,
      RowsTotal: 2,
    });
    expect(JSON.stringify(emf)).toContain('"Namespace":"MsfScheduledScaler"');
  });

  it('publishes one event per scaled and failed row by default, and counts the ones not published', async () => {
    // Prepare
    ddbMock.on(ScanCommand).resolves({ Items: [anItem({ appName: 'a' }), anItem({ appName: 'b', lowKPU: 0 })] });
    msfMock
      .on(DescribeApplicationCommand)
      .resolves({ ApplicationDetail: anApplicationDetail({ name: 'a', parallelism: 1 }) });
    msfMock.on(UpdateApplicationCommand).resolves({ OperationId: 'op' });
    ebMock.reset();
    // EventBridge fails every entry of every attempt (an internal failure).
    ebMock.on(PutEventsCommand).callsFake((input: { Entries: unknown[] }) => ({
      FailedEntryCount: input.Entries.length,
      Entries: input.Entries.map(() => ({ ErrorCode: 'InternalFailure', ErrorMessage: 'oops' })),
    }));
    const lines = captureStdout();

    // Act
    const summary = await handler(getScheduledEvent('hourly'));

    // Assess
    expect(summary.counts).toMatchObject({ scaled: 1, invalid: 1 });
    const detailTypes = ebMock
      .commandCalls(PutEventsCommand)[0]
      ?.args[0].input.Entries?.map((entry) => `${entry.Source} ${entry.DetailType}`);
    expect(detailTypes).toStrictEqual([
      'msf-scheduled-scaler MSF Application Scaled',
      'msf-scheduled-scaler MSF Application Scaling Failed',
    ]);
    const logs = lines();
    expect(logs.find((line) => '_aws' in line)).toMatchObject({ EventPublishFailures: 2, HistoryWriteFailures: 0 });
    expect(logs.find((line) => line.eventsFailed === 2)).toMatchObject({ level: 'ERROR', eventBus: 'default' });
  });

  it('publishes no event with SCALER_EVENTS=off', async () => {
    // Prepare
    process.env.SCALER_EVENTS = 'off';
    ddbMock.on(ScanCommand).resolves({ Items: [anItem({ appName: 'b', lowKPU: 0 })] });
    const lines = captureStdout();

    // Act
    await handler(getScheduledEvent('hourly'));

    // Assess
    expect(ebMock).toHaveReceivedCommandTimes(PutEventsCommand, 0);
    expect(lines().find((line) => '_aws' in line)).toMatchObject({ EventPublishFailures: 0 });
  });

  it('applies the table-wide KPU limit the stack sets in SCALER_MAX_TOTAL_KPU', async () => {
    // Prepare: the app runs 1 KPU and its row asks for 4; at most 2 in all.
    process.env.SCALER_MAX_TOTAL_KPU = '2';
    ddbMock.on(ScanCommand).resolves({ Items: [anItem({ appName: 'a' })] });
    msfMock
      .on(DescribeApplicationCommand)
      .resolves({ ApplicationDetail: anApplicationDetail({ name: 'a', parallelism: 1 }) });
    captureStdout();

    // Act
    const summary = await handler(getScheduledEvent('hourly'));

    // Assess
    expect(summary.counts).toMatchObject({ error: 1, scaled: 0 });
    expect(summary.attention[0]?.reason).toContain('above maxTotalKPU 2 (1 in use, 1 left)');
    expect(msfMock).toHaveReceivedCommandTimes(UpdateApplicationCommand, 0);
  });

  it('takes its deadline from the Lambda context: rows it cannot reach end deferred, and it still reports them all', async () => {
    // Prepare
    ddbMock.on(ScanCommand).resolves({ Items: [anItem({ appName: 'a' }), anItem({ appName: 'b' })] });
    const lines = captureStdout();
    // Less time left than the safety margin: no row may start.
    const context = { getRemainingTimeInMillis: () => 1_000 } as unknown as Context;

    // Act
    const summary = await handler(getScheduledEvent('hourly'), context);

    // Assess
    expect(msfMock).toHaveReceivedCommandTimes(DescribeApplicationCommand, 0);
    expect(summary.counts).toMatchObject({ deferred: 2, scaled: 0 });
    expect(summary.attention.map(({ rowId, outcome }) => `${rowId}:${outcome}`)).toEqual(['a:deferred', 'b:deferred']);
    const logs = lines();
    expect(logs.filter((line) => line.outcome === 'deferred')).toHaveLength(2);
    expect(logs.find((line) => line.message === 'run summary')).toMatchObject({ total: 2 });
    expect(logs.find((line) => '_aws' in line)).toMatchObject({ RowsDeferred: 2, RowsTotal: 2 });
  });

  it('reconciles every row when the context leaves enough time', async () => {
    // Prepare
    ddbMock.on(ScanCommand).resolves({ Items: [anItem({ appName: 'a' })] });
    msfMock
      .on(DescribeApplicationCommand)
      .resolves({ ApplicationDetail: anApplicationDetail({ name: 'a', parallelism: 1 }) });
    msfMock.on(UpdateApplicationCommand).resolves({ OperationId: 'op' });
    captureStdout();
    const context = { getRemainingTimeInMillis: () => 300_000 } as unknown as Context;

    // Act
    const summary = await handler(getScheduledEvent('hourly'), context);

    // Assess
    expect(summary.counts).toMatchObject({ scaled: 1, deferred: 0 });
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });

  it('names the missing tag and the tagging command when the role requires a tag (SCALER_REQUIRED_TAG)', async () => {
    // Prepare
    process.env.SCALER_REQUIRED_TAG = 'msf-scaler=managed';
    ddbMock.on(ScanCommand).resolves({ Items: [anItem({ appName: 'a' })] });
    msfMock.on(DescribeApplicationCommand).rejects(
      Object.assign(new Error('User is not authorized to perform: kinesisanalytics:DescribeApplication'), {
        name: 'AccessDeniedException',
      }),
    );
    captureStdout();

    // Act
    const summary = await handler(getScheduledEvent('hourly'));

    // Assess
    expect(summary.attention[0]?.outcome).toBe('error');
    expect(summary.attention[0]?.reason).toContain('msf-scaler=managed');
    expect(summary.attention[0]?.reason).toContain('aws kinesisanalyticsv2 tag-resource');
  });

  it('throws when the table cannot be read, so the invocation fails visibly', async () => {
    // Prepare
    ddbMock.on(ScanCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    const lines = captureStdout();

    // Act
    const failure = handler(getScheduledEvent('hourly'));

    // Assess
    await expect(failure).rejects.toThrow(/cannot read schedule table "schedules".*grant dynamodb:Scan/);
    expect(lines().some((line) => line.level === 'ERROR' && String(line.message).startsWith('run failed'))).toBe(true);
  });

  it('throws a message naming SCHEDULE_TABLE when it is not set', async () => {
    // Prepare
    delete process.env.SCHEDULE_TABLE;
    captureStdout();

    // Act
    const failure = handler(getScheduledEvent('hourly'));

    // Assess
    await expect(failure).rejects.toThrow('SCHEDULE_TABLE is not set');
  });

  it('refuses an event whose time is not an instant instead of guessing one', async () => {
    // Prepare
    captureStdout();

    // Act
    const failure = handler({ ...getScheduledEvent('hourly'), time: 'yesterday' });

    // Assess
    await expect(failure).rejects.toThrow(/must be an ISO-8601 instant/);
    expect(ddbMock).toHaveReceivedCommandTimes(ScanCommand, 0);
  });
});
