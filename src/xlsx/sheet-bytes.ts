/**
 * Sheet rows written as bytes (the results workbook's league and self-vs-appraised sheets): their XML
 * is ASCII — cell references, style and shared-string numbers, figures — so it is written byte by
 * byte into one buffer and handed to the zip entry as it is (`ZipEntryStream.writeAscii`), instead of
 * a template string per cell joined and encoded again (a national round's 600,000 cells).
 */

/** ASCII text written as bytes into a buffer that grows; {@link take} hands on what was written. */
export class AsciiOut {
  #buf: Uint8Array;
  #pos = 0;

  constructor(size = 1 << 16) {
    this.#buf = new Uint8Array(size);
  }

  /** Bytes written since the last take. */
  get length(): number {
    return this.#pos;
  }

  #room(n: number): void {
    if (this.#pos + n <= this.#buf.length) return;
    const grown = new Uint8Array(Math.max(this.#buf.length * 2, this.#pos + n));
    grown.set(this.#buf.subarray(0, this.#pos));
    this.#buf = grown;
  }

  /** `s[from, to)`, which must be ASCII (anything else is a fault of the writer, refused). */
  text(s: string, from = 0, to = s.length): void {
    this.#room(to - from);
    const b = this.#buf;
    let p = this.#pos;
    for (let i = from; i < to; i++) {
      const c = s.charCodeAt(i);
      if (c > 0x7f) throw new Error('parindex: sheet bytes given a character past ASCII');
      b[p++] = c;
    }
    this.#pos = p;
  }

  /** A whole number ≥ 0 (a row, a shared string's index) in decimal digits. */
  int(n: number): void {
    if (n < 10) {
      this.#room(1);
      this.#buf[this.#pos++] = 48 + n;
      return;
    }
    this.text(String(n));
  }

  /** What was written since the last take, as an array of its own (the next bytes go to a new buffer). */
  take(): Uint8Array {
    const out = this.#buf.subarray(0, this.#pos);
    this.#buf = new Uint8Array(Math.max(1 << 16, this.#pos + (this.#pos >> 3)));
    this.#pos = 0;
    return out;
  }
}

/**
 * Where `String(Number(text))` — the text of a number cell holding a printed figure — lies within
 * the figure's `text` (`-12.50` → `-12.5`, `+3.00` → `3`, `-0.00` → `0`): `end * 2 + start`, the
 * text without its `+`, its trailing zeros and a bare point (zero without its sign), where that is
 * the double's shortest text: at most 15 digits (the only decimal of its length that reads as that
 * double) and 6 decimals (no exponent). -1 for any other text (see {@link numberXml}).
 */
export function numberSpan(text: string): number {
  const n = text.length;
  const c0 = text.charCodeAt(0);
  const start = c0 === 43 || c0 === 45 ? 1 : 0;
  let dot = -1;
  for (let i = start; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 && dot < 0) dot = i;
    else if (c < 48 || c > 57) return -1;
  }
  const whole = dot < 0 ? n - start : dot - start;
  // Digits before a point, no leading zero but a lone one, a digit after a point, at most 15 digits and 6 decimals.
  if (whole === 0 || whole > 15 || (whole > 1 && text.charCodeAt(start) === 48) || (dot >= 0 && (dot === n - 1 || n - dot - 1 > 6 || n - start - 1 > 15))) return -1;
  let end = n;
  if (dot >= 0) {
    while (text.charCodeAt(end - 1) === 48) end--;
    if (end === dot + 1) end = dot;
  }
  if (end === start + 1 && text.charCodeAt(start) === 48) return 2 * end + start;
  return 2 * end + (c0 === 43 ? 1 : 0);
}

/** `String(Number(text))` for a printed figure's text (see {@link numberSpan}). */
export function numberXml(text: string): string {
  const span = numberSpan(text);
  return span < 0 ? String(Number(text)) : text.slice(span & 1, span >> 1);
}
