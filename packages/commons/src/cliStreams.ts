/** A stream a CLI writes to. */
interface OutputStream {
  write(text: string): unknown;
  /** Set by Node on a terminal; absent or false when piped. */
  readonly isTTY?: boolean;
  /** A terminal's width in characters, when it is one. */
  readonly columns?: number;
}

/**
 * The I/O every command line is given instead of reaching for `process`: tests run the CLIs
 * in-process with strings for streams and a plain object for the environment.
 */
interface CliStreams {
  /** Data: tables, JSON, export lines. */
  readonly stdout: OutputStream;
  /** Messages: progress, warnings, errors, usage. */
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export type { CliStreams, OutputStream };
