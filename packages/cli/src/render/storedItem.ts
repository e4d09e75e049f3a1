import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { escapeControl, toWireItem } from '@msf-scaler/scaler';

/** An attribute as DynamoDB stores it, in DynamoDB JSON: `{"N": "4"}`, `{"SS": ["2026-12-25"]}`. */
type StoredValue = Record<string, unknown>;

/** How one attribute differs between the row in the table and the row to write. */
const ChangeKind = {
  ADDED: 'added',
  REMOVED: 'removed',
  CHANGED: 'changed',
} as const;

type ChangeKind = (typeof ChangeKind)[keyof typeof ChangeKind];

/** One attribute that differs, with its values as DynamoDB stores them. */
interface AttributeChange {
  readonly attribute: string;
  readonly change: ChangeKind;
  /** The value in the table; absent when added. */
  readonly old?: StoredValue;
  /** The value to write; absent when removed. */
  readonly new?: StoredValue;
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

/**
 * One attribute value in canonical DynamoDB JSON: set members and map keys sorted (DynamoDB
 * keeps neither order, so two reads of one row may list them differently), binary as base64.
 */
function canonical(value: AttributeValue): StoredValue {
  if (value.SS !== undefined) return { SS: [...value.SS].sort() };
  if (value.NS !== undefined) return { NS: [...value.NS].sort() };
  if (value.BS !== undefined) return { BS: value.BS.map(base64).sort() };
  if (value.B !== undefined) return { B: base64(value.B) };
  if (value.L !== undefined) return { L: value.L.map(canonical) };
  if (value.M !== undefined) {
    const map = value.M;
    return {
      M: Object.fromEntries(
        Object.keys(map)
          .sort()
          .flatMap((key) => {
            const element = map[key];
            return element === undefined ? [] : [[key, canonical(element)]];
          }),
      ),
    };
  }
  return { ...value };
}

/**
 * An item's attributes as DynamoDB stores them once the CLI writes it (the same mapping the
 * write uses, marshalled as the DocumentClient marshals it): numbers as `N` with their digits,
 * arrays as `L`, objects as `M`, sets as `SS`/`NS`/`BS`, in canonical order.
 *
 * @example
 * storedAttributes({ appName: 'orders', holidays: new Set(['2026-12-26', '2026-12-25']) });
 * // { appName: { S: 'orders' }, holidays: { SS: ['2026-12-25', '2026-12-26'] } }
 */
function storedAttributes(item: Readonly<Record<string, unknown>>): Record<string, StoredValue> {
  const marshalled = marshall(toWireItem(item));
  return Object.fromEntries(Object.entries(marshalled).map(([attribute, value]) => [attribute, canonical(value)]));
}

/**
 * The stored value as one line of text, control characters escaped.
 *
 * @example
 * storedValueText({ S: 'Europe/Berlin' }); // '{"S":"Europe/Berlin"}'
 */
function storedValueText(value: StoredValue): string {
  return escapeControl(JSON.stringify(value));
}

/**
 * How the row to write differs from the row in the table, attribute by attribute, compared as
 * DynamoDB stores them: the new row's attributes in its order (changed or added), then those
 * only the old one has (removed). An empty list: the rows are identical.
 *
 * @example
 * diffItems({ appName: 'a', highKPU: 4 }, { appName: 'a', highKPU: 8 });
 * // [{ attribute: 'highKPU', change: 'changed', old: { N: '4' }, new: { N: '8' } }]
 */
function diffItems(
  old: Readonly<Record<string, unknown>> | undefined,
  next: Readonly<Record<string, unknown>>,
): AttributeChange[] {
  const before = old === undefined ? {} : storedAttributes(old);
  const after = storedAttributes(next);
  const changes: AttributeChange[] = [];
  for (const [attribute, value] of Object.entries(after)) {
    const previous = before[attribute];
    if (previous === undefined) {
      changes.push({ attribute, change: ChangeKind.ADDED, new: value });
    } else if (JSON.stringify(previous) !== JSON.stringify(value)) {
      changes.push({ attribute, change: ChangeKind.CHANGED, old: previous, new: value });
    }
  }
  for (const [attribute, value] of Object.entries(before)) {
    if (!Object.hasOwn(after, attribute)) changes.push({ attribute, change: ChangeKind.REMOVED, old: value });
  }
  return changes;
}

/**
 * The lines of a difference, indented, names aligned: `highKPU   {"N":"4"} -> {"N":"8"}`,
 * `timezone  added {"S":"Europe/Berlin"}`, `peakDays  removed {"S":"MON-FRI"}`.
 *
 * @example
 * for (const line of changeLines(diffItems(old, next))) io.stdout.write(`${line}\n`);
 */
function changeLines(changes: readonly AttributeChange[], indent = '  '): string[] {
  const width = Math.max(0, ...changes.map((change) => escapeControl(change.attribute).length));
  return changes.map((change) => {
    const name = escapeControl(change.attribute).padEnd(width);
    const old = change.old === undefined ? '' : storedValueText(change.old);
    const next = change.new === undefined ? '' : storedValueText(change.new);
    const text =
      change.change === ChangeKind.ADDED
        ? `added ${next}`
        : change.change === ChangeKind.REMOVED
          ? `removed ${old}`
          : `${old} -> ${next}`;
    return `${indent}${name}  ${text}`;
  });
}

/**
 * Attributes as DynamoDB stores them, one per line, names aligned: `appName  {"S":"orders"}`.
 *
 * @example
 * attributeLines(storedAttributes(item)); // ['  appName  {"S":"orders"}', '  lowKPU   {"N":"1"}']
 */
function attributeLines(attributes: Readonly<Record<string, StoredValue>>, indent = '  '): string[] {
  const texts = Object.entries(attributes).map(
    ([attribute, value]) => [escapeControl(attribute), storedValueText(value)] as const,
  );
  const width = Math.max(0, ...texts.map(([name]) => name.length));
  return texts.map(([name, value]) => `${indent}${name.padEnd(width)}  ${value}`);
}

export type { AttributeChange, StoredValue };
export { attributeLines, ChangeKind, changeLines, diffItems, storedAttributes, storedValueText };
