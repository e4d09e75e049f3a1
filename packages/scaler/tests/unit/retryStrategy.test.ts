import type { RetryErrorInfo } from '@smithy/types';
import { createRetryStrategy } from '../../src/adapters/retryStrategy';

function info(errorType: RetryErrorInfo['errorType'], retryAfterHint?: Date): RetryErrorInfo {
  return { errorType, ...(retryAfterHint === undefined ? {} : { retryAfterHint }) };
}

describe('Function: createRetryStrategy', () => {
  it.each(['THROTTLING', 'TRANSIENT', 'SERVER_ERROR'] as const)(
    'retries %s up to maxAttempts, then gives up',
    async (type) => {
      // Prepare
      const strategy = createRetryStrategy({ maxAttempts: 3, random: () => 0 });
      let token = await strategy.acquireInitialRetryToken('');

      // Act
      token = await strategy.refreshRetryTokenForRetry(token, info(type));
      token = await strategy.refreshRetryTokenForRetry(token, info(type));
      const third = strategy.refreshRetryTokenForRetry(token, info(type));

      // Assess
      expect(token.getRetryCount()).toBe(2);
      await expect(third).rejects.toThrow();
    },
  );

  it('never retries a client error', async () => {
    // Prepare
    const strategy = createRetryStrategy({ maxAttempts: 5 });

    // Act & Assess
    await expect(
      strategy.refreshRetryTokenForRetry(await strategy.acquireInitialRetryToken(''), info('CLIENT_ERROR')),
    ).rejects.toThrow();
  });

  it('has no shared quota: the 1,000th call of a storm still gets all its retries', async () => {
    // Prepare
    const strategy = createRetryStrategy({ maxAttempts: 5, random: () => 0 });
    let retries = 0;

    // Act
    for (let call = 0; call < 1_000; call += 1) {
      let token = await strategy.acquireInitialRetryToken('');
      for (let attempt = 1; attempt < 5; attempt += 1) {
        token = await strategy.refreshRetryTokenForRetry(token, info('THROTTLING'));
        retries += 1;
      }
    }

    // Assess
    expect(retries).toBe(4_000);
  });

  it('counts throttling responses and backs off longer after them, with full jitter under a cap', async () => {
    // Prepare
    let throttles = 0;
    const strategy = createRetryStrategy({ maxAttempts: 10, random: () => 0.999, onThrottle: () => (throttles += 1) });
    const first = await strategy.acquireInitialRetryToken('');

    // Act
    const afterThrottle = await strategy.refreshRetryTokenForRetry(first, info('THROTTLING'));
    const afterServerError = await strategy.refreshRetryTokenForRetry(first, info('SERVER_ERROR'));
    let late = first;
    for (let retry = 0; retry < 9; retry += 1)
      late = await strategy.refreshRetryTokenForRetry(late, info('THROTTLING'));

    // Assess
    expect(throttles).toBe(10);
    expect(afterThrottle.getRetryDelay()).toBe(499);
    expect(afterServerError.getRetryDelay()).toBe(99);
    expect(late.getRetryDelay()).toBeLessThanOrEqual(20_000);
  });

  it('waits at least as long as a Retry-After hint asks, up to the cap', async () => {
    // Prepare
    const strategy = createRetryStrategy({ maxAttempts: 5, random: () => 0 });
    const hint = new Date(Date.now() + 60_000);

    // Act
    const token = await strategy.refreshRetryTokenForRetry(
      await strategy.acquireInitialRetryToken(''),
      info('THROTTLING', hint),
    );

    // Assess
    expect(token.getRetryDelay()).toBe(20_000);
  });
});
