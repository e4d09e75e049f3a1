import { type DynamoDBDocumentClient, GetCommand, paginateScan } from '@aws-sdk/lib-dynamodb';
import { ScheduleTableError } from '../errors';
import { errorMessage, errorName } from './calls';

/**
 * A failure of the schedule table as a whole (`verb`: read, write), with the fix for the usual
 * causes; shared by the scan, the reads and the writes.
 */
function tableFailure(tableName: string, error: unknown, verb: string, action: string): ScheduleTableError {
  const name = errorName(error);
  const fix =
    name === 'ResourceNotFoundException'
      ? 'create the table or point at the right one (--table or SCHEDULE_TABLE)'
      : name === 'AccessDeniedException'
        ? `grant ${action} on the table to the role or credentials in use`
        : 'check the region, credentials and endpoint in use';
  return new ScheduleTableError(
    `cannot ${verb} schedule table "${tableName}": ${name}: ${errorMessage(error)}; ${fix}`,
    { cause: error },
  );
}

/**
 * Reads the items of the schedule table with these `appName`s (a row, or a calendar item
 * `calendar:<name>`), consistently, one GetItem each; a missing one is left out of the result.
 *
 * @throws ScheduleTableError when the table cannot be read.
 * @example
 * const [row] = await readScheduleItems(documentClient, 'msf-scaler-schedules', ['orders-enricher']);
 */
async function readScheduleItems(
  client: DynamoDBDocumentClient,
  tableName: string,
  appNames: readonly string[],
): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  try {
    for (const appName of appNames) {
      const output = await client.send(
        new GetCommand({ TableName: tableName, Key: { appName }, ConsistentRead: true }),
      );
      if (output.Item !== undefined) found.set(appName, output.Item);
    }
  } catch (error) {
    throw tableFailure(tableName, error, 'read', 'dynamodb:GetItem');
  }
  return found;
}

/**
 * Reads every row of the schedule table, all pages, in scan order, as plain objects
 * (numbers as numbers, string sets as `Set`). Rows are validated later, one by one, so a
 * bad row never hides the others.
 *
 * @throws ScheduleTableError when the table cannot be read: the run as a whole cannot happen.
 * @example
 * const items = await scanScheduleTable(documentClient, 'msf-scaler-schedules');
 */
async function scanScheduleTable(
  client: DynamoDBDocumentClient,
  tableName: string,
  pageSize?: number,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  try {
    // Consistent reads: a row added just before the run is acted on in this run.
    const pages = paginateScan(
      { client, ...(pageSize !== undefined ? { pageSize } : {}) },
      { TableName: tableName, ConsistentRead: true },
    );
    for await (const page of pages) {
      items.push(...(page.Items ?? []));
    }
  } catch (error) {
    throw tableFailure(tableName, error, 'read', 'dynamodb:Scan');
  }
  return items;
}

export { readScheduleItems, scanScheduleTable, tableFailure };
