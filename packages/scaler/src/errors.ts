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

/** A call to the MSF API failed; `code` is the AWS error name. */
class MsfCallError extends ScalerError {
  public readonly code: string;
  public readonly appName: string;

  public constructor(appName: string, code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'MsfCallError';
    this.code = code;
    this.appName = appName;
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
  MsfCallError,
  ScalerError,
  ScheduleTableError,
};
