import { isCalendarItem, parseCalendarItem, parseRow, ROW_AS_A_WHOLE, rowIdOf } from '@msf-scaler/schema';
import { firstAttributeValue, fromDynamoDbJson, isDynamoDbJson } from './dynamoDbJson';
import type { ObjectInfo, Position } from './jsonText';
import type { SourceRow } from './parseRows';
import { Notation, type RowReport, type ValidationIssue, type ValidationWarning } from './types';
import { isPlainObject } from './values';

/** The rule quoted for a JSON Lines row that is not JSON. */
const JSON_LINE_RULE = 'each row of JSON Lines must be one JSON object';

/** Longest appName quoted in a row's label. */
const MAX_LABEL_NAME = 80;

/** How messages name a row: `row "orders"`, else `row #3` (the same wording as the schema's). */
function labelOf(appName: unknown, position: number): string {
  if (typeof appName !== 'string' || appName === '') return `row #${position + 1}`;
  const quoted = JSON.stringify(appName);
  return quoted.length > MAX_LABEL_NAME
    ? `row ${quoted.slice(0, MAX_LABEL_NAME - 1)}… (${quoted.length} characters)`
    : `row ${quoted}`;
}

function at(position: Position | undefined): { readonly line?: number; readonly column?: number } {
  return position === undefined ? {} : { line: position.line, column: position.column };
}

function placeOf(attribute: string, row: SourceRow): Position | undefined {
  return row.info?.keys.get(attribute) ?? row.position;
}

function duplicateWarnings(info: ObjectInfo | undefined, label: string): ValidationWarning[] {
  return (info?.duplicates ?? []).map(({ key, first, again }) => ({
    attribute: key,
    message: `${label}: attribute ${JSON.stringify(key)} is written twice (at ${first.line}:${first.column} and ${again.line}:${again.column}); the last value is used`,
    ...at(again),
  }));
}

function byPlace(a: { readonly line?: number; readonly column?: number }, b: typeof a): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

/** Options of {@link checkRow}. */
interface CheckRowOptions {
  /** The input, as messages name it. */
  readonly source: string;
  /** Most KPU a row may ask for. */
  readonly maxKPUPerApplication: number;
  /**
   * The appNames of the input's rows checked so far, with where each is (`line 3`): a repeated
   * one gets a warning, since the table holds one row per appName. Filled in as rows are checked.
   */
  readonly seen?: Map<string, string>;
  /** The row was read from the table (plain values already): it is not looked at as DynamoDB JSON. */
  readonly fromTable?: boolean;
  /** Keep a valid row's item (plain values) in its report, for commands that go on to use it. @default false */
  readonly keepItem?: boolean;
}

function repeatWarning(
  item: unknown,
  row: SourceRow,
  position: number,
  options: CheckRowOptions,
): ValidationWarning | undefined {
  const appName = isPlainObject(item) ? item.appName : undefined;
  if (options.seen === undefined || typeof appName !== 'string' || appName === '') return undefined;
  const here = row.position === undefined ? `row ${position + 1}` : `line ${row.position.line}`;
  const first = options.seen.get(appName);
  if (first === undefined) {
    options.seen.set(appName, here);
    return undefined;
  }
  return {
    attribute: 'appName',
    message: `${labelOf(appName, position)}: the same appName is also at ${first}; the table holds one row per appName, so writing both keeps only the last`,
    ...at(placeOf('appName', row)),
  };
}

/**
 * Checks one row from an input with the scaler's own rules (`parseRow`), after reading it from
 * plain JSON or DynamoDB JSON. Every issue and warning says where it is (line and column of
 * the attribute, else of the row).
 *
 * @param position - 0-based position of the row in its input
 * @example
 * checkRow({ value: { appName: 'a', lowKPU: 4, highKPU: 2, scaleUpHour: 8, scaleDownHour: 20 } }, 0, { source: 'rows.json', maxKPUPerApplication: 64 }).valid; // false
 */
function checkRow(row: SourceRow, position: number, options: CheckRowOptions): RowReport {
  const base = { source: options.source, row: position + 1, ...at(row.position) };
  if (row.syntaxError !== undefined) {
    const { line, column, message } = row.syntaxError;
    const label = `row #${position + 1}`;
    return {
      ...base,
      rowId: label,
      valid: false,
      issues: [
        {
          attribute: ROW_AS_A_WHOLE,
          rule: JSON_LINE_RULE,
          message: `${label}: malformed JSON at line ${line}, column ${column}: ${message}; ${JSON_LINE_RULE}`,
          line,
          column,
        },
      ],
      warnings: [],
    };
  }
  const value = row.value;
  let item: unknown = value;
  let notation: Notation = Notation.PLAIN;
  const issues: ValidationIssue[] = [];
  const warnings: ValidationWarning[] = [];
  if (isPlainObject(value) && options.fromTable !== true) {
    const dynamoDb = isDynamoDbJson(value);
    const appName = dynamoDb && isPlainObject(value.appName) ? value.appName.S : value.appName;
    const label = labelOf(appName, position);
    if (dynamoDb) {
      notation = Notation.DYNAMODB;
      const converted = fromDynamoDbJson(value, label);
      item = converted.item;
      for (const problem of converted.problems) issues.push({ ...problem, ...at(placeOf(problem.attribute, row)) });
    } else {
      const mixed = firstAttributeValue(value);
      if (mixed !== undefined) {
        warnings.push({
          attribute: mixed,
          message: `${label}: ${mixed} is written in DynamoDB JSON but the row's appName is plain JSON; write every attribute of a row the same way`,
          ...at(placeOf(mixed, row)),
        });
      }
    }
    warnings.push(...duplicateWarnings(row.info, label));
  }
  // A calendar item (`calendar:<name>`) shares the table with the rows and has rules of its own.
  const parsed = isCalendarItem(item)
    ? parseCalendarItem(item, position)
    : parseRow(item, position, { maxKPUPerApplication: options.maxKPUPerApplication });
  if (!parsed.ok) {
    // An attribute already refused as DynamoDB JSON is not blamed twice.
    for (const issue of parsed.issues) {
      if (issues.some((known) => known.attribute === issue.attribute)) continue;
      issues.push({
        attribute: issue.attribute,
        ...(issue.value === undefined ? {} : { value: issue.value }),
        rule: issue.rule,
        message: issue.message,
        ...at(placeOf(issue.attribute, row)),
      });
    }
  }
  for (const warning of parsed.warnings) {
    warnings.push({
      attribute: warning.attribute,
      message: warning.message,
      ...(warning.suggestion === undefined ? {} : { suggestion: warning.suggestion }),
      ...at(placeOf(warning.attribute, row)),
    });
  }
  // Top to bottom, as the row is written (the sort is stable: the schema's order within a place).
  issues.sort(byPlace);
  const repeated = repeatWarning(item, row, position, options);
  if (repeated !== undefined) warnings.push(repeated);
  warnings.sort(byPlace);
  return {
    ...base,
    rowId: rowIdOf(item, position),
    ...(isPlainObject(value) && options.fromTable !== true ? { notation } : {}),
    valid: issues.length === 0,
    issues,
    warnings,
    ...(options.keepItem === true && issues.length === 0 ? { item } : {}),
  };
}

export type { CheckRowOptions };
export { checkRow };
