/**
 * How an output for people is presented: its language and how numbers are written. Every renderer
 * of text, CSV, HTML and xlsx takes these (JSON never translates keys or numbers).
 */
import type { Lang } from '../i18n/lang.js';
import type { NumberStyle } from '../i18n/number-style.js';

/** A CSV dialect: `en` (`,` between cells, decimal point) or `vi` (`;` between cells, decimal comma, as Vietnamese-locale Excel expects). */
export type CsvStyle = 'en' | 'vi';

/** Every CSV style. */
export const CSV_STYLES: readonly CsvStyle[] = ['vi', 'en'];

/** Language and number style of an output people read. */
export interface Presentation {
  /** Language of labels, headers and messages: `vi` (default) or `en`. */
  lang?: Lang;
  /** Numbers as `89.83` (`en`, default) or `89,83` (`vi`). */
  numberStyle?: NumberStyle;
}
