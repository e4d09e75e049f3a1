import { paint, Style } from '@msf-scaler/commons';
import { escapeControl, truncateTo } from '@msf-scaler/scaler';
import { CliLimits } from '../constants';
import type { RowReport, ValidationReport } from '../validate/types';

/** Options of {@link renderValidationLines}. */
interface ValidationRenderOptions {
  readonly colour: boolean;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** `rows.json:12:5`, `rows.json`, `table msf-scaler-schedules`: where a finding is, as compilers write it. */
function place(source: string, line?: number, column?: number): string {
  if (line === undefined) return source;
  return column === undefined ? `${source}:${line}` : `${source}:${line}:${column}`;
}

/** One finding as a terminal may show it: control characters escaped, cut at 2,000 characters. */
function finding(where: string, severity: 'error' | 'warning', message: string, colour: boolean): string {
  const label = paint(severity, severity === 'error' ? Style.RED : Style.YELLOW, colour);
  return truncateTo(`${escapeControl(where)}: ${label}: ${escapeControl(message)}`, CliLimits.MAX_REPORT_LINE);
}

function* rowLines(row: RowReport, colour: boolean): Generator<string> {
  for (const issue of row.issues) {
    yield finding(place(row.source, issue.line, issue.column), 'error', issue.message, colour);
  }
  for (const warning of row.warnings) {
    yield finding(place(row.source, warning.line, warning.column), 'warning', warning.message, colour);
  }
}

/** `invalid: 3 rows in 1 input: 2 valid, 1 invalid (2 issues), 1 warning` */
function renderVerdict(report: ValidationReport): string {
  const { counts } = report;
  const parts = [
    `${counts.valid} valid`,
    `${counts.invalid} invalid${counts.issues > 0 ? ` (${plural(counts.issues, 'issue')})` : ''}`,
    plural(counts.warnings, 'warning'),
  ];
  if (counts.unreadable > 0) parts.push(`${plural(counts.unreadable, 'input')} not read`);
  const strict = report.strict && counts.warnings > 0 ? '; --strict: warnings fail' : '';
  return `${report.valid ? 'valid' : 'invalid'}: ${plural(counts.rows, 'row')} in ${plural(counts.sources, 'input')}: ${parts.join(', ')}${strict}`;
}

/**
 * The report as lines a person (or a CI log's problem matcher) reads: one line per issue and
 * per warning, `file:line:column: error: message` (the message names the row, the attribute,
 * the value and the rule), one per input that could not be read, then the verdict. Valid rows
 * without warnings print nothing. Every line has its control characters escaped.
 *
 * @example
 * for (const line of renderValidationLines(report, { colour: false })) console.log(line);
 * // rows.json:4:5: error: row "orders": highKPU 2 is below lowKPU 4; highKPU must be >= lowKPU
 * // invalid: 2 rows in 1 input: 1 valid, 1 invalid (1 issue), 0 warnings
 */
function* renderValidationLines(report: ValidationReport, options: ValidationRenderOptions): Generator<string> {
  let next = 0;
  for (const source of report.sources) {
    if (source.error !== undefined) {
      yield finding(
        place(source.source, source.error.line, source.error.column),
        'error',
        source.error.message,
        options.colour,
      );
    }
    // Rows are in input order, `source.rows` of them per input.
    for (const row of report.rows.slice(next, next + source.rows)) yield* rowLines(row, options.colour);
    next += source.rows;
  }
  yield renderVerdict(report);
}

export type { ValidationRenderOptions };
export { renderValidationLines, renderVerdict };
