/**
 * The order a run visits the rows in: scan order in even hours, reversed in odd hours (hours
 * counted from the epoch, UTC). Stateless, and fair under a deadline: the rows one run could not
 * reach are at the end of its order, so they are the first ones the next hourly run visits.
 *
 * @returns the positions (0-based scan order) in visiting order
 * @example
 * runOrder(3, new Date('2026-11-27T10:00:00Z')); // [0, 1, 2]
 * runOrder(3, new Date('2026-11-27T11:00:00Z')); // [2, 1, 0]
 */
function runOrder(count: number, instant: Date): number[] {
  const positions = Array.from({ length: count }, (_, index) => index);
  const hour = Math.floor(instant.getTime() / 3_600_000);
  return hour % 2 === 0 ? positions : positions.reverse();
}

export { runOrder };
