import fc from 'fast-check';
import { createAdaptiveLimit, mapAdaptive } from '../../src/run/adaptiveConcurrency';

describe('Function: createAdaptiveLimit', () => {
  it('adds one per row without throttling, up to the maximum', () => {
    // Prepare
    const limit = createAdaptiveLimit({ initial: 8, max: 10 });

    // Act
    for (let row = 0; row < 5; row += 1) limit.end(limit.begin(), false);

    // Assess
    expect(limit.current).toBe(10);
  });

  it('halves once per burst: rows started before a decrease do not decrease it again', () => {
    // Prepare
    const limit = createAdaptiveLimit({ initial: 16, max: 32 });
    const inFlight = Array.from({ length: 16 }, () => limit.begin());

    // Act
    for (const token of inFlight) limit.end(token, true);
    const afterBurst = limit.current;
    limit.end(limit.begin(), true);

    // Assess
    expect(afterBurst).toBe(8);
    expect(limit.current).toBe(4);
  });

  it('never goes below 1 nor above the maximum', () => {
    // Assess
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), fc.array(fc.boolean(), { maxLength: 300 }), (max, throttles) => {
        const limit = createAdaptiveLimit({ initial: 8, max });
        for (const throttled of throttles) {
          limit.end(limit.begin(), throttled);
          expect(limit.current).toBeGreaterThanOrEqual(1);
          expect(limit.current).toBeLessThanOrEqual(max);
        }
      }),
    );
  });
});

describe('Function: mapAdaptive', () => {
  it('keeps results in input order and never has more in flight than the limit allows', async () => {
    // Prepare
    const limit = createAdaptiveLimit({ initial: 2, max: 6 });
    let inFlight = 0;
    let worst = 0;

    // Act
    const { results, peakInFlight } = await mapAdaptive(
      Array.from({ length: 50 }, (_, index) => index),
      limit,
      async (n) => {
        inFlight += 1;
        worst = Math.max(worst, inFlight - limit.current);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight -= 1;
        return { value: n * 2, throttled: n % 10 === 9 };
      },
    );

    // Assess
    expect(results).toEqual(Array.from({ length: 50 }, (_, index) => index * 2));
    expect(worst).toBeLessThanOrEqual(0);
    expect(peakInFlight).toBeGreaterThan(2);
    expect(peakInFlight).toBeLessThanOrEqual(6);
  });

  it('resolves at once for no items', async () => {
    // Act & Assess
    await expect(
      mapAdaptive([], createAdaptiveLimit({ initial: 1, max: 1 }), async () => ({ value: 1, throttled: false })),
    ).resolves.toEqual({ results: [], peakInFlight: 0 });
  });
});
