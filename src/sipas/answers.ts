/**
 * Reading one survey answer (docs/spec.md §5): `1`..`5` on the satisfaction scale (1 = rất không hài lòng
 * … 5 = rất hài lòng), blank or `0` = no answer. Anything else is a bad value.
 */

/** No answer (a blank cell or `0`). */
export const NO_ANSWER = 0;
/** A bad value (anything but blank or 0–5). */
export const BAD_ANSWER = -1;
/** Lowest answer counted as satisfied (4 = hài lòng, 5 = rất hài lòng). */
export const SATISFIED_FROM = 4;

/**
 * The answer code of a cell: 0 for blank or `0`, 1–5 for an answer, {@link BAD_ANSWER} for
 * anything else. Surrounding white space is ignored; `4.0`, `04`, `+4` and `4,0` are bad values
 * (answers are whole scale points, never guessed).
 */
export function readAnswer(text: string): number {
  if (text.length === 1) {
    const d = text.charCodeAt(0) - 48;
    if (d >= 0 && d <= 5) return d;
  }
  const t = text.trim();
  if (t.length === 0) return NO_ANSWER;
  if (t.length !== 1) return BAD_ANSWER;
  const c = t.charCodeAt(0) - 48;
  return c >= 0 && c <= 5 ? c : BAD_ANSWER;
}
