import { setFlagsFromString } from 'node:v8';

/**
 * Asks V8 to collect garbage early rather than let the heap grow. A run is a burst of
 * short-lived garbage (one SDK request and response per call, one log line per row): with V8's
 * defaults the heap grows to 3-4 times what is live before a full collection, which for 10,000
 * rows put the handler above 240 MB of RSS; with this flag it stays near 120 MB, for about a
 * third more CPU time. Node does not accept the flag in NODE_OPTIONS, so the entry points (the
 * Lambda handler, the CLI) set it when they load, before the run allocates anything.
 * `pnpm bench:memory` measures both.
 *
 * @example
 * preferSmallHeap(); // first statement of an entry point
 */
function preferSmallHeap(): void {
  setFlagsFromString('--optimize-for-size');
}

export { preferSmallHeap };
