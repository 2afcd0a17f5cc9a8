// Bounded edit distance (optimal string alignment Damerau-Levenshtein: insert, delete,
// substitute, swap two neighbours). Hand-written because we also need the distance to every
// prefix of the candidate (typo tolerance while the user is still typing), which libraries
// such as fastest-levenshtein do not give.

/** How many typos a query of this length may contain. */
export function allowedTypos(length: number): number {
  if (length <= 3) return 0;
  return length <= 7 ? 1 : 2;
}

/**
 * Distances from `query` to the whole of `candidate` and to its closest prefix, or null when
 * both exceed `max`. Prefixes shorter than the query minus `max` characters are not considered.
 */
export function editDistances(query: string, candidate: string, max: number): { full: number; prefix: number } | null {
  const n = query.length;
  const m = Math.min(candidate.length, n + max);
  // rows[i][j] = distance(query[0..i), candidate[0..j)); we keep three rows for the swap case.
  let before = new Array<number>(m + 1).fill(0);
  let previous = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const current = new Array<number>(m + 1);
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j <= m; j++) {
      const cost = query[i - 1] === candidate[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && query[i - 1] === candidate[j - 2] && query[i - 2] === candidate[j - 1]) {
        value = Math.min(value, before[j - 2]! + 1);
      }
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return null;
    before = previous;
    previous = current;
  }
  const full = candidate.length <= n + max ? previous[candidate.length]! : Infinity;
  let prefix = Infinity;
  for (let j = Math.max(0, n - max); j <= m; j++) prefix = Math.min(prefix, previous[j]!);
  if (full > max && prefix > max) return null;
  return { full, prefix };
}
