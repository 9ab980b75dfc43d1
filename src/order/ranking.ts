/**
 * Ranking within a league (descending; rank 1 = highest). Ties: `competition` (1, 2, 2, 4 — Excel
 * RANK.EQ), `dense` (1, 2, 2, 3) or `ordinal` (1, 2, 3, 4; equal values ordered by id). Items
 * without a value get no rank and are listed last.
 */
/** How ties share ranks: `competition` (1, 2, 2, 4), `dense` (1, 2, 2, 3) or `ordinal` (1, 2, 3, 4). */
export type TieMode = 'competition' | 'dense' | 'ordinal';

/** Ranks `items` by `compare` (negative = a above b, 0 = tie). Returns the items in rank order with their ranks. */
export function rankItems<T>(items: readonly T[], hasValue: (t: T) => boolean, compare: (a: T, b: T) => number, idOf: (t: T) => string, ties: TieMode): { item: T; rank: number | null }[] {
  const ranked = items.filter(hasValue);
  const unranked = items.filter((t) => !hasValue(t));
  const byId = (a: T, b: T) => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0);
  ranked.sort((a, b) => compare(a, b) || byId(a, b));
  unranked.sort(byId);
  const out: { item: T; rank: number | null }[] = [];
  let rank = 0;
  let dense = 0;
  for (let i = 0; i < ranked.length; i++) {
    const tie = i > 0 && compare(ranked[i - 1], ranked[i]) === 0;
    if (!tie) {
      rank = i + 1;
      dense++;
    }
    out.push({ item: ranked[i], rank: ties === 'ordinal' ? i + 1 : ties === 'dense' ? dense : rank });
  }
  for (const t of unranked) out.push({ item: t, rank: null });
  return out;
}

/**
 * Compares positions by `values[position]`, highest first: ranking on printed (rounded) indices,
 * each rounded once beforehand rather than at every comparison of the sort.
 */
export function highestFirst(values: readonly bigint[]): (a: number, b: number) => number {
  return (a, b) => {
    const x = values[a];
    const y = values[b];
    return x > y ? -1 : x < y ? 1 : 0;
  };
}
