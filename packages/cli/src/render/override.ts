import { escapeControl } from '@msf-scaler/scaler';
import { describeOverride, type Override } from '@msf-scaler/schema';

/** A target and the rule that decides it, from one instant on. */
interface TargetAt {
  /** ISO-8601. */
  readonly at: string;
  readonly targetKPU: number;
  readonly rule: string;
}

/** What `override` wrote and what it does: its text lines, and its `--json` document. */
interface OverrideReport {
  readonly table: string;
  readonly appName: string;
  /** Whether anything was written: a `--clear` that finds nothing to remove writes nothing. */
  readonly written: boolean;
  /** The override `override APP --kpu ...` added. */
  readonly added?: Override;
  /** What `--clear` removed: the expired overrides, or (`--all`) every one. */
  readonly clear?: 'expired' | 'all';
  /** The overrides `--clear` removed, as `override until ... (reason, by ...)`. */
  readonly removed: readonly string[];
  /** The row's overrides now, as written. */
  readonly overrides: readonly unknown[];
  /** The target now, and the rule deciding it; absent when the row is invalid. */
  readonly now?: TargetAt;
  /** The next change of the target, if any within 35 days. */
  readonly next?: TargetAt;
  /** What the evaluation says about the row now (expired overrides, missing calendars, ...). */
  readonly warnings: readonly string[];
  /** Why the row is still invalid after a `--clear`: the scaler leaves it alone. */
  readonly issues?: readonly string[];
}

/** `16 KPU from ... until ... (launch week, by ops)`. */
function addedText(override: Override): string {
  const from = override.from === undefined ? '' : ` from ${override.from}`;
  return `${override.kpu} KPU${from} ${describeOverride(override).replace(/^override /, '')}`;
}

function removedText(removed: readonly string[], left: number, clear: 'expired' | 'all' | undefined): string {
  if (removed.length === 0) {
    const none = clear === 'expired' ? 'no expired override to remove' : 'no override to remove';
    return `${none} (${left === 0 ? 'it has none' : `${left} in force or to come`}); nothing written`;
  }
  const what = `${removed.length} ${clear === 'expired' ? 'expired ' : ''}override${removed.length === 1 ? '' : 's'}`;
  return `removed ${what}: ${removed.join(', ')}; ${left === 0 ? 'none left' : `${left} left`}`;
}

/**
 * The lines `override` prints on stdout: what was written and its effect, e.g.
 * `orders-enricher: 16 KPU until 2026-12-04T18:00:00Z (launch week, by ops); now 16 KPU (override
 * until 2026-12-04T18:00:00Z (launch week, by ops))`, then `  next 2026-12-04T18:00:00Z: 1 KPU
 * (outside every window)`. Control characters are shown escaped.
 *
 * @example
 * for (const line of renderOverrideReport(report)) io.stdout.write(`${line}\n`);
 */
function renderOverrideReport(report: OverrideReport): string[] {
  const written =
    report.added === undefined
      ? removedText(report.removed, report.overrides.length, report.clear)
      : addedText(report.added);
  const now = report.now === undefined ? '' : `; now ${report.now.targetKPU} KPU (${report.now.rule})`;
  const lines = [`${report.appName}: ${written}${now}`];
  if (report.next !== undefined) {
    lines.push(`  next ${report.next.at}: ${report.next.targetKPU} KPU (${report.next.rule})`);
  }
  return lines.map(escapeControl);
}

export type { OverrideReport, TargetAt };
export { renderOverrideReport };
