/**
 * How numbers are written in outputs people read: `en` (89.83, the default, what JSON and
 * machine-read CSV use) or `vi` (89,83, the Vietnamese decimal comma).
 */

/** A number style: `en` (decimal point) or `vi` (decimal comma). */
export type NumberStyle = 'en' | 'vi';

/** Every number style. */
export const NUMBER_STYLES: readonly NumberStyle[] = ['vi', 'en'];

const DECIMAL = /^([-+]?\d+)\.(\d+)$/;

/**
 * A decimal number's text in a style: `89.83` → `89,83` under `vi`. Anything that is not a plain
 * decimal number (`NA`, a name, `12`) is returned as it is.
 */
export function styleNumber(text: string, style: NumberStyle | undefined): string {
  if (style !== 'vi') return text;
  const m = DECIMAL.exec(text);
  return m ? `${m[1]},${m[2]}` : text;
}
