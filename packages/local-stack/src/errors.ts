/**
 * The local stack could not start: a port is taken, a server failed, or the schedule table
 * never became ACTIVE. Whatever had started is closed before this is thrown.
 *
 * @example
 * try { await startLocalStack({ ddbPort: 8000 }); } catch (error) {
 *   if (error instanceof LocalStackError) console.error(error.message);
 * }
 */
class LocalStackError extends Error {
  public override readonly name: string = 'LocalStackError';

  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/**
 * A port is already in use (or not allowed). Names the port and the option to change.
 */
class PortInUseError extends LocalStackError {
  public override readonly name: string = 'PortInUseError';
  public readonly port: number;

  public constructor(port: number, message: string, options?: ErrorOptions) {
    super(message, options);
    this.port = port;
  }
}

/** The examples file is missing, not JSON, or not of the documented shape. */
class ExamplesFileError extends Error {
  public override readonly name = 'ExamplesFileError';
  public readonly file: string;

  public constructor(file: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.file = file;
  }
}

export { ExamplesFileError, LocalStackError, PortInUseError };
