/** Options of {@link createAdaptiveLimit}. */
interface AdaptiveLimitOptions {
  /** Rows in flight at the start. */
  readonly initial: number;
  /** Rows in flight at most. */
  readonly max: number;
}

/**
 * Additive increase, multiplicative decrease: how many rows a run keeps in flight. One more after
 * each row that met no throttling, half as many (at least 1) when a row met some; rows that
 * started before a decrease cannot cause another one, so one burst of throttling halves the
 * limit once, not once per row in flight.
 */
interface AdaptiveLimit {
  readonly current: number;
  /** A token to hand back with the row's result: which decrease the row started after. */
  begin(): number;
  /** A row ended; `throttled` when the service throttled while it ran. */
  end(token: number, throttled: boolean): void;
}

/**
 * @example
 * const limit = createAdaptiveLimit({ initial: 8, max: 32 });
 * limit.end(limit.begin(), true); // limit.current === 4
 */
function createAdaptiveLimit(options: AdaptiveLimitOptions): AdaptiveLimit {
  const max = Math.max(1, options.max);
  let current = Math.min(max, Math.max(1, options.initial));
  let decreases = 0;
  return {
    get current() {
      return current;
    },
    begin: () => decreases,
    end(token: number, throttled: boolean): void {
      if (!throttled) {
        current = Math.min(max, current + 1);
      } else if (token === decreases) {
        current = Math.max(1, Math.floor(current / 2));
        decreases += 1;
      }
    },
  };
}

/** What {@link mapAdaptive} returns. */
interface AdaptiveResult<R> {
  /** In input order. */
  readonly results: R[];
  /** Most calls that were in flight at once. */
  readonly peakInFlight: number;
}

/**
 * Maps `items` through `fn` keeping at most `limit.current` calls in flight, a limit that may
 * change while the items run; results in input order. `fn` must not reject.
 *
 * @example
 * await mapAdaptive([1, 2, 3], createAdaptiveLimit({ initial: 1, max: 2 }), async (n) => ({ value: n, throttled: false }));
 */
async function mapAdaptive<T, R>(
  items: readonly T[],
  limit: AdaptiveLimit,
  fn: (item: T, index: number) => Promise<{ readonly value: R; readonly throttled: boolean }>,
): Promise<AdaptiveResult<R>> {
  const results = new Array<R>(items.length);
  let next = 0;
  let inFlight = 0;
  let peakInFlight = 0;
  return new Promise((resolve) => {
    function launch(): void {
      if (next >= items.length && inFlight === 0) {
        resolve({ results, peakInFlight });
        return;
      }
      while (next < items.length && inFlight < limit.current) {
        const index = next;
        next += 1;
        inFlight += 1;
        peakInFlight = Math.max(peakInFlight, inFlight);
        const token = limit.begin();
        void fn(items[index] as T, index).then(({ value, throttled }) => {
          results[index] = value;
          inFlight -= 1;
          limit.end(token, throttled);
          launch();
        });
      }
    }
    launch();
  });
}

export type { AdaptiveLimit, AdaptiveLimitOptions, AdaptiveResult };
export { createAdaptiveLimit, mapAdaptive };
