import type { ServerResponse } from 'node:http';

/**
 * Error names the emulator returns in `__type`: every exception of the API model, plus the
 * generic AWS errors that are not in the model (throttling, validation, serialization, routing).
 */
const ErrorCode = {
  // Modelled exceptions (kinesisanalyticsv2-2018-05-23.service-2.json).
  CodeValidationException: 'CodeValidationException',
  ConcurrentModificationException: 'ConcurrentModificationException',
  InvalidApplicationConfigurationException: 'InvalidApplicationConfigurationException',
  InvalidArgumentException: 'InvalidArgumentException',
  InvalidRequestException: 'InvalidRequestException',
  LimitExceededException: 'LimitExceededException',
  ResourceInUseException: 'ResourceInUseException',
  ResourceNotFoundException: 'ResourceNotFoundException',
  ResourceProvisionedThroughputExceededException: 'ResourceProvisionedThroughputExceededException',
  ServiceUnavailableException: 'ServiceUnavailableException',
  TooManyTagsException: 'TooManyTagsException',
  UnableToDetectSchemaException: 'UnableToDetectSchemaException',
  UnsupportedOperationException: 'UnsupportedOperationException',
  // Generic AWS errors, not in the model.
  ThrottlingException: 'ThrottlingException',
  SerializationException: 'SerializationException',
  UnknownOperationException: 'UnknownOperationException',
  InternalFailure: 'InternalFailure',
} as const;
type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The model marks ServiceUnavailableException as a fault; faults are 5xx, which SDKs retry. */
const SERVER_FAULTS: ReadonlySet<ErrorCode> = new Set([
  ErrorCode.ServiceUnavailableException,
  ErrorCode.InternalFailure,
]);

/**
 * An error the emulator returns to the caller as `{__type: code, message}`.
 *
 * @example
 * throw new ServiceError('ResourceNotFoundException', `Application ${name} not found`);
 */
class ServiceError extends Error {
  public override readonly name = 'ServiceError';
  public readonly code: ErrorCode;
  /** HTTP status: 500 for server faults, 400 for everything else. */
  public readonly statusCode: number;

  public constructor(code: ErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    this.statusCode = SERVER_FAULTS.has(code) ? 500 : 400;
  }
}

/**
 * ResourceInUseException for an application whose status does not allow `action`, worded the
 * same for every operation: `Application <name> is in <status> state and cannot be <action>; <hint>`.
 */
function statusConflict(
  app: { readonly name: string; readonly status: string },
  action: 'started' | 'stopped' | 'updated' | 'deleted',
  hint: string,
): ServiceError {
  return new ServiceError(
    ErrorCode.ResourceInUseException,
    `Application ${app.name} is in ${app.status} state and cannot be ${action}; ${hint}`,
  );
}

/** Content type of every AWS JSON 1.1 response. */
const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

/**
 * Writes `err` as AWS JSON 1.1 does: `{__type, message}` with HTTP 400 (500 for server faults).
 * Any other thrown value is reported as an `InternalFailure` (a bug in the emulator).
 * `statusCode` overrides the status (404 for requests that are not `POST /` JSON).
 */
function writeError(res: ServerResponse, err: unknown, requestId: string, statusCode?: number): void {
  const error =
    err instanceof ServiceError
      ? err
      : new ServiceError(ErrorCode.InternalFailure, `The MSF emulator failed: ${String(err)}`, { cause: err });
  const body = JSON.stringify({ __type: error.code, message: error.message });
  res.writeHead(statusCode ?? error.statusCode, {
    'Content-Type': JSON_CONTENT_TYPE,
    'Content-Length': Buffer.byteLength(body),
    'x-amzn-RequestId': requestId,
    // SDKs read the error name from this header first, then from `__type`.
    'x-amzn-ErrorType': error.code,
  });
  res.end(body);
}

export { ErrorCode, JSON_CONTENT_TYPE, ServiceError, statusConflict, writeError };
