/** Limits of the CLI's inputs. */
const CliLimits = {
  /**
   * Largest input `validate` reads, per file or standard input: 64 MiB holds more than 100,000
   * rows (a schedule row is a few hundred bytes), and a larger file is far more likely a mistake
   * (a log, a dump) than a schedule; it is refused before it is read whole.
   */
  MAX_INPUT_BYTES: 64 * 1024 * 1024,
  /**
   * Deepest nesting `validate` parses. DynamoDB itself stores at most 32 levels; the bound keeps
   * a hostile `[[[[…` from exhausting the stack.
   */
  MAX_JSON_DEPTH: 64,
  /** Longest line of `validate`'s text report (values inside messages are already cut at 80 characters). */
  MAX_REPORT_LINE: 2_000,
} as const;

export { CliLimits };
