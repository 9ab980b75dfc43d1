/**
 * The nearest known name to a misspelt one, for messages such as `unknown option "tie"; did you
 * mean "ties"?`. Plain edit distance over short names; no guessing beyond a suggestion.
 */

/** Levenshtein distance between two strings (insert, delete, substitute, each 1). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The candidate closest to `name` (compared by `fold`, default lower case), or undefined when none
 * is within a third of the name's length (at least 2 edits). `candidates` may pair each compared
 * text with the name to suggest (an alias suggests its canonical name).
 */
export function nearestName(name: string, candidates: readonly (string | readonly [compare: string, suggest: string])[], fold: (s: string) => string = (s) => s.toLowerCase()): string | undefined {
  const target = fold(name);
  let best: string | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const [cmp, suggest] = typeof c === 'string' ? [c, c] : c;
    const d = editDistance(target, fold(cmp));
    if (d < bestD) {
      bestD = d;
      best = suggest;
    }
  }
  const limit = Math.max(2, Math.floor(target.length / 3));
  return bestD <= limit ? best : undefined;
}
