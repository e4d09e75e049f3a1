import { DynamoDBClient, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import {
  DescribeApplicationCommand,
  KinesisAnalyticsV2Client,
  ListApplicationOperationsCommand,
  UpdateApplicationCommand,
} from '@aws-sdk/client-kinesis-analytics-v2';
import { BatchWriteCommand, DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import type { ScalerClients } from '../../src/adapters/clients';
import { resolveHistoryTable } from '../../src/config';
import { Defaults } from '../../src/constants';
import { ConfigError } from '../../src/errors';
import { handler } from '../../src/handler';
import type { HistoryEntry, HistoryPort, HistoryWriteResult } from '../../src/run/history';
import { runScaler } from '../../src/run/runScaler';
import type { RowOutcome } from '../../src/run/types';
import { getScheduledEvent } from '../helpers/events';
import { anApplicationDetail, anItem, PEAK_INSTANT } from '../helpers/fixtures';

const ddbMock = mockClient(DynamoDBDocumentClient);
const msfMock = mockClient(KinesisAnalyticsV2Client);
const savedEnv = { ...process.env };
/** The real time of the runs below: 5 s after the instant they evaluate. */
const NOW = PEAK_INSTANT.getTime() + 5_000;

function clients(): ScalerClients {
  return {
    dynamodb: DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' })),
    msf: new KinesisAnalyticsV2Client({ region: 'us-east-1' }),
  };
}

/** A table of four rows: one scaled, one unchanged, one invalid, one whose application is not running. */
function seed(): void {
  ddbMock.on(ScanCommand).resolves({
    Items: [
      anItem({ appName: 'scale-me' }),
      anItem({ appName: 'at-target' }),
      anItem({ appName: 'broken', lowKPU: 0 }),
      anItem({ appName: 'stopped' }),
    ],
  });
  for (const [name, detail] of [
    ['scale-me', { parallelism: 1 }],
    ['at-target', { parallelism: 4 }],
    ['stopped', { status: 'READY' }],
  ] as const) {
    msfMock
      .on(DescribeApplicationCommand, { ApplicationName: name })
      .resolves({ ApplicationDetail: anApplicationDetail({ name, ...detail }) });
  }
  msfMock.on(UpdateApplicationCommand).resolves({ OperationId: 'op-1' });
}

/** A history port that keeps what it is given, and answers with `result`. */
function aRecordingPort(result?: Partial<HistoryWriteResult>) {
  const writes: { entries: readonly HistoryEntry[]; deadline: number }[] = [];
  const port: HistoryPort = {
    table: 'fake-history',
    write: async (entries, deadline) => {
      writes.push({ entries, deadline });
      return { table: 'fake-history', written: entries.length, failed: 0, ...result };
    },
  };
  return { port, writes };
}

function outcomesOf(summary: { outcomes: readonly RowOutcome[] }): string[] {
  return summary.outcomes.map(({ rowId, outcome, reason }) => `${rowId} ${outcome} ${reason}`);
}

describe('Function: runScaler (history)', () => {
  beforeEach(() => {
    msfMock.on(ListApplicationOperationsCommand).resolves({ ApplicationOperationInfoList: [] });
    seed();
  });
  afterEach(() => {
    ddbMock.reset();
    msfMock.reset();
  });

  it('records the run and its scaled, invalid and not-running rows once reconciled, under the run id', async () => {
    // Prepare
    const { port, writes } = aRecordingPort();
    const results: HistoryWriteResult[] = [];

    // Act
    await runScaler({
      clients: clients(),
      table: 'schedules',
      instant: PEAK_INSTANT,
      clock: () => NOW,
      history: port,
      runId: 'run00001',
      onHistory: (result) => results.push(result),
    });

    // Assess
    expect(writes).toHaveLength(1);
    expect(writes[0]?.entries.map((entry) => `${entry.kind} ${entry.kind === 'row' ? entry.rowId : ''}`)).toEqual([
      'run ',
      'row scale-me',
      'row broken',
      'row stopped',
    ]);
    expect(
      writes[0]?.entries.every((entry) => entry.runId === 'run00001' && entry.at === PEAK_INSTANT.toISOString()),
    ).toBe(true);
    expect(results).toEqual([{ table: 'fake-history', written: 4, failed: 0 }]);
  });

  it('gives the history 5 s, and never more than 5 s past the deadline', async () => {
    // Prepare
    const free = aRecordingPort();
    const late = aRecordingPort();
    const base = { clients: clients(), table: 'schedules', instant: PEAK_INSTANT, clock: () => NOW };

    // Act
    await runScaler({ ...base, history: free.port });
    await runScaler({ ...base, history: late.port, deadline: NOW + 60_000 });
    // A run that ended after its deadline (rows still in flight then): 2 s of the 5 are left.
    await runScaler({ ...base, history: late.port, deadline: NOW - 3_000 });

    // Assess
    expect(free.writes.map(({ deadline }) => deadline - NOW)).toEqual([5_000]);
    expect(late.writes.map(({ deadline }) => deadline - NOW)).toEqual([5_000, 2_000]);
  });

  it("fits the history's time in the handler's margin before Lambda's timeout, with room left for logs and metrics", () => {
    // Assess
    expect(Defaults.HISTORY_WRITE_BUDGET_MS * 2).toBeLessThanOrEqual(Defaults.DEADLINE_MARGIN_MS);
  });

  it('records nothing for a dry run', async () => {
    // Prepare
    const { port, writes } = aRecordingPort();
    const onHistory = jest.fn();

    // Act
    await runScaler({
      clients: clients(),
      table: 'schedules',
      instant: PEAK_INSTANT,
      dryRun: true,
      history: port,
      onHistory,
    });

    // Assess
    expect(writes).toEqual([]);
    expect(onHistory).not.toHaveBeenCalled();
    expect(ddbMock).toHaveReceivedCommandTimes(BatchWriteCommand, 0);
  });

  it('writes to the history table named by historyTable, msf-scaler-history by default', async () => {
    // Act
    await runScaler({ clients: clients(), table: 'schedules', instant: PEAK_INSTANT });
    await runScaler({ clients: clients(), table: 'schedules', instant: PEAK_INSTANT, historyTable: 'team-history' });

    // Assess
    const tables = ddbMock
      .commandCalls(BatchWriteCommand)
      .map((call) => Object.keys(call.args[0].input.RequestItems ?? {}).join());
    expect(tables).toEqual(['msf-scaler-history', 'team-history']);
  });

  it('never changes an outcome: a missing history table is reported, every row as without history', async () => {
    // Prepare
    const reference = await runScaler({ clients: clients(), table: 'schedules', instant: PEAK_INSTANT });
    ddbMock
      .on(BatchWriteCommand)
      .rejects(new ResourceNotFoundException({ message: 'Requested resource not found', $metadata: {} }));
    const results: HistoryWriteResult[] = [];

    // Act
    const summary = await runScaler({
      clients: clients(),
      table: 'schedules',
      instant: PEAK_INSTANT,
      historyTable: 'missing-history',
      onHistory: (result) => results.push(result),
    });

    // Assess
    expect(outcomesOf(summary)).toEqual(outcomesOf(reference));
    expect(summary.counts).toEqual(reference.counts);
    expect(results).toEqual([
      {
        table: 'missing-history',
        written: 0,
        failed: 4,
        problem: expect.stringContaining('ResourceNotFoundException: the table does not exist'),
      },
    ]);
  });

  it('never changes an outcome even when the port itself rejects', async () => {
    // Prepare
    const port: HistoryPort = { table: 'broken-history', write: () => Promise.reject(new Error('boom')) };
    const results: HistoryWriteResult[] = [];

    // Act
    const summary = await runScaler({
      clients: clients(),
      table: 'schedules',
      instant: PEAK_INSTANT,
      history: port,
      onHistory: (result) => results.push(result),
    });

    // Assess
    expect(summary.counts).toMatchObject({ scaled: 1, unchanged: 1, invalid: 1, skipped: 1 });
    expect(results).toEqual([
      { table: 'broken-history', written: 0, failed: 4, problem: 'unexpected failure: Error: boom' },
    ]);
  });
});

/** What the handler's logger and metrics write, as parsed JSON lines. */
function captureOutput(): () => Record<string, unknown>[] {
  const written: string[] = [];
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

describe('Function: handler (history)', () => {
  beforeEach(() => {
    msfMock.on(ListApplicationOperationsCommand).resolves({ ApplicationOperationInfoList: [] });
    process.env = { ...savedEnv, AWS_REGION: 'us-east-1', SCHEDULE_TABLE: 'schedules', POWERTOOLS_DEV: undefined };
    seed();
  });
  afterEach(() => {
    ddbMock.reset();
    msfMock.reset();
    jest.restoreAllMocks();
    process.env = { ...savedEnv };
  });

  it('writes to HISTORY_TABLE and publishes HistoryWriteFailures 0 when every entry is written', async () => {
    // Prepare
    process.env.HISTORY_TABLE = 'stack-history';
    const lines = captureOutput();

    // Act
    await handler(getScheduledEvent('hourly'));

    // Assess
    expect(ddbMock).toHaveReceivedCommandWith(BatchWriteCommand, {
      RequestItems: { 'stack-history': expect.any(Array) },
    });
    expect(lines().find((line) => '_aws' in line)).toMatchObject({ HistoryWriteFailures: 0, RowsScaled: 1 });
  });

  it('logs a failed history write naming the table and the fix, counts it, and keeps every outcome', async () => {
    // Prepare
    const denied = Object.assign(new Error('User is not authorized to perform: dynamodb:BatchWriteItem'), {
      name: 'AccessDeniedException',
    });
    ddbMock.on(BatchWriteCommand).rejects(denied);
    const lines = captureOutput();

    // Act
    const summary = await handler(getScheduledEvent('hourly'));

    // Assess
    expect(summary.counts).toMatchObject({ scaled: 1, unchanged: 1, invalid: 1, skipped: 1 });
    const logs = lines();
    expect(logs.find((line) => '_aws' in line)).toMatchObject({ HistoryWriteFailures: 4, RowsScaled: 1 });
    expect(logs.find((line) => line.historyTable !== undefined)).toMatchObject({
      level: 'ERROR',
      message: expect.stringMatching(
        /^history not recorded: 4 of 4 entries were not written to history table "msf-scaler-history"/,
      ),
      historyTable: 'msf-scaler-history',
      historyWritten: 0,
      historyFailed: 4,
      problem: expect.stringContaining(
        `grant dynamodb:BatchWriteItem on the table "msf-scaler-history" to the scaler's role`,
      ),
    });
  });
});

describe('Function: resolveHistoryTable', () => {
  it('takes the flag over HISTORY_TABLE over msf-scaler-history', () => {
    // Act
    const names = [
      resolveHistoryTable({}),
      resolveHistoryTable({ HISTORY_TABLE: ' team-history ' }),
      resolveHistoryTable({ HISTORY_TABLE: 'team-history' }, 'flag-history'),
    ];

    // Assess
    expect(names).toEqual(['msf-scaler-history', 'team-history', 'flag-history']);
  });

  it.each([
    [
      { HISTORY_TABLE: 'tz' },
      undefined,
      'HISTORY_TABLE must be a DynamoDB table name (3-255 letters, digits, _ . -), got "tz"',
    ],
    [
      {},
      'my history',
      '--history-table must be a DynamoDB table name (3-255 letters, digits, _ . -), got "my history"',
    ],
  ])('refuses a name DynamoDB would refuse, naming where it came from (%j, %s)', (env, flag, message) => {
    // Act
    function resolve(): string {
      return resolveHistoryTable(env, flag);
    }

    // Assess
    expect(resolve).toThrow(ConfigError);
    expect(resolve).toThrow(message);
  });
});
