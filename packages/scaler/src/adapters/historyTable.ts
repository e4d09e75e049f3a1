import {
  BatchGetCommand,
  BatchWriteCommand,
  type BatchWriteCommandOutput,
  type DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { Defaults } from '../constants';
import { OUTCOMES, type Outcome } from '../core/outcome';
import type { HistoryEntry, HistoryPort, HistoryWriteResult, RecordedRow, RowEntry, RunEntry } from '../run/history';
import { mapWithConcurrency } from '../run/mapWithConcurrency';
import { errorMessage, errorName, sleep, within } from './calls';

/**
 * Every DynamoDB action a run makes on the history table, sorted: the scaler role's IAM policy
 * allows exactly these (as `dynamodb:<name>`) on that table, and an integration test checks a
 * run makes no other call on it. Reading the history ({@link readHistory}, the CLI's
 * `history`) is the operator's business and not granted to the function.
 */
const HISTORY_TABLE_ACTIONS = ['BatchWriteItem'] as const;

/**
 * The history table's attributes that the table itself knows about: the key (partition key
 * `appName`, sort key `at`, both strings) and the TTL attribute `ttl` (epoch seconds). The
 * stack and the local world create the table from these.
 */
const HistoryAttribute = {
  PARTITION_KEY: 'appName',
  SORT_KEY: 'at',
  TTL: 'ttl',
} as const;

/**
 * The partition of the run entries. An MSF application name cannot contain `#`, so no valid
 * row shares it; an invalid row named exactly `#run` gets a sort key of its own ({@link sortKeyOf}).
 */
const RUN_PARTITION = '#run';

/** Most put requests in one BatchWriteItem call, and keys in one BatchGetItem call (DynamoDB's limits). */
const BatchLimit = {
  WRITE: 25,
  GET: 100,
} as const;

/** Options of {@link createHistoryTable}. */
interface HistoryTableOptions {
  /** Days an item is kept before DynamoDB's TTL removes it. @default 90 */
  readonly ttlDays?: number;
  /** The real time in epoch milliseconds: the items' TTL is counted from it, and the deadline read on it. @default Date.now */
  readonly clock?: () => number;
  /** Calls per batch: the first, then retries of the items DynamoDB left unprocessed. @default 5 */
  readonly maxAttempts?: number;
  /** Wait before the first retry of unprocessed items, doubled for each further one. @default 50 */
  readonly retryDelayMs?: number;
  /** Batches in flight at once. @default 4 */
  readonly concurrency?: number;
}

/** What {@link readHistory} lists. */
interface HistoryQuery {
  /**
   * An application's entries (its row's appName, or `row #N`). Without it: the latest runs, each
   * followed by the entries of the rows it recorded.
   */
  readonly appName?: string;
  /** Only entries of runs at or after this instant. @default no bound */
  readonly since?: Date;
  /** Most entries returned (run entries included). */
  readonly limit: number;
}

/** The entries {@link readHistory} found, newest first, or why it could not read them (with the fix). */
type HistoryRead =
  | { readonly ok: true; readonly table: string; readonly entries: readonly HistoryEntry[] }
  | { readonly ok: false; readonly table: string; readonly problem: string; readonly cause: unknown };

/** Written and not written entries of one batch, and why. */
interface BatchResult {
  readonly written: number;
  readonly failed: number;
  readonly problem?: string;
}

/** The history table's item: DocumentClient values. */
type HistoryItem = Record<string, unknown>;

/** The name of the error a call gets when the run's time for history is up. */
const OUT_OF_TIME = 'HistoryDeadlineExceeded';

/** Why a BatchWriteItem call failed, with the fix for the usual causes. */
function writeProblem(error: unknown, table: string, budgetMs: number): string {
  const name = errorName(error);
  const detail = errorMessage(error);
  switch (name) {
    case 'ResourceNotFoundException':
      return `${name}: the table does not exist (${detail}); create it (the stack's HistoryTable does) or point the scaler at it with HISTORY_TABLE or --history-table`;
    case 'AccessDeniedException':
      return `${name}: ${detail}; grant dynamodb:BatchWriteItem on the table "${table}" to the scaler's role`;
    case 'ValidationException':
      return `${name}: ${detail}; check that the table's key is ${HistoryAttribute.PARTITION_KEY} (S) + ${HistoryAttribute.SORT_KEY} (S)`;
    case OUT_OF_TIME:
    case 'AbortError':
      return `not written within the ${budgetMs} ms a run gives its history (${detail}); the table or its endpoint is slow or unreachable`;
    default:
      return `${name}: ${detail}; check the region, credentials and endpoint the scaler uses`;
  }
}

/** Why a read of the history failed, with the fix for the usual causes. */
function readProblem(error: unknown, table: string): string {
  const name = errorName(error);
  const detail = errorMessage(error);
  const fix =
    name === 'ResourceNotFoundException'
      ? 'point --history-table (or HISTORY_TABLE) at the history table the stack created, or run the scaler once in the local world'
      : name === 'AccessDeniedException'
        ? `grant dynamodb:Query and dynamodb:BatchGetItem on the table "${table}" to your credentials`
        : 'check the region, credentials and endpoint';
  return `cannot read history table "${table}": ${name}: ${detail}; ${fix}`;
}

/**
 * The sort key of an entry: the run's instant (ISO-8601, milliseconds, `Z`: fixed width, so it
 * sorts as text in time order) and `#` and the run id, so two runs in one millisecond never
 * collide. A row named `#run` (an invalid row: MSF names have no `#`) gets `#row` on top, so
 * it cannot take its run entry's key.
 *
 * @example
 * sortKeyOf('orders-enricher', '2026-11-27T10:00:00.000Z', 'a1b2c3d4'); // '2026-11-27T10:00:00.000Z#a1b2c3d4'
 */
function sortKeyOf(rowId: string, at: string, runId: string): string {
  return rowId === RUN_PARTITION ? `${at}#${runId}#row` : `${at}#${runId}`;
}

/**
 * The table item of an entry. Row items: `appName` (the rowId), `at`, `kind`, `runId`, the
 * outcome, its reason and figures, `ttl`. Run items: `appName` `#run`, `at`, `kind`, `runId`,
 * `table`, `total`, `counts`, `rows` (the recorded rows, rowId and outcome), `rowsNotListed`, `ttl`.
 *
 * @example
 * toHistoryItem(entry, 1_803_000_000);
 */
function toHistoryItem(entry: HistoryEntry, ttl: number): HistoryItem {
  if (entry.kind === 'run') {
    const { kind, at, runId, ...rest } = entry;
    return { appName: RUN_PARTITION, at: `${at}#${runId}`, kind, runId, ...rest, ttl };
  }
  const { kind, rowId, at, runId, ...rest } = entry;
  return { appName: rowId, at: sortKeyOf(rowId, at, runId), kind, runId, ...rest, ttl };
}

/** An item's key as one text, to find repeated keys. */
function keyText(item: HistoryItem): string {
  return `${String(item[HistoryAttribute.PARTITION_KEY])}\u0000${String(item[HistoryAttribute.SORT_KEY])}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOutcome(value: unknown): value is Outcome {
  return typeof value === 'string' && (OUTCOMES as readonly string[]).includes(value);
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The run entry of a run item, or `undefined` when the item is not one. */
function toRunEntry(item: HistoryItem, at: string, runId: string): RunEntry | undefined {
  const counts = isRecord(item.counts) ? item.counts : {};
  const rows = Array.isArray(item.rows) ? item.rows : [];
  return {
    kind: 'run',
    at,
    runId,
    table: stringOf(item.table) ?? '',
    total: numberOf(item.total) ?? 0,
    counts: Object.fromEntries(OUTCOMES.map((outcome) => [outcome, numberOf(counts[outcome]) ?? 0])) as Record<
      Outcome,
      number
    >,
    rows: rows.flatMap((row): RecordedRow[] =>
      isRecord(row) && typeof row.rowId === 'string' && isOutcome(row.outcome)
        ? [{ rowId: row.rowId, outcome: row.outcome }]
        : [],
    ),
    rowsNotListed: numberOf(item.rowsNotListed) ?? 0,
  };
}

/** The row entry of a row item, or `undefined` when the item is not one. */
function toRowEntry(item: HistoryItem, at: string, runId: string): RowEntry | undefined {
  const rowId = stringOf(item.appName);
  if (rowId === undefined || !isOutcome(item.outcome)) return undefined;
  const status = stringOf(item.status);
  const rule = stringOf(item.rule);
  const currentKPU = numberOf(item.currentKPU);
  const targetKPU = numberOf(item.targetKPU);
  const operationId = stringOf(item.operationId);
  const errorCode = stringOf(item.errorCode);
  return {
    kind: 'row',
    rowId,
    at,
    runId,
    outcome: item.outcome,
    reason: stringOf(item.reason) ?? '',
    ...(status === undefined ? {} : { status }),
    ...(rule === undefined ? {} : { rule }),
    ...(currentKPU === undefined ? {} : { currentKPU }),
    ...(targetKPU === undefined ? {} : { targetKPU }),
    ...(operationId === undefined ? {} : { operationId }),
    ...(errorCode === undefined ? {} : { errorCode }),
  };
}

/**
 * The entry of a history item as read back, or `undefined` for an item that is not one of ours
 * (written by hand, say): it is left out rather than failing the read.
 */
function fromHistoryItem(item: HistoryItem): HistoryEntry | undefined {
  const key = stringOf(item.at);
  const runId = stringOf(item.runId);
  if (key === undefined || runId === undefined) return undefined;
  // The instant is the sort key up to its first `#` (an ISO instant has none).
  const at = key.split('#')[0] ?? key;
  return item.kind === 'run' ? toRunEntry(item, at, runId) : toRowEntry(item, at, runId);
}

/**
 * The history table adapter: writes a run's entries with BatchWriteItem, 25 items per call and
 * a few calls in parallel, and retries the items DynamoDB leaves unprocessed (throttling) with a
 * doubling wait, at most `maxAttempts` calls per batch. Nothing is written after `deadline`: a
 * call still open then is aborted. It never rejects: what was not written is counted, with why.
 * Each item expires `ttlDays` after it was written (attribute `ttl`).
 *
 * @example
 * const history = createHistoryTable(documentClient, 'msf-scaler-history');
 * const result = await history.write(historyEntries(summary, newRunId()), Date.now() + 5_000);
 */
function createHistoryTable(
  client: DynamoDBDocumentClient,
  table: string,
  options: HistoryTableOptions = {},
): HistoryPort {
  const clock = options.clock ?? Date.now;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 5);
  const retryDelayMs = options.retryDelayMs ?? 50;
  const ttlSeconds = Math.round((options.ttlDays ?? Defaults.HISTORY_TTL_DAYS) * 86_400);

  async function writeBatch(items: readonly HistoryItem[], deadline: number, budgetMs: number): Promise<BatchResult> {
    let pending = items;
    for (let attempt = 1; ; attempt += 1) {
      const left = deadline - clock();
      if (left <= 0) {
        return {
          written: items.length - pending.length,
          failed: pending.length,
          problem: `not written within the ${budgetMs} ms a run gives its history; the table is slow or throttled`,
        };
      }
      let output: BatchWriteCommandOutput | undefined;
      try {
        output = await within(
          left,
          (abortSignal) =>
            client.send(
              new BatchWriteCommand({ RequestItems: { [table]: pending.map((Item) => ({ PutRequest: { Item } })) } }),
              { abortSignal },
            ),
          OUT_OF_TIME,
        );
      } catch (error) {
        return {
          written: items.length - pending.length,
          failed: pending.length,
          problem: writeProblem(error, table, budgetMs),
        };
      }
      pending = (output?.UnprocessedItems?.[table] ?? []).flatMap((request) =>
        request.PutRequest?.Item === undefined ? [] : [request.PutRequest.Item],
      );
      if (pending.length === 0) return { written: items.length, failed: 0 };
      if (attempt >= maxAttempts) {
        return {
          written: items.length - pending.length,
          failed: pending.length,
          problem:
            `DynamoDB left ${pending.length} item(s) unprocessed after ${maxAttempts} attempts (throttling); ` +
            'on-demand tables adapt to the load, so later runs usually record everything',
        };
      }
      // Unprocessed items mean throttling: back off before asking again, within the deadline.
      const wait = Math.min(retryDelayMs * 2 ** (attempt - 1), deadline - clock());
      if (wait > 0) await sleep(wait);
    }
  }

  return {
    table,
    async write(entries, deadline) {
      const ttl = Math.floor(clock() / 1000) + ttlSeconds;
      const budgetMs = Math.max(0, Math.round(deadline - clock()));
      // Two rows may share a rowId (names longer than MSF allows are cut to the same text): a
      // repeated key gets a suffix, since one batch may not hold a key twice.
      const seen = new Set<string>();
      const items = entries.map((entry) => {
        const item = toHistoryItem(entry, ttl);
        const sortKey = String(item.at);
        for (let copy = 2; seen.has(keyText(item)); copy += 1) item.at = `${sortKey}#${copy}`;
        seen.add(keyText(item));
        return item;
      });
      const batches: HistoryItem[][] = [];
      for (let start = 0; start < items.length; start += BatchLimit.WRITE) {
        batches.push(items.slice(start, start + BatchLimit.WRITE));
      }
      const results = await mapWithConcurrency(batches, options.concurrency ?? 4, (batch) =>
        writeBatch(batch, deadline, budgetMs),
      );
      const problem = results.find((result) => result.problem !== undefined)?.problem;
      const result: HistoryWriteResult = {
        table,
        written: results.reduce((sum, batch) => sum + batch.written, 0),
        failed: results.reduce((sum, batch) => sum + batch.failed, 0),
        ...(problem === undefined ? {} : { problem }),
      };
      return result;
    },
  };
}

/** The items of one partition, newest first: Query pages until `limit` items or the partition's end. */
async function queryPartition(
  client: DynamoDBDocumentClient,
  table: string,
  partition: string,
  since: Date | undefined,
  limit: number,
): Promise<HistoryItem[]> {
  const items: HistoryItem[] = [];
  let startKey: QueryCommandInput['ExclusiveStartKey'];
  do {
    const output = await client.send(
      new QueryCommand({
        TableName: table,
        // `at` is a reserved word in DynamoDB expressions.
        KeyConditionExpression: since === undefined ? '#pk = :pk' : '#pk = :pk AND #sk >= :since',
        ExpressionAttributeNames: {
          '#pk': HistoryAttribute.PARTITION_KEY,
          ...(since === undefined ? {} : { '#sk': HistoryAttribute.SORT_KEY }),
        },
        ExpressionAttributeValues: {
          ':pk': partition,
          ...(since === undefined ? {} : { ':since': since.toISOString() }),
        },
        ScanIndexForward: false,
        ConsistentRead: true,
        Limit: limit - items.length,
        ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
      }),
    );
    items.push(...(output.Items ?? []));
    startKey = output.LastEvaluatedKey;
  } while (startKey !== undefined && items.length < limit);
  return items;
}

/** The items with these keys, in the order of `keys` (missing ones left out), BatchGetItem 100 at a time. */
async function getItems(
  client: DynamoDBDocumentClient,
  table: string,
  keys: readonly HistoryItem[],
): Promise<HistoryItem[]> {
  const unique = [...new Map(keys.map((key) => [keyText(key), key])).values()];
  const found = new Map<string, HistoryItem>();
  for (let start = 0; start < unique.length; start += BatchLimit.GET) {
    let pending = unique.slice(start, start + BatchLimit.GET);
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      const output = await client.send(
        new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: true } } }),
      );
      for (const item of output.Responses?.[table] ?? []) found.set(keyText(item), item);
      pending = output.UnprocessedKeys?.[table]?.Keys ?? [];
      if (pending.length > 0 && attempt >= 5) {
        const error = new Error(`DynamoDB left ${pending.length} key(s) unprocessed after 5 attempts; try again`);
        error.name = 'UnprocessedKeys';
        throw error;
      }
      if (pending.length > 0) await sleep(50 * 2 ** (attempt - 1));
    }
  }
  return keys.flatMap((key): HistoryItem[] => {
    const item = found.get(keyText(key));
    return item === undefined ? [] : [item];
  });
}

/**
 * Reads the audit trail, newest first, at most `query.limit` entries:
 * - with `appName`, that row's entries: one Query of its partition;
 * - without, the latest runs, each followed by the entries of the rows it recorded: a Query of
 *   the run partition, then BatchGetItem of the rows each run names (their keys are the run's).
 *
 * Never throws for a DynamoDB failure: the result says why, with the fix.
 *
 * @example
 * const read = await readHistory(documentClient, 'msf-scaler-history', { appName: 'orders-enricher', limit: 20 });
 */
async function readHistory(client: DynamoDBDocumentClient, table: string, query: HistoryQuery): Promise<HistoryRead> {
  try {
    if (query.appName !== undefined) {
      const items = await queryPartition(client, table, query.appName, query.since, query.limit);
      const entries = items.flatMap((item) => {
        const entry = fromHistoryItem(item);
        return entry?.kind === 'row' ? [entry] : [];
      });
      return { ok: true, table, entries };
    }
    const runs = (await queryPartition(client, table, RUN_PARTITION, query.since, query.limit)).flatMap((item) => {
      const entry = fromHistoryItem(item);
      return entry?.kind === 'run' ? [entry] : [];
    });
    const entries: HistoryEntry[] = [];
    for (const run of runs) {
      if (entries.length >= query.limit) break;
      entries.push(run);
      const keys = run.rows
        .slice(0, query.limit - entries.length)
        .map(({ rowId }) => ({ appName: rowId, at: sortKeyOf(rowId, run.at, run.runId) }));
      const items = keys.length === 0 ? [] : await getItems(client, table, keys);
      for (const item of items) {
        const entry = fromHistoryItem(item);
        if (entry?.kind === 'row') entries.push(entry);
      }
    }
    return { ok: true, table, entries };
  } catch (error) {
    return { ok: false, table, problem: readProblem(error, table), cause: error };
  }
}

export type { HistoryItem, HistoryQuery, HistoryRead, HistoryTableOptions };
export {
  createHistoryTable,
  fromHistoryItem,
  HISTORY_TABLE_ACTIONS,
  HistoryAttribute,
  RUN_PARTITION,
  readHistory,
  sortKeyOf,
  toHistoryItem,
};
