/** Grouping items by a key, keeping the order of first appearance (leagues, unit groups). */

/** Groups `items` by `key`: groups in order of first appearance, items in input order within each. */
export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = m.get(k);
    if (list) list.push(t);
    else m.set(k, [t]);
  }
  return m;
}
