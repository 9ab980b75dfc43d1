/**
 * Plain-text tables for the terminal: columns padded by character count (Unicode NFC, so
 * Vietnamese letters count once), numbers right-aligned.
 */

/** Column alignment. */
export type Align = 'left' | 'right';

/** Renders rows (header first) as an aligned text table with a rule under the header. */
export function renderTextTable(rows: readonly (readonly (string | number | null)[])[], align: readonly Align[] = []): string {
  const text = rows.map((r) => r.map((c) => (c === null ? '—' : String(c)).normalize('NFC')));
  const widths: number[] = [];
  for (const r of text) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => {
        const pad = ' '.repeat(widths[i] - [...c].length);
        return align[i] === 'right' ? pad + c : c + pad;
      })
      .join('  ')
      .trimEnd();
  const [head, ...body] = text;
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n') + '\n';
}
