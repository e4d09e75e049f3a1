import { InvalidRowError } from './errors';
import { parseRow } from './parseRow';
import { toPeakDaysString } from './peakDays';
import type { RowInput } from './rowSchema';

/** One attribute value in DynamoDB JSON. */
type AttributeValue = { readonly S: string } | { readonly N: string } | { readonly BOOL: boolean };

/**
 * The `--item` argument for `aws dynamodb put-item`: the row in DynamoDB JSON, on one
 * line, attributes in documentation order. Only attributes present in `row` are
 * written (defaults stay implicit, so changing a default later reaches the row).
 * `peakDays` is written as a normalized string (`{"S":"MON-FRI"}`), whatever form it
 * was given in.
 *
 * @throws {@link InvalidRowError} when the row does not pass {@link parseRow}.
 * @example
 * ```ts
 * toDynamoDbItemJson({ appName: 'orders', lowKPU: 1, highKPU: 4, scaleUpHour: 8, scaleDownHour: 20, peakDays: ['fri', 'mon-thu'] });
 * // '{"appName":{"S":"orders"},"lowKPU":{"N":"1"},"highKPU":{"N":"4"},"scaleUpHour":{"N":"8"},"scaleDownHour":{"N":"20"},"peakDays":{"S":"MON-FRI"}}'
 * ```
 */
function toDynamoDbItemJson(row: RowInput): string {
  const result = parseRow(row, 0);
  if (!result.ok) throw new InvalidRowError(result.issues);
  const parsed = result.row;
  const item: Record<string, AttributeValue> = {
    appName: { S: parsed.appName },
    lowKPU: { N: String(parsed.lowKPU) },
    highKPU: { N: String(parsed.highKPU) },
    scaleUpHour: { N: String(parsed.scaleUpHour) },
    scaleDownHour: { N: String(parsed.scaleDownHour) },
  };
  if (row.timezone !== undefined) item.timezone = { S: parsed.timezone };
  if (row.peakDays !== undefined) item.peakDays = { S: toPeakDaysString(parsed.peakDays) };
  if (row.enabled !== undefined) item.enabled = { BOOL: parsed.enabled };
  if (row.autoScaling !== undefined) item.autoScaling = { S: parsed.autoScaling };
  return JSON.stringify(item);
}

export { toDynamoDbItemJson };
