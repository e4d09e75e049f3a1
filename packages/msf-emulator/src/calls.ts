import type { ModelOperation } from './types';

/**
 * The requests an emulator received, counted as `MsfEmulator.callCount` reports them.
 *
 * @example
 * calls.record('ListApplications');
 * calls.count('ListApplications'); // 1
 */
interface CallCounter {
  /**
   * Counts one AWS JSON request (including those that then fail or get an injected fault);
   * `operation` is undefined when X-Amz-Target names no model operation, which counts in the
   * total only.
   */
  record(operation: ModelOperation | undefined): void;
  /** Requests recorded for `operation`, or all of them when omitted. */
  count(operation?: string): number;
  /** The model operations requested at least once, sorted by name. */
  operations(): string[];
}

/** A counter at zero. */
function createCallCounter(): CallCounter {
  const counts = new Map<string, number>();
  let total = 0;
  return {
    record(operation: ModelOperation | undefined): void {
      total += 1;
      if (operation !== undefined) {
        counts.set(operation, (counts.get(operation) ?? 0) + 1);
      }
    },
    count(operation?: string): number {
      return operation === undefined ? total : (counts.get(operation) ?? 0);
    },
    operations(): string[] {
      return [...counts.keys()].sort();
    },
  };
}

export type { CallCounter };
export { createCallCounter };
