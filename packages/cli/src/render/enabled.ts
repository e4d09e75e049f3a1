import { escapeControl } from '@msf-scaler/scaler';
import { type StoredValue, storedValueText } from './storedItem';

/** What `enable` or `disable` did: its text line, and its `--json` document. */
interface EnabledReport {
  readonly table: string;
  readonly appName: string;
  /** The row's state now. */
  readonly enabled: boolean;
  /** Its state before: `null` when its `enabled` held something that is not a boolean (the row was invalid). */
  readonly wasEnabled: boolean | null;
  /** The `enabled` attribute before, as DynamoDB stores it; absent when the row had none (enabled by default). */
  readonly previous?: StoredValue;
  /** Whether anything was written: nothing when the row already was in that state. */
  readonly written: boolean;
}

function stateText(enabled: boolean): string {
  return enabled ? 'enabled' : 'disabled';
}

function previousText(report: EnabledReport): string {
  if (report.previous === undefined) return 'enabled by default: it had no enabled attribute';
  if (report.wasEnabled === null) return `its enabled was ${storedValueText(report.previous)}, not a boolean`;
  return stateText(report.wasEnabled);
}

/**
 * The line `enable` and `disable` print on stdout: what changed and what it means for the next
 * run, or that the row already was in that state. Control characters are shown escaped.
 *
 * @example
 * renderEnabled({ table: 't', appName: 'orders', enabled: false, wasEnabled: true, written: true });
 * // 'disabled orders in t (was enabled): from its next run the scaler leaves the application alone, at the KPU it has'
 */
function renderEnabled(report: EnabledReport): string {
  const { appName, table } = report;
  if (!report.written) {
    const implicit = report.previous === undefined ? ' (it has no enabled attribute: enabled by default)' : '';
    return escapeControl(`${appName} is already ${stateText(report.enabled)} in ${table}${implicit}; nothing written`);
  }
  const effect = report.enabled
    ? 'from its next run the scaler scales the application again'
    : 'from its next run the scaler leaves the application alone, at the KPU it has';
  return escapeControl(`${stateText(report.enabled)} ${appName} in ${table} (was ${previousText(report)}): ${effect}`);
}

export type { EnabledReport };
export { renderEnabled };
