import { DynamoDBClient, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import {
  DescribeApplicationCommand,
  KinesisAnalyticsV2Client,
  ListApplicationOperationsCommand,
  UpdateApplicationCommand,
} from '@aws-sdk/client-kinesis-analytics-v2';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DynamoDBDocumentClient,
  QueryCommand,
  ScanCommand,
} from '@aws-sdk/lib-dynamodb';
import type { ScalerClients } from '@msf-scaler/scaler';
import { mockClient } from 'aws-sdk-client-mock';
import { historyExitCode } from '../../src/commands/history';
import { anApplicationDetail, anItem } from '../helpers/fixtures';
import { runCli } from '../helpers/runCli';

const ddbMock = mockClient(DynamoDBDocumentClient);
const msfMock = mockClient(KinesisAnalyticsV2Client);

const AT = '2026-11-27T10:00:00.000Z';
const EARLIER = '2026-11-27T09:00:00.000Z';

function clients(): ScalerClients {
  return {
    dynamodb: DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' })),
    msf: new KinesisAnalyticsV2Client({ region: 'us-east-1' }),
  };
}

/** History items as the scaler writes them. */
function aRowItem(appName: string, at: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    appName,
    at: `${at}#a1b2c3d4`,
    kind: 'row',
    runId: 'a1b2c3d4',
    outcome: 'scaled',
    reason: 'peak (08:00-20:00 UTC every day; local 2026-11-27 10:00): 1 -> 4 KPU',
    status: 'RUNNING',
    currentKPU: 1,
    targetKPU: 4,
    operationId: 'op-1',
    ttl: 1_800_000_000,
    ...overrides,
  };
}

function aRunItem(at: string, rows: readonly (readonly [string, string])[]): Record<string, unknown> {
  return {
    appName: '#run',
    at: `${at}#a1b2c3d4`,
    kind: 'run',
    runId: 'a1b2c3d4',
    table: 'msf-scaler-schedules',
    total: 3,
    counts: { scaled: 1, unchanged: 1, skipped: 0, busy: 0, invalid: 1, error: 0, deferred: 0 },
    rows: rows.map(([rowId, outcome]) => ({ rowId, outcome })),
    rowsNotListed: 0,
    ttl: 1_800_000_000,
  };
}

/** `history` reading the table only (`--no-msf`): these tests mock DynamoDB, not MSF. */
function history(args: readonly string[], env: Record<string, string> = {}) {
  return runCli(['history', ...args, '--no-msf'], { env, createClients: clients });
}

describe('Command: msf-scaler history', () => {
  afterEach(() => {
    ddbMock.reset();
    msfMock.reset();
  });

  it("prints an application's entries newest first, as a table", async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({
      Items: [
        aRowItem('orders-enricher', AT),
        aRowItem('orders-enricher', EARLIER, {
          outcome: 'busy',
          reason: 'UpdateApplication: application is UPDATING; the next run retries',
          errorCode: 'ResourceInUseException',
          operationId: undefined,
        }),
      ],
    });

    // Act
    const result = await history(['orders-enricher']);

    // Assess
    expect(result).toMatchSnapshot();
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, {
      TableName: 'msf-scaler-history',
      ExpressionAttributeValues: { ':pk': 'orders-enricher' },
      ScanIndexForward: false,
      Limit: 20,
    });
  });

  it('lists the latest runs with the rows they recorded when no APP is given', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({
      Items: [
        aRunItem(AT, [
          ['orders-enricher', 'scaled'],
          ['row #3', 'invalid'],
        ]),
      ],
    });
    ddbMock.on(BatchGetCommand).resolves({
      Responses: {
        'team-history': [
          aRowItem('orders-enricher', AT),
          aRowItem('row #3', AT, {
            outcome: 'invalid',
            reason: 'row #3: appName is missing; every row needs one',
            status: undefined,
            currentKPU: undefined,
            targetKPU: undefined,
            operationId: undefined,
          }),
        ],
      },
    });

    // Act
    const result = await history([], { HISTORY_TABLE: 'team-history' });

    // Assess
    expect(result).toMatchSnapshot();
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, {
      TableName: 'team-history',
      ExpressionAttributeValues: { ':pk': '#run' },
    });
  });

  it('escapes control characters in names and reasons', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({
      Items: [aRowItem('fake\nscaled', AT, { outcome: 'invalid', reason: 'bad\u001b[2J row' })],
    });

    // Act
    const result = await history(['fake\nscaled']);

    // Assess
    expect(result.stdout).toContain('fake\\nscaled');
    expect(result.stdout).toContain('bad\\u001b[2J row');
    expect(result.stdout).not.toContain('\u001b');
  });

  it('prints one JSON document with --json, and nothing else', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [aRowItem('orders-enricher', AT)] });

    // Act
    const result = await history([
      'orders-enricher',
      '--json',
      '--since',
      '2026-11-26T00:00:00Z',
      '--limit',
      '5',
      '--history-table',
      'flag-history',
    ]);

    // Assess
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      table: 'flag-history',
      app: 'orders-enricher',
      since: '2026-11-26T00:00:00.000Z',
      limit: 5,
      entries: [
        {
          kind: 'row',
          rowId: 'orders-enricher',
          at: AT,
          runId: 'a1b2c3d4',
          outcome: 'scaled',
          reason: 'peak (08:00-20:00 UTC every day; local 2026-11-27 10:00): 1 -> 4 KPU',
          status: 'RUNNING',
          currentKPU: 1,
          targetKPU: 4,
          operationId: 'op-1',
        },
      ],
    });
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, {
      TableName: 'flag-history',
      ExpressionAttributeValues: { ':pk': 'orders-enricher', ':since': '2026-11-26T00:00:00.000Z' },
      Limit: 5,
    });
  });

  it('says on stderr that there is no entry yet, and exits 0', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [] });

    // Act
    const result = await history(['new-app']);

    // Assess
    expect(result).toEqual({
      args: 'history new-app --no-msf',
      code: 0,
      stdout: '',
      stderr: 'no entry for "new-app" in history table msf-scaler-history\n',
    });
  });

  it('exits 1 with the fix when the history table cannot be read', async () => {
    // Prepare
    ddbMock
      .on(QueryCommand)
      .rejects(new ResourceNotFoundException({ message: 'Requested resource not found', $metadata: {} }));

    // Act
    const result = await history(['orders-enricher']);

    // Assess
    expect(result).toMatchSnapshot();
  });

  it.each([
    [['--limit', '0'], '--limit must be a whole number from 1 to 1000, got "0"'],
    [['--since', 'yesterday'], '--since must be an ISO-8601 instant with a zone'],
    [
      ['--history-table', 'tz'],
      '--history-table must be a DynamoDB table name (3-255 letters, digits, _ . -), got "tz"',
    ],
  ])('refuses %j as a usage error (exit 2)', async (args, message) => {
    // Act
    const result = await history(args);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(ddbMock).toHaveReceivedCommandTimes(QueryCommand, 0);
  });

  it('shows its examples, the variables it reads and its exit codes in --help', async () => {
    // Act
    const result = await history(['--help']);

    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: msf-scaler history [options] [app]');
    expect(result.stdout).toContain('  $ msf-scaler history orders-enricher');
    expect(result.stdout).toMatch(/^ {2}HISTORY_TABLE\b/m);
    expect(result.stdout).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 {2}usage error/);
  });
});

describe('Function: historyExitCode', () => {
  it('is 0 for a read, even an empty one, and 1 for a failed read', () => {
    // Act
    const codes = [
      historyExitCode({ ok: true, table: 'h', entries: [] }),
      historyExitCode({ ok: false, table: 'h', problem: 'no', cause: undefined }),
    ];

    // Assess
    expect(codes).toEqual([0, 1]);
  });
});

describe('Command: msf-scaler run (history)', () => {
  beforeEach(() => {
    msfMock.on(ListApplicationOperationsCommand).resolves({ ApplicationOperationInfoList: [] });
    ddbMock.on(ScanCommand).resolves({ Items: [anItem({ appName: 'orders-enricher' })] });
    msfMock.on(DescribeApplicationCommand).resolves({ ApplicationDetail: anApplicationDetail({ parallelism: 1 }) });
    msfMock.on(UpdateApplicationCommand).resolves({ OperationId: 'op-1' });
  });
  afterEach(() => {
    ddbMock.reset();
    msfMock.reset();
  });

  function tablesWritten(): string[] {
    return ddbMock
      .commandCalls(BatchWriteCommand)
      .flatMap((call) => Object.keys(call.args[0].input.RequestItems ?? {}));
  }

  it('records the run in --history-table, over $HISTORY_TABLE, over msf-scaler-history', async () => {
    // Act
    await runCli(['run'], { createClients: clients });
    await runCli(['run'], { env: { HISTORY_TABLE: 'env-history' }, createClients: clients });
    await runCli(['run', '--history-table', 'flag-history'], {
      env: { HISTORY_TABLE: 'env-history' },
      createClients: clients,
    });

    // Assess
    expect(tablesWritten()).toEqual(['msf-scaler-history', 'env-history', 'flag-history']);
  });

  it('records nothing for plan or run --dry-run', async () => {
    // Act
    await runCli(['plan'], { createClients: clients });
    await runCli(['run', '--dry-run'], { createClients: clients });

    // Assess
    expect(ddbMock).toHaveReceivedCommandTimes(BatchWriteCommand, 0);
  });

  it('warns when the history could not be written, and keeps the outcome and the exit code', async () => {
    // Prepare
    ddbMock
      .on(BatchWriteCommand)
      .rejects(new ResourceNotFoundException({ message: 'Requested resource not found', $metadata: {} }));

    // Act
    const result = await runCli(['run', '--json', '--history-table', 'missing-history'], { createClients: clients });

    // Assess
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).outcomes).toMatchObject([{ rowId: 'orders-enricher', outcome: 'scaled' }]);
    expect(result.stderr).toBe(
      'warning: history not recorded: 2 of 2 entries were not written to history table "missing-history": ' +
        "ResourceNotFoundException: the table does not exist (Requested resource not found); create it (the stack's " +
        'HistoryTable does) or point the scaler at it with HISTORY_TABLE or --history-table; every row kept its outcome\n',
    );
  });
});
