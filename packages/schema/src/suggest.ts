/**
 * Levenshtein edit distance between two strings (insertions, deletions and
 * substitutions each cost 1). Compares code units, exactly as given.
 *
 * @example
 * ```ts
 * levenshtein('kitten', 'sitting'); // 3
 * ```
 */
function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Two rolling rows instead of the full matrix: names here are short, but zone
  // suggestions compare against ~400 candidates.
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Did-you-mean: the candidate closest to `input`, or `undefined` when none is close.
 * A case-insensitive exact match wins; otherwise the candidate with the smallest
 * case-insensitive edit distance, if that distance is at most `maxDistance` (ties go
 * to the earlier candidate).
 *
 * @param maxDistance - largest edit distance still worth suggesting
 * @default maxDistance 3
 * @example
 * ```ts
 * suggest('scaleupHour', ROW_ATTRIBUTES); // 'scaleUpHour'
 * suggest('owner', ROW_ATTRIBUTES);       // undefined
 * ```
 */
function suggest(input: string, candidates: readonly string[], maxDistance = 3): string | undefined {
  const needle = input.toLowerCase();
  const exact = candidates.find((candidate) => candidate.toLowerCase() === needle);
  if (exact !== undefined) return exact;
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (const candidate of candidates) {
    // The length difference is a lower bound of the distance: skip hopeless candidates cheaply.
    if (Math.abs(candidate.length - needle.length) >= bestDistance) continue;
    const distance = levenshtein(needle, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

export { levenshtein, suggest };
