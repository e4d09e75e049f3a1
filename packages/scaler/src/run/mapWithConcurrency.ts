/**
 * Maps `items` through `fn` with at most `limit` calls in flight, keeping input order in the
 * result. `fn` must not reject (the run turns every failure into an outcome first).
 *
 * @example
 * await mapWithConcurrency([1, 2, 3], 2, async (n) => n * 2); // [2, 4, 6]
 */
async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await fn(items[index] as T, index);
    }
  }
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  await Promise.all(workers);
  return results;
}

export { mapWithConcurrency };
