// Bounded edit distance (optimal string alignment Damerau-Levenshtein: insert, delete,
// substitute, swap two neighbours). Hand-written because we also need the distance to every
// prefix of the candidate (typo tolerance while the user is still typing), which libraries
// such as fastest-levenshtein do not give.

/** How many typos a query of this length may contain. */
export function allowedTypos(length: number): number {
  if (length <= 3) return 0;
  return length <= 7 ? 1 : 2;
}

// Three rows of the table, reused by every call: a search compares a word with thousands of
// candidates, and fresh arrays for each made most of its garbage.
let before = new Int32Array(64);
let previous = new Int32Array(64);
let current = new Int32Array(64);

/**
 * Distances from `query` to the whole of `candidate` and to its closest prefix, or null when
 * both exceed `max`. Prefixes shorter than the query minus `max` characters are not considered.
 */
export function editDistances(query: string, candidate: string, max: number): { full: number; prefix: number } | null {
  const n = query.length;
  const m = Math.min(candidate.length, n + max);
  if (m + 1 > previous.length) [before, previous, current] = [new Int32Array(2 * m + 2), new Int32Array(2 * m + 2), new Int32Array(2 * m + 2)];
  // row i holds distance(query[0..i), candidate[0..j)); `before` is row i - 2, for the swap case.
  for (let j = 0; j <= m; j++) previous[j] = j;
  for (let i = 1; i <= n; i++) {
    current[0] = i;
    let rowMin = i;
    const q = query.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const c = candidate.charCodeAt(j - 1);
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (q === c ? 0 : 1));
      if (i > 1 && j > 1 && q === candidate.charCodeAt(j - 2) && query.charCodeAt(i - 2) === c) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return null;
    [before, previous, current] = [previous, current, before];
  }
  const full = candidate.length <= n + max ? previous[candidate.length]! : Infinity;
  let prefix = Infinity;
  for (let j = Math.max(0, n - max); j <= m; j++) prefix = Math.min(prefix, previous[j]!);
  if (full > max && prefix > max) return null;
  return { full, prefix };
}

/** The distance from `query` to the whole of `candidate` when it is at most `max`, else Infinity. */
export function fullDistance(query: string, candidate: string, max: number): number {
  if (Math.abs(candidate.length - query.length) > max) return Infinity; // that many letters to add or drop
  const full = editDistances(query, candidate, max)?.full ?? Infinity;
  return full <= max ? full : Infinity;
}
