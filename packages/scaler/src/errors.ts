/**
 * Errors of the scaler. Per-row failures become outcome values in the run; only
 * {@link ScheduleTableError} (the run as a whole cannot happen) and {@link ConfigError}
 * (the scaler is misconfigured) escape a run.
 */
class ScalerError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ScalerError';
  }
}

/** The schedule table cannot be read: nothing can be decided. */
class ScheduleTableError extends ScalerError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ScheduleTableError';
  }
}

/** An environment variable or flag is missing or invalid. */
class ConfigError extends ScalerError {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ConfigError';
  }
}

/** AWS error names of throttling, which the SDK reports as client faults. */
const THROTTLING_CODES: ReadonlySet<string> = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'ProvisionedThroughputExceededException',
]);

/** Names of the errors a call that timed out or lost its connection ends with. */
const TIMEOUT_CODES: ReadonlySet<string> = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);

/**
 * Whether a failed SDK call may well succeed if made again later: throttling, a server fault
 * (5xx), a timeout. Such a failure says nothing about the application.
 */
function isTransientFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (THROTTLING_CODES.has(error.name) || TIMEOUT_CODES.has(error.name)) return true;
  const fault = (error as { $fault?: unknown }).$fault;
  const status = (error as { $metadata?: { httpStatusCode?: unknown } }).$metadata?.httpStatusCode;
  return fault === 'server' || (typeof status === 'number' && status >= 500);
}

/** A call to the MSF API failed; `code` is the AWS error name. */
class MsfCallError extends ScalerError {
  public readonly code: string;
  public readonly appName: string;
  /** Throttling, a 5xx or a timeout (see {@link isTransientFailure}) of the call, after its retries. */
  public readonly transient: boolean;

  public constructor(appName: string, code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'MsfCallError';
    this.code = code;
    this.appName = appName;
    this.transient = isTransientFailure(options?.cause);
  }
}

/** MSF has no application of that name in this account and region. */
class ApplicationNotFoundError extends MsfCallError {
  public constructor(appName: string, message: string, options?: ErrorOptions) {
    super(appName, 'ResourceNotFoundException', message, options);
    this.name = 'ApplicationNotFoundError';
  }
}

/** MSF refused the update because the application is busy (ResourceInUseException). */
class ApplicationBusyError extends MsfCallError {
  public constructor(appName: string, message: string, options?: ErrorOptions) {
    super(appName, 'ResourceInUseException', message, options);
    this.name = 'ApplicationBusyError';
  }
}

/** The application changed between DescribeApplication and UpdateApplication. */
class ConcurrentModificationError extends MsfCallError {
  public constructor(appName: string, message: string, options?: ErrorOptions) {
    super(appName, 'ConcurrentModificationException', message, options);
    this.name = 'ConcurrentModificationError';
  }
}

export {
  ApplicationBusyError,
  ApplicationNotFoundError,
  ConcurrentModificationError,
  ConfigError,
  isTransientFailure,
  MsfCallError,
  ScalerError,
  ScheduleTableError,
};
