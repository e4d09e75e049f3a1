import { escapeControl } from '@msf-scaler/scaler';
import { attributeLines, type StoredValue } from './storedItem';

/** What `remove` removed (or was about to): its text lines, and its `--json` document. */
interface RemoveReport {
  readonly table: string;
  readonly appName: string;
  /** Whether the row was removed. */
  readonly removed: boolean;
  /** The row as it was, as DynamoDB stores it. */
  readonly item: Readonly<Record<string, StoredValue>>;
}

/**
 * The row `remove` is about to remove, as DynamoDB stores it: a heading, then one attribute
 * per line. Control characters are shown escaped.
 *
 * @example
 * renderRemoveRow(report);
 * // ['row orders-enricher in msf-scaler-schedules:', '  appName  {"S":"orders-enricher"}', ...]
 */
function renderRemoveRow(report: RemoveReport): string[] {
  return [`row ${report.appName} in ${report.table}:`, ...attributeLines(report.item)].map(escapeControl);
}

/**
 * The line `remove` ends with once the row is gone: what it means for the application.
 *
 * @example
 * renderRemoved(report);
 * // 'removed orders-enricher from msf-scaler-schedules: the scaler no longer manages the application, which stays at the KPU it has'
 */
function renderRemoved(report: RemoveReport): string {
  return escapeControl(
    `removed ${report.appName} from ${report.table}: the scaler no longer manages the application, which stays at the KPU it has`,
  );
}

export type { RemoveReport };
export { renderRemoved, renderRemoveRow };
