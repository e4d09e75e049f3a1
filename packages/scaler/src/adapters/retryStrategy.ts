import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types';

/** Counts the throttling responses the clients met; the run reads it to slow down. */
interface ThrottleCounter {
  /** Throttling responses seen so far by every client sharing this counter. */
  readonly count: number;
}

/** Options of {@link createRetryStrategy}. */
interface RetryStrategyOptions {
  /** Attempts per call, the first included. */
  readonly maxAttempts: number;
  /** Called once per throttling response, before its retry is scheduled. */
  readonly onThrottle?: () => void;
  /** Random source of the backoff's jitter. @default Math.random */
  readonly random?: () => number;
}

/** First backoff of a retry after a throttling response, and after any other retryable error. */
const THROTTLING_BASE_MS = 500;
const BASE_MS = 100;
/** Longest backoff before one retry. */
const MAX_BACKOFF_MS = 20_000;

function tokenOf(retryCount: number, delayMs: number): RetryToken {
  return { getRetryCount: () => retryCount, getRetryDelay: () => delayMs };
}

/**
 * The scaler's retry strategy: every call gets its `maxAttempts` for throttling, 5xx and
 * timeouts, with capped exponential backoff and full jitter (longer after throttling, and never
 * shorter than a `Retry-After` hint). Unlike the SDK's standard strategy it has no retry quota
 * shared by the client's calls: under a throttle storm that quota runs dry within one run, and
 * healthy applications then fail on their first throttle. Retry storms are kept in check by the
 * run instead, which halves its concurrency on throttling ({@link ThrottleCounter}).
 *
 * @example
 * new KinesisAnalyticsV2Client({ retryStrategy: createRetryStrategy({ maxAttempts: 5 }) });
 */
function createRetryStrategy(options: RetryStrategyOptions): RetryStrategyV2 {
  const random = options.random ?? Math.random;
  return {
    async acquireInitialRetryToken(): Promise<RetryToken> {
      return tokenOf(0, 0);
    },
    async refreshRetryTokenForRetry(token: RetryToken, errorInfo: RetryErrorInfo): Promise<RetryToken> {
      const retries = token.getRetryCount();
      if (errorInfo.errorType === 'CLIENT_ERROR' || retries + 1 >= options.maxAttempts) {
        // The middleware rethrows the call's own error when no token is given.
        throw new Error('no retry for this error');
      }
      const throttled = errorInfo.errorType === 'THROTTLING';
      if (throttled) options.onThrottle?.();
      const ceiling = Math.min(MAX_BACKOFF_MS, (throttled ? THROTTLING_BASE_MS : BASE_MS) * 2 ** retries);
      const hint = errorInfo.retryAfterHint === undefined ? 0 : errorInfo.retryAfterHint.getTime() - Date.now();
      const delay = Math.min(MAX_BACKOFF_MS, Math.max(Math.floor(random() * ceiling), hint));
      return tokenOf(retries + 1, delay);
    },
    recordSuccess(): void {},
  };
}

export type { RetryStrategyOptions, ThrottleCounter };
export { createRetryStrategy };
