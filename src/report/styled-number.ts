/**
 * Figures as people read them: rounded to the output decimals ({@link fmt}), then written in the
 * number style (`89.83`, or `89,83` under `vi`). JSON never goes through here.
 */
import type { NumberStyle } from '../i18n/number-style.js';
import { styleNumber } from '../i18n/number-style.js';
import type { Exact } from '../numbers/exact.js';
import { fmt, type OutputFormat } from '../scoring/result-json.js';

/** A figure's printed text in a style; null stays null. */
export type FigureWriter = (x: Exact | null, f?: OutputFormat) => string | null;

/** Writes figures rounded as `f` says (or the call's own format) in `style`. */
export function figureWriter(f: OutputFormat, style: NumberStyle | undefined): FigureWriter {
  return (x, g = f) => {
    const text = fmt(x, g);
    return text === null ? null : styleNumber(text, style);
  };
}

/** A decimal text (an exact value's `toString()`, a threshold) in `style`; null stays null. */
export function styledText(text: string | null, style: NumberStyle | undefined): string | null {
  return text === null ? null : styleNumber(text, style);
}
