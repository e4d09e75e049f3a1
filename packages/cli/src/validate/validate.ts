import type { OutputStream } from '@msf-scaler/commons';
import { readNumber } from '@msf-scaler/scaler';
import { InputError, JsonSyntaxError } from '../errors';
import type { InputStream } from '../io';
import { checkRow } from './checkRow';
import { InputFormat, readRows } from './parseRows';
import { readInput, STDIN_NAME } from './readInput';
import type { RowReport, SourceReport, ValidationReport } from './types';

/** Options of {@link validateFiles} and {@link validateItems}. */
interface ValidateOptions {
  /** Most KPU a row may ask for. */
  readonly maxKPUPerApplication: number;
  /** Keep each valid row's item in its report. @default false */
  readonly keepItems?: boolean;
}

/** The sources and rows checked, before the totals. */
interface Checked {
  readonly sources: SourceReport[];
  readonly rows: RowReport[];
}

/** How messages name an input given on the command line. */
function sourceName(path: string): string {
  return path === '-' ? STDIN_NAME : path;
}

/**
 * Checks every row of every input (a path, or `-` for standard input), one input after the
 * other. An input that cannot be read, or is not JSON, is reported and the others are still
 * checked. An appName found twice in one input gets a warning.
 *
 * @example
 * const checked = await validateFiles(['rows.json', '-'], { maxKPUPerApplication: 64 }, process.stdin);
 */
async function validateFiles(
  paths: readonly string[],
  options: ValidateOptions,
  stdin: InputStream | undefined,
  stderr?: OutputStream,
): Promise<Checked> {
  const checked: Checked = { sources: [], rows: [] };
  for (const path of paths) {
    const source = sourceName(path);
    // Within one input only: two files may well be meant for two tables (staging, production).
    const seen = new Map<string, string>();
    try {
      const rows = readRows(await readInput(path, source, stdin, stderr), readNumber);
      // Each row is checked as soon as it is read and then let go: only the reports are kept.
      // An input that turns out not to be JSON is reported as a whole, without its rows.
      const reports: RowReport[] = [];
      let step = rows.next();
      while (step.done !== true) {
        reports.push(
          checkRow(step.value, reports.length, {
            source,
            maxKPUPerApplication: options.maxKPUPerApplication,
            seen,
            keepItem: options.keepItems === true,
          }),
        );
        step = rows.next();
      }
      for (const report of reports) checked.rows.push(report);
      checked.sources.push({
        source,
        format: step.value,
        rows: reports.length,
        invalid: reports.filter((report) => !report.valid).length,
      });
    } catch (error) {
      if (error instanceof JsonSyntaxError) {
        checked.sources.push({
          source,
          rows: 0,
          invalid: 0,
          error: { message: `malformed JSON: ${error.message}`, line: error.line, column: error.column },
        });
      } else if (error instanceof InputError) {
        checked.sources.push({ source, rows: 0, invalid: 0, error: { message: error.message } });
      } else {
        throw error;
      }
    }
  }
  return checked;
}

/**
 * Checks rows read from the table (plain values, as lib-dynamodb reads them), in scan order.
 *
 * @param source - how messages name the table, e.g. `table msf-scaler-schedules`
 * @example
 * const checked = validateItems(await scanScheduleTable(client, table), `table ${table}`, { maxKPUPerApplication: 64 });
 */
function validateItems(items: readonly unknown[], source: string, options: ValidateOptions): Checked {
  const rows = items.map((value, position) =>
    checkRow({ value }, position, { source, maxKPUPerApplication: options.maxKPUPerApplication, fromTable: true }),
  );
  return {
    sources: [
      { source, format: InputFormat.TABLE, rows: rows.length, invalid: rows.filter((row) => !row.valid).length },
    ],
    rows,
  };
}

/**
 * The report of a validation, with its totals: valid when no row is invalid and every input
 * was read (and, when `strict`, no row has a warning).
 *
 * @example
 * const report = toReport(await validateFiles(['rows.json'], options, undefined), false);
 */
function toReport(checked: Checked, strict: boolean): ValidationReport {
  const { sources, rows } = checked;
  let invalid = 0;
  let issues = 0;
  let warnings = 0;
  for (const row of rows) {
    if (!row.valid) invalid += 1;
    issues += row.issues.length;
    warnings += row.warnings.length;
  }
  const unreadable = sources.filter((source) => source.error !== undefined).length;
  return {
    valid: invalid === 0 && unreadable === 0 && (!strict || warnings === 0),
    strict,
    counts: {
      sources: sources.length,
      rows: rows.length,
      valid: rows.length - invalid,
      invalid,
      issues,
      warnings,
      unreadable,
    },
    sources,
    rows,
  };
}

export type { Checked, ValidateOptions };
export { sourceName, toReport, validateFiles, validateItems };
