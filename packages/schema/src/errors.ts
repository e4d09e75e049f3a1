import type { RowIssue } from './parseRow';

/**
 * Thrown by helpers that need a valid row to do anything (such as
 * {@link toDynamoDbItemJson}). Row-by-row validation in the scaler does not throw:
 * it uses {@link parseRow} outcomes.
 *
 * @example
 * ```ts
 * try { toDynamoDbItemJson(input); } catch (error) {
 *   if (error instanceof InvalidRowError) for (const issue of error.issues) console.error(issue.message);
 * }
 * ```
 */
class InvalidRowError extends Error {
  /** Every issue found in the row. */
  readonly issues: readonly RowIssue[];

  constructor(issues: readonly RowIssue[], options?: ErrorOptions) {
    const count = issues.length === 1 ? '1 issue' : `${issues.length} issues`;
    super(`The row is invalid (${count}):\n${issues.map((issue) => `- ${issue.message}`).join('\n')}`, options);
    this.name = 'InvalidRowError';
    this.issues = issues;
  }
}

export { InvalidRowError };
