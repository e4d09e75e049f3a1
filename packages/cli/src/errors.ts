/**
 * An input of `validate` cannot be read as rows: missing, a directory, too large, not text, or
 * empty. The message names the input and says how to fix it.
 */
class InputError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'InputError';
  }
}

/** The text is not JSON; `line` and `column` (1-based) point at the first character that is wrong. */
class JsonSyntaxError extends Error {
  public readonly line: number;
  public readonly column: number;

  public constructor(message: string, line: number, column: number, options?: ErrorOptions) {
    super(message, options);
    this.name = 'JsonSyntaxError';
    this.line = line;
    this.column = column;
  }
}

export { InputError, JsonSyntaxError };
