import { DynamoDBClient, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import {
  createHistoryTable,
  fromHistoryItem,
  HISTORY_TABLE_ACTIONS,
  readHistory,
  toHistoryItem,
} from '../../src/adapters/historyTable';
import type { HistoryEntry, RowEntry, RunEntry } from '../../src/run/history';

const ddbMock = mockClient(DynamoDBDocumentClient);

/** 2026-11-27T10:00:05Z, the real time the run writes at. */
const NOW = Date.parse('2026-11-27T10:00:05Z');
const AT = '2026-11-27T10:00:00.000Z';
/** NOW in epoch seconds plus 90 days. */
const TTL = NOW / 1000 + 90 * 86_400;

function documentClient(): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
}

function aRowEntry(rowId: string, overrides: Partial<RowEntry> = {}): RowEntry {
  return {
    kind: 'row',
    rowId,
    at: AT,
    runId: 'a1b2c3d4',
    outcome: 'scaled',
    reason: 'up for the window',
    ...overrides,
  };
}

function aRunEntry(rows: readonly string[]): RunEntry {
  return {
    kind: 'run',
    at: AT,
    runId: 'a1b2c3d4',
    table: 'msf-scaler-schedules',
    total: rows.length + 1,
    counts: { scaled: rows.length, unchanged: 1, skipped: 0, busy: 0, invalid: 0, error: 0, deferred: 0 },
    rows: rows.map((rowId) => ({ rowId, outcome: 'scaled' as const })),
    rowsNotListed: 0,
  };
}

function history(options: Parameters<typeof createHistoryTable>[2] = {}) {
  return createHistoryTable(documentClient(), 'msf-scaler-history', { clock: () => NOW, retryDelayMs: 0, ...options });
}

function putsOf(call: number): unknown[] {
  const input = ddbMock.commandCalls(BatchWriteCommand)[call]?.args[0].input;
  return input?.RequestItems?.['msf-scaler-history'] ?? [];
}

describe('Adapter: createHistoryTable', () => {
  afterEach(() => {
    ddbMock.reset();
    jest.useRealTimers();
  });

  it('writes a run entry and its row entries with BatchWriteItem, keyed by appName and at, with a 90-day TTL', async () => {
    // Prepare
    const entries: HistoryEntry[] = [
      aRunEntry(['orders']),
      aRowEntry('orders', { status: 'RUNNING', currentKPU: 1, targetKPU: 4, operationId: 'op-1' }),
    ];

    // Act
    const result = await history().write(entries, NOW + 5_000);

    // Assess
    expect(result).toEqual({ table: 'msf-scaler-history', written: 2, failed: 0 });
    expect(ddbMock).toHaveReceivedCommandTimes(BatchWriteCommand, 1);
    expect(ddbMock).toHaveReceivedCommandWith(BatchWriteCommand, {
      RequestItems: {
        'msf-scaler-history': [
          {
            PutRequest: {
              Item: {
                appName: '#run',
                at: `${AT}#a1b2c3d4`,
                kind: 'run',
                runId: 'a1b2c3d4',
                table: 'msf-scaler-schedules',
                total: 2,
                counts: { scaled: 1, unchanged: 1, skipped: 0, busy: 0, invalid: 0, error: 0, deferred: 0 },
                rows: [{ rowId: 'orders', outcome: 'scaled' }],
                rowsNotListed: 0,
                ttl: TTL,
              },
            },
          },
          {
            PutRequest: {
              Item: {
                appName: 'orders',
                at: `${AT}#a1b2c3d4`,
                kind: 'row',
                runId: 'a1b2c3d4',
                outcome: 'scaled',
                reason: 'up for the window',
                status: 'RUNNING',
                currentKPU: 1,
                targetKPU: 4,
                operationId: 'op-1',
                ttl: TTL,
              },
            },
          },
        ],
      },
    });
  });

  it('sends at most 25 items per call', async () => {
    // Prepare
    const entries = Array.from({ length: 60 }, (_, index) => aRowEntry(`app-${index}`));

    // Act
    const result = await history().write(entries, NOW + 5_000);

    // Assess
    expect(result).toMatchObject({ written: 60, failed: 0 });
    expect([0, 1, 2].map((call) => putsOf(call).length)).toEqual([25, 25, 10]);
  });

  it('sends again exactly the items DynamoDB left unprocessed, until none is left', async () => {
    // Prepare
    const entries = [aRowEntry('a'), aRowEntry('b'), aRowEntry('c')];
    const left = [toHistoryItem(aRowEntry('b'), TTL), toHistoryItem(aRowEntry('c'), TTL)];
    ddbMock
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { 'msf-scaler-history': left.map((Item) => ({ PutRequest: { Item } })) } })
      .resolvesOnce({ UnprocessedItems: {} });

    // Act
    const result = await history().write(entries, NOW + 5_000);

    // Assess
    expect(result).toEqual({ table: 'msf-scaler-history', written: 3, failed: 0 });
    expect(ddbMock).toHaveReceivedCommandTimes(BatchWriteCommand, 2);
    expect(putsOf(1)).toEqual(left.map((Item) => ({ PutRequest: { Item } })));
  });

  it('gives up on unprocessed items after maxAttempts calls and says so', async () => {
    // Prepare
    const item = toHistoryItem(aRowEntry('a'), TTL);
    ddbMock
      .on(BatchWriteCommand)
      .resolves({ UnprocessedItems: { 'msf-scaler-history': [{ PutRequest: { Item: item } }] } });

    // Act
    const result = await history({ maxAttempts: 3 }).write([aRowEntry('a'), aRowEntry('b')], NOW + 5_000);

    // Assess
    expect(ddbMock).toHaveReceivedCommandTimes(BatchWriteCommand, 3);
    expect(result).toMatchObject({ written: 1, failed: 1 });
    expect(result.problem).toBe(
      'DynamoDB left 1 item(s) unprocessed after 3 attempts (throttling); on-demand tables adapt to the load, so later runs usually record everything',
    );
  });

  it('never rejects: a missing table is counted, with the fix, and the other batches are still sent', async () => {
    // Prepare
    ddbMock
      .on(BatchWriteCommand)
      .rejectsOnce(new ResourceNotFoundException({ message: 'Requested resource not found', $metadata: {} }))
      .resolves({});
    const entries = Array.from({ length: 30 }, (_, index) => aRowEntry(`app-${index}`));

    // Act
    const result = await history({ concurrency: 1 }).write(entries, NOW + 5_000);

    // Assess
    expect(result).toMatchObject({ written: 5, failed: 25 });
    expect(result.problem).toBe(
      "ResourceNotFoundException: the table does not exist (Requested resource not found); create it (the stack's HistoryTable does) or point the scaler at it with HISTORY_TABLE or --history-table",
    );
  });

  it('names the permission to grant when access is denied', async () => {
    // Prepare
    const denied = Object.assign(new Error('not authorized to perform: dynamodb:BatchWriteItem'), {
      name: 'AccessDeniedException',
    });
    ddbMock.on(BatchWriteCommand).rejects(denied);

    // Act
    const result = await history().write([aRowEntry('a')], NOW + 5_000);

    // Assess
    expect(result).toMatchObject({ written: 0, failed: 1 });
    expect(result.problem).toContain(
      `grant dynamodb:BatchWriteItem on the table "msf-scaler-history" to the scaler's role`,
    );
  });

  it('cuts a call that does not answer by the deadline', async () => {
    // Prepare
    jest.useFakeTimers({ now: NOW });
    ddbMock.on(BatchWriteCommand).callsFake(() => new Promise(() => undefined));
    const port = createHistoryTable(documentClient(), 'msf-scaler-history');

    // Act
    const writing = port.write([aRowEntry('a'), aRowEntry('b')], NOW + 5_000);
    await jest.advanceTimersByTimeAsync(5_000);
    const result = await writing;

    // Assess
    expect(result).toMatchObject({ written: 0, failed: 2 });
    expect(result.problem).toMatch(
      /^not written within the 5000 ms a run gives its history \(no answer within 5000 ms\)/,
    );
  });

  it('makes no call once the deadline has passed', async () => {
    // Act
    const result = await history().write([aRowEntry('a')], NOW);

    // Assess
    expect(ddbMock).toHaveReceivedCommandTimes(BatchWriteCommand, 0);
    expect(result).toMatchObject({ written: 0, failed: 1 });
  });

  it('gives a repeated key a suffix, since one batch may not hold a key twice', async () => {
    // Act
    await history().write([aRowEntry('same'), aRowEntry('same')], NOW + 5_000);

    // Assess
    const keys = (putsOf(0) as { PutRequest: { Item: { appName: string; at: string } } }[]).map(
      ({ PutRequest }) => `${PutRequest.Item.appName} ${PutRequest.Item.at}`,
    );
    expect(keys).toEqual([`same ${AT}#a1b2c3d4`, `same ${AT}#a1b2c3d4#2`]);
  });

  it('gives a row named like the run partition a key of its own', () => {
    // Act
    const row = toHistoryItem(aRowEntry('#run'), TTL);
    const run = toHistoryItem(aRunEntry([]), TTL);

    // Assess
    expect([row.appName, row.at]).toEqual(['#run', `${AT}#a1b2c3d4#row`]);
    expect([run.appName, run.at]).toEqual(['#run', `${AT}#a1b2c3d4`]);
  });

  it('names every DynamoDB action it calls in HISTORY_TABLE_ACTIONS', () => {
    // Assess
    expect(HISTORY_TABLE_ACTIONS).toEqual(['BatchWriteItem']);
  });
});

describe('Function: fromHistoryItem', () => {
  it('reads back what toHistoryItem wrote', () => {
    // Prepare
    const entries: HistoryEntry[] = [aRunEntry(['a']), aRowEntry('a', { errorCode: 'X', rule: 'window 08:00-20:00' })];

    // Act
    const read = entries.map((entry) => fromHistoryItem(toHistoryItem(entry, TTL)));

    // Assess
    expect(read).toEqual(entries);
  });

  it('leaves out an item that is not one of ours', () => {
    // Act
    const read = [fromHistoryItem({ appName: 'a', at: 'x' }), fromHistoryItem({ appName: 'a', at: AT, runId: 'r' })];

    // Assess
    expect(read).toEqual([undefined, undefined]);
  });
});

describe('Function: readHistory', () => {
  afterEach(() => {
    ddbMock.reset();
  });

  it("queries an application's partition newest first, from --since, at most limit entries", async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [toHistoryItem(aRowEntry('orders'), TTL)] });

    // Act
    const read = await readHistory(documentClient(), 'msf-scaler-history', {
      appName: 'orders',
      since: new Date('2026-11-20T00:00:00Z'),
      limit: 5,
    });

    // Assess
    expect(read).toEqual({ ok: true, table: 'msf-scaler-history', entries: [aRowEntry('orders')] });
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, {
      TableName: 'msf-scaler-history',
      KeyConditionExpression: '#pk = :pk AND #sk >= :since',
      ExpressionAttributeNames: { '#pk': 'appName', '#sk': 'at' },
      ExpressionAttributeValues: { ':pk': 'orders', ':since': '2026-11-20T00:00:00.000Z' },
      ScanIndexForward: false,
      ConsistentRead: true,
      Limit: 5,
    });
  });

  it('lists the latest runs, each followed by the entries of the rows it recorded', async () => {
    // Prepare
    const older = { ...aRunEntry(['b']), at: '2026-11-27T09:00:00.000Z', runId: 'older000' };
    ddbMock.on(QueryCommand).resolves({ Items: [toHistoryItem(aRunEntry(['a']), TTL), toHistoryItem(older, TTL)] });
    ddbMock
      .on(BatchGetCommand)
      .resolvesOnce({ Responses: { 'msf-scaler-history': [toHistoryItem(aRowEntry('a'), TTL)] } })
      .resolvesOnce({
        Responses: {
          'msf-scaler-history': [toHistoryItem(aRowEntry('b', { at: older.at, runId: 'older000' }), TTL)],
        },
      });

    // Act
    const read = await readHistory(documentClient(), 'msf-scaler-history', { limit: 20 });

    // Assess
    expect(
      read.ok && read.entries.map((entry) => `${entry.kind} ${entry.kind === 'row' ? entry.rowId : entry.runId}`),
    ).toEqual(['run a1b2c3d4', 'row a', 'run older000', 'row b']);
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, { ExpressionAttributeValues: { ':pk': '#run' } });
    expect(ddbMock).toHaveReceivedNthSpecificCommandWith(1, BatchGetCommand, {
      RequestItems: {
        'msf-scaler-history': { Keys: [{ appName: 'a', at: `${AT}#a1b2c3d4` }], ConsistentRead: true },
      },
    });
  });

  it('stops at limit entries, run entries included', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [toHistoryItem(aRunEntry(['a', 'b', 'c']), TTL)] });
    ddbMock.on(BatchGetCommand).resolves({
      Responses: { 'msf-scaler-history': ['a', 'b'].map((rowId) => toHistoryItem(aRowEntry(rowId), TTL)) },
    });

    // Act
    const read = await readHistory(documentClient(), 'msf-scaler-history', { limit: 3 });

    // Assess
    expect(read.ok && read.entries).toHaveLength(3);
    expect(ddbMock).toHaveReceivedCommandWith(BatchGetCommand, {
      RequestItems: {
        'msf-scaler-history': {
          Keys: [{ appName: 'a' }, { appName: 'b' }].map((key) => ({ ...key, at: `${AT}#a1b2c3d4` })),
          ConsistentRead: true,
        },
      },
    });
  });

  it('says why it could not read, with the fix, instead of throwing', async () => {
    // Prepare
    ddbMock
      .on(QueryCommand)
      .rejects(new ResourceNotFoundException({ message: 'Requested resource not found', $metadata: {} }));

    // Act
    const read = await readHistory(documentClient(), 'nope', { appName: 'orders', limit: 20 });

    // Assess
    expect(read).toMatchObject({
      ok: false,
      problem:
        'cannot read history table "nope": ResourceNotFoundException: Requested resource not found; point --history-table (or HISTORY_TABLE) at the history table the stack created, or run the scaler once in the local world',
    });
  });
});
