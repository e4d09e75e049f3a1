import type { RowParseResult } from '../../src/index';

/** A minimal valid raw row (only required attributes), with overrides. */
function rawRow(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    appName: 'orders-enricher',
    lowKPU: 2,
    highKPU: 8,
    scaleUpHour: 8,
    scaleDownHour: 20,
    ...overrides,
  };
}

/** A raw row without the given attribute. */
function rawRowWithout(attribute: string): Record<string, unknown> {
  const { [attribute]: _removed, ...rest } = rawRow();
  return rest;
}

/** The issues of a failed parse, or a test failure with the unexpected row. */
function issuesOf(result: RowParseResult) {
  if (result.ok) throw new Error(`expected the row to be refused, got ${JSON.stringify(result.row)}`);
  return result.issues;
}

/** The row of a successful parse, or a test failure listing the issues. */
function rowOf(result: RowParseResult) {
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join('\n'));
  return result.row;
}

export { issuesOf, rawRow, rawRowWithout, rowOf };
