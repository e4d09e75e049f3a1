import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { HistoryAttribute } from '@msf-scaler/scaler';
import { LocalStackError } from './errors';

const POLL_MS = 10;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function tableStatus(client: DynamoDBClient, tableName: string): Promise<string | undefined> {
  try {
    const output = await client.send(new DescribeTableCommand({ TableName: tableName }));
    return output.Table?.TableStatus ?? 'UNKNOWN';
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

/**
 * Creates the table if it is missing and waits until it is ACTIVE.
 *
 * The SDK's `waitUntilTableExists` waits at least 20 s between polls; dynalite with
 * `createTableMs: 0` is ACTIVE within milliseconds, so a short poll loop is used instead.
 */
async function ensureTable(
  client: DynamoDBClient,
  input: CreateTableCommandInput & { readonly TableName: string },
  what: string,
  timeoutMs: number,
): Promise<void> {
  if ((await tableStatus(client, input.TableName)) === undefined) {
    await client.send(new CreateTableCommand(input));
  }
  // Polls are bounded by count, not by reading the clock, so a fake clock cannot stall this.
  const polls = Math.max(1, Math.ceil(timeoutMs / POLL_MS));
  let status: string | undefined;
  for (let poll = 0; poll < polls; poll += 1) {
    status = await tableStatus(client, input.TableName);
    if (status === 'ACTIVE') return;
    await sleep(POLL_MS);
  }
  throw new LocalStackError(
    `${what} "${input.TableName}" is still ${status ?? 'missing'} after ${timeoutMs} ms; dynalite should create tables at once, so check that nothing else listens on its port`,
  );
}

/**
 * Creates the schedule table if it is missing (partition key `appName` of type S, on-demand
 * billing, as the infrastructure creates it) and waits until it is ACTIVE.
 *
 * @throws LocalStackError when the table is not ACTIVE within `timeoutMs`.
 * @example
 * await ensureScheduleTable(new DynamoDBClient({ endpoint }), 'msf-scaler-schedules', 5000);
 */
async function ensureScheduleTable(client: DynamoDBClient, tableName: string, timeoutMs: number): Promise<void> {
  await ensureTable(
    client,
    {
      TableName: tableName,
      AttributeDefinitions: [{ AttributeName: 'appName', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'appName', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    },
    'schedule table',
    timeoutMs,
  );
}

/**
 * Creates the history (audit trail) table if it is missing, as the stack's `HistoryTable` does
 * (partition key `appName` and sort key `at`, both S, on-demand), and waits until it is ACTIVE.
 * Its TTL (attribute `ttl`) is not turned on: dynalite 4 has no UpdateTimeToLive, so local items
 * never expire, which for a world that lives in memory only does not matter.
 *
 * @throws LocalStackError when the table is not ACTIVE within `timeoutMs`.
 * @example
 * await ensureHistoryTable(new DynamoDBClient({ endpoint }), 'msf-scaler-history', 5000);
 */
async function ensureHistoryTable(client: DynamoDBClient, tableName: string, timeoutMs: number): Promise<void> {
  await ensureTable(
    client,
    {
      TableName: tableName,
      AttributeDefinitions: [
        { AttributeName: HistoryAttribute.PARTITION_KEY, AttributeType: 'S' },
        { AttributeName: HistoryAttribute.SORT_KEY, AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: HistoryAttribute.PARTITION_KEY, KeyType: 'HASH' },
        { AttributeName: HistoryAttribute.SORT_KEY, KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    },
    'history table',
    timeoutMs,
  );
}

export { ensureHistoryTable, ensureScheduleTable };
