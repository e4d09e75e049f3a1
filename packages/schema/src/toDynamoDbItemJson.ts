import { InvalidRowError } from './errors';
import type { Override } from './overrides';
import { parseRow } from './parseRow';
import { toPeakDaysString } from './peakDays';
import type { RowInput } from './rowSchema';
import type { ScheduleWindow } from './windows';

/** One attribute value in DynamoDB JSON. */
type AttributeValue =
  | { readonly S: string }
  | { readonly N: string }
  | { readonly BOOL: boolean }
  | { readonly SS: readonly string[] }
  | { readonly L: readonly AttributeValue[] }
  | { readonly M: Readonly<Record<string, AttributeValue>> };

/** A string set, or an empty list: DynamoDB refuses an empty SS. */
function stringSet(values: readonly string[]): AttributeValue {
  return values.length === 0 ? { L: [] } : { SS: values };
}

function windowsValue(windows: readonly ScheduleWindow[], input: RowInput['windows']): AttributeValue {
  return {
    L: windows.map((window, index) => ({
      M: {
        from: { N: String(window.from) },
        to: { N: String(window.to) },
        kpu: { N: String(window.kpu) },
        ...(input?.[index]?.days === undefined ? {} : { days: { S: toPeakDaysString(window.days) } }),
      },
    })),
  };
}

function overridesValue(overrides: readonly Override[]): AttributeValue {
  return {
    L: overrides.map((override) => ({
      M: {
        kpu: { N: String(override.kpu) },
        until: { S: override.until },
        ...(override.from === undefined ? {} : { from: { S: override.from } }),
        reason: { S: override.reason },
        ...(override.by === undefined ? {} : { by: { S: override.by } }),
      },
    })),
  };
}

/**
 * The `--item` argument for `aws dynamodb put-item`: the row in DynamoDB JSON, on one
 * line, attributes in documentation order. Only attributes present in `row` are
 * written (defaults stay implicit, so changing a default later reaches the row).
 * `peakDays` (and a window's `days`) is written as a normalized string (`{"S":"MON-FRI"}`),
 * whatever form it was given in; `windows` and `overrides` as lists of maps, `holidays` and
 * `calendars` as string sets (an empty one as an empty list: DynamoDB has no empty set).
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
  };
  if (parsed.highKPU !== undefined) item.highKPU = { N: String(parsed.highKPU) };
  if (parsed.scaleUpHour !== undefined) item.scaleUpHour = { N: String(parsed.scaleUpHour) };
  if (parsed.scaleDownHour !== undefined) item.scaleDownHour = { N: String(parsed.scaleDownHour) };
  if (row.timezone !== undefined) item.timezone = { S: parsed.timezone };
  if (row.peakDays !== undefined) item.peakDays = { S: toPeakDaysString(parsed.peakDays) };
  if (row.enabled !== undefined) item.enabled = { BOOL: parsed.enabled };
  if (row.autoScaling !== undefined) item.autoScaling = { S: parsed.autoScaling };
  if (parsed.windows !== undefined) item.windows = windowsValue(parsed.windows, row.windows);
  if (parsed.overrides !== undefined) item.overrides = overridesValue(parsed.overrides);
  if (parsed.holidays !== undefined) item.holidays = stringSet(parsed.holidays);
  if (parsed.calendars !== undefined) item.calendars = stringSet(parsed.calendars);
  return JSON.stringify(item);
}

export { toDynamoDbItemJson };
