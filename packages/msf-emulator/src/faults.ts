import { ErrorCode, ServiceError } from './errors';
import type { UpdateFailure } from './store';
import type { ModelOperation } from './types';

/** `ErrorInfo.ErrorString` of an injected update failure when `FailUpdateOptions.errorString` is not given. */
const DEFAULT_UPDATE_ERROR =
  'The application failed to start with the updated configuration (failure injected by the MSF emulator)';

/** Limits of the model's `ErrorString`. */
const ERROR_STRING_LENGTH = { min: 1, max: 512 } as const;

/**
 * How `failNextUpdate` fails an application's UpdateApplication operations. The call itself
 * is accepted (HTTP 200 with an OperationId); the operation ends FAILED when its transition
 * completes, followed by a system rollback when the application has rollback enabled.
 *
 * @example
 * emulator.failNextUpdate('orders', { errorString: 'Parallelism 64 exceeds maxParallelism 32', always: true });
 */
interface FailUpdateOptions {
  /**
   * `OperationFailureDetails.ErrorInfo.ErrorString` of the failed operation, 1 to 512
   * characters as in the model. @default DEFAULT_UPDATE_ERROR
   */
  readonly errorString?: string;
  /**
   * Fail every UpdateApplication of the application until `clearUpdateFailures`, not only the
   * next one. @default false
   */
  readonly always?: boolean;
}

/**
 * Faults the emulator injects into calls, to test retries and error handling.
 *
 * @example
 * emulator.setFaults({ throttleRate: 1, operations: ['UpdateApplication'] });
 */
interface FaultOptions {
  /** Milliseconds added to every call before it is handled. @default 0 */
  readonly latencyMs?: number;
  /** Probability (0..1) of HTTP 400 `ThrottlingException` 'Rate exceeded', which SDKs retry. @default 0 */
  readonly throttleRate?: number;
  /** Probability (0..1) of HTTP 500 `ServiceUnavailableException`, which SDKs retry. @default 0 */
  readonly serverErrorRate?: number;
  /**
   * Probability (0..1) that an UpdateApplication fails with `ConcurrentModificationException`,
   * as when another client changed the application just before (its version is left as it is,
   * so a fresh describe and a second update succeed). @default 0
   */
  readonly conflictRate?: number;
  /**
   * Application names the faults apply to (the request's `ApplicationName`); calls that name no
   * application, or another one, get none. @default every call
   */
  readonly applications?: readonly string[];
  /**
   * Applications that are down: every call naming one gets HTTP 500
   * `ServiceUnavailableException`, on top of the rates above for the others. @default none
   */
  readonly unavailableApplications?: readonly string[];
  /**
   * Random source, called once per call for each fault kind whose rate is above 0, throttling
   * first; a value below the rate injects the fault. @default Math.random
   */
  readonly random?: () => number;
  /** Operation names (e.g. 'UpdateApplication') the faults apply to. @default all operations */
  readonly operations?: readonly string[];
}

/**
 * The fault settings of a running emulator, applied to each call before its operation is
 * looked up.
 *
 * @example
 * const faults = createFaultInjector({ latencyMs: 50 });
 * await faults.inject('ListApplications'); // resolves after 50 ms
 */
interface FaultInjector {
  /** Replaces the fault settings for the calls that follow. Throws a RangeError for a bad setting. */
  set(faults: FaultOptions): void;
  /**
   * Waits `latencyMs`, then throws ThrottlingException, ServiceUnavailableException or (for
   * UpdateApplication) ConcurrentModificationException when the random draw is below its rate;
   * does nothing for an operation outside `operations` or an application outside
   * `applications`. A call keeps the settings it started with, even if `set` replaces them
   * during its latency.
   */
  inject(operation: ModelOperation, applicationName?: string): Promise<void>;
  /** Clears the latency timers; the calls waiting on them never resume. Idempotent. */
  close(): void;
}

/** A copy of `faults`; throws a RangeError for a rate outside 0..1 or a bad latency. */
function checkFaults(faults: FaultOptions): FaultOptions {
  for (const key of ['throttleRate', 'serverErrorRate', 'conflictRate'] as const) {
    const rate = faults[key];
    if (rate !== undefined && !(rate >= 0 && rate <= 1)) {
      throw new RangeError(`faults.${key} is ${rate}; use a probability from 0 to 1`);
    }
  }
  if (faults.latencyMs !== undefined && !(faults.latencyMs >= 0 && Number.isFinite(faults.latencyMs))) {
    throw new RangeError(`faults.latencyMs is ${faults.latencyMs}; use a finite number of milliseconds >= 0`);
  }
  return { ...faults };
}

/** The update failure `options` describe; throws a RangeError for an ErrorString the model refuses. */
function checkFailUpdate(options: FailUpdateOptions): UpdateFailure {
  const errorString = options.errorString ?? DEFAULT_UPDATE_ERROR;
  if (errorString.length < ERROR_STRING_LENGTH.min || errorString.length > ERROR_STRING_LENGTH.max) {
    throw new RangeError(
      `failNextUpdate: errorString has ${errorString.length} characters; ` +
        `use ${ERROR_STRING_LENGTH.min} to ${ERROR_STRING_LENGTH.max}, as the model's ErrorString`,
    );
  }
  return { errorString, always: options.always ?? false };
}

/**
 * A fault injector starting with `initial` (checked as `set` checks it).
 *
 * @example
 * const faults = createFaultInjector({ throttleRate: 0.1 });
 */
function createFaultInjector(initial: FaultOptions): FaultInjector {
  let faults = checkFaults(initial);
  const sleeps = new Set<NodeJS.Timeout>();

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        sleeps.delete(timer);
        resolve();
      }, ms);
      timer.unref();
      sleeps.add(timer);
    });
  }

  return {
    set(next: FaultOptions): void {
      faults = checkFaults(next);
    },
    async inject(operation: ModelOperation, applicationName?: string): Promise<void> {
      const current = faults;
      if (current.operations !== undefined && !current.operations.includes(operation)) {
        return;
      }
      if (
        current.applications !== undefined &&
        (applicationName === undefined || !current.applications.includes(applicationName))
      ) {
        return;
      }
      if (current.latencyMs !== undefined && current.latencyMs > 0) {
        await sleep(current.latencyMs);
      }
      if (applicationName !== undefined && current.unavailableApplications?.includes(applicationName)) {
        throw new ServiceError(ErrorCode.ServiceUnavailableException, 'Service Unavailable');
      }
      const random = current.random ?? Math.random;
      const throttleRate = current.throttleRate ?? 0;
      if (throttleRate > 0 && random() < throttleRate) {
        throw new ServiceError(ErrorCode.ThrottlingException, 'Rate exceeded');
      }
      const serverErrorRate = current.serverErrorRate ?? 0;
      if (serverErrorRate > 0 && random() < serverErrorRate) {
        throw new ServiceError(ErrorCode.ServiceUnavailableException, 'Service Unavailable');
      }
      const conflictRate = current.conflictRate ?? 0;
      if (operation === 'UpdateApplication' && conflictRate > 0 && random() < conflictRate) {
        throw new ServiceError(
          ErrorCode.ConcurrentModificationException,
          'Exception thrown as a result of concurrent modifications to an application. Describe the application again and retry with the current version.',
        );
      }
    },
    close(): void {
      for (const timer of sleeps) {
        clearTimeout(timer);
      }
      sleeps.clear();
    },
  };
}

export type { FailUpdateOptions, FaultInjector, FaultOptions };
export { checkFailUpdate, createFaultInjector, DEFAULT_UPDATE_ERROR };
