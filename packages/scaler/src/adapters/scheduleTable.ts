import { type DynamoDBDocumentClient, paginateScan } from '@aws-sdk/lib-dynamodb';
import { ScheduleTableError } from '../errors';

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
    const name = error instanceof Error ? error.name : 'UnknownError';
    const detail = error instanceof Error ? error.message : String(error);
    const fix =
      name === 'ResourceNotFoundException'
        ? `create the table or point the scaler at the right one (--table or SCHEDULE_TABLE)`
        : name === 'AccessDeniedException'
          ? `grant dynamodb:Scan on the table to the scaler's role`
          : 'check the region, credentials and endpoint the scaler uses';
    throw new ScheduleTableError(`cannot read schedule table "${tableName}": ${name}: ${detail}; ${fix}`, {
      cause: error,
    });
  }
  return items;
}

export { scanScheduleTable };
