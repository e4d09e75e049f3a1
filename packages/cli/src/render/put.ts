import { escapeControl, type WriteRefusal } from '@msf-scaler/scaler';
import { type AttributeChange, attributeLines, changeLines, type StoredValue } from './storedItem';

/** What `put` did with one row (or, with `--dry-run`, would do). */
const PutOutcome = {
  CREATED: 'created',
  REPLACED: 'replaced',
  /** The row in the table is identical: nothing to write. */
  UNCHANGED: 'unchanged',
  /** Not written: it exists and `--replace` was not given, or it changed since it was read. */
  REFUSED: 'refused',
  WOULD_CREATE: 'would-create',
  WOULD_REPLACE: 'would-replace',
} as const;

type PutOutcome = (typeof PutOutcome)[keyof typeof PutOutcome];

/** One row of `put`. */
interface PutRowReport {
  readonly appName: string;
  /** Where the row was given: `rows.json:3:1`, `<stdin>:2:1`, `command line`. */
  readonly source: string;
  readonly outcome: PutOutcome;
  /** Whether this row was written. */
  readonly written: boolean;
  /** Why it was refused (`row-exists`, `changed`, `row-missing`, `too-large`). */
  readonly refusal?: WriteRefusal;
  /** The refusal in words, with the fix. */
  readonly message?: string;
  /**
   * How the row differs from the one in the table, attribute by attribute, as DynamoDB stores
   * them: every attribute `added` for a new row, none when unchanged.
   */
  readonly changes: readonly AttributeChange[];
}

/** What `put` did: its text lines, and its `--json` document. */
interface PutReport {
  readonly table: string;
  readonly dryRun: boolean;
  readonly replace: boolean;
  readonly counts: Readonly<Record<PutOutcome, number>>;
  readonly rows: readonly PutRowReport[];
}

/** How the summary counts each outcome, in this order. */
const SUMMARY: readonly (readonly [PutOutcome, string])[] = [
  [PutOutcome.CREATED, 'created'],
  [PutOutcome.WOULD_CREATE, 'would be created'],
  [PutOutcome.REPLACED, 'replaced'],
  [PutOutcome.WOULD_REPLACE, 'would be replaced'],
  [PutOutcome.UNCHANGED, 'unchanged'],
  [PutOutcome.REFUSED, 'refused'],
];

/** The attributes a new row is written with: the new values of its changes. */
function written(changes: readonly AttributeChange[]): Record<string, StoredValue> {
  return Object.fromEntries(
    changes.flatMap((change) => (change.new === undefined ? [] : [[change.attribute, change.new]])),
  );
}

function rowLines(row: PutRowReport, table: string): string[] {
  const name = row.appName;
  switch (row.outcome) {
    case PutOutcome.CREATED:
      return [`created ${name} in ${table}`];
    case PutOutcome.WOULD_CREATE:
      // What would be written, whole: every attribute is new.
      return [`would create ${name} in ${table}:`, ...attributeLines(written(row.changes))];
    case PutOutcome.REPLACED:
      return [`replaced ${name} in ${table}:`, ...changeLines(row.changes)];
    case PutOutcome.WOULD_REPLACE:
      return [`would replace ${name} in ${table}:`, ...changeLines(row.changes)];
    case PutOutcome.UNCHANGED:
      return [`unchanged ${name}: identical to the row in ${table}; nothing written`];
    default:
      // A row that exists without --replace: what replacing it would change.
      return row.changes.length === 0
        ? [`refused ${name}: ${row.message ?? 'not written'}`]
        : [`refused ${name}: ${row.message ?? 'not written'}; it would change:`, ...changeLines(row.changes)];
  }
}

/**
 * The lines `put` prints on stdout: one block per row (what was done, then the difference
 * attribute by attribute, old -> new, values as DynamoDB stores them), then a summary line.
 * Every line has its control characters escaped.
 *
 * @example
 * for (const line of renderPutLines(report)) io.stdout.write(`${line}\n`);
 * // replaced orders-enricher in msf-scaler-schedules:
 * //   highKPU  {"N":"4"} -> {"N":"8"}
 * // put into msf-scaler-schedules: 1 replaced
 */
function renderPutLines(report: PutReport): string[] {
  const lines = report.rows.flatMap((row) => rowLines(row, report.table));
  const counts = SUMMARY.filter(([outcome]) => report.counts[outcome] > 0).map(
    ([outcome, words]) => `${report.counts[outcome]} ${words}`,
  );
  const summary = counts.length === 0 ? 'no row' : counts.join(', ');
  lines.push(
    report.dryRun
      ? `dry run, put into ${report.table}: ${summary}; nothing written`
      : `put into ${report.table}: ${summary}`,
  );
  return lines.map(escapeControl);
}

export type { PutReport, PutRowReport };
export { PutOutcome, renderPutLines };
