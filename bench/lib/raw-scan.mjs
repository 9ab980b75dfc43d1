#!/usr/bin/env node
/**
 * The end-to-end baseline: a raw single-pass scan of CSV files as a whole process, the floor any
 * tool reading the same files must pay. No checks, binary floats, no output beyond a summary line:
 * read each file in 1 MB chunks (a partial last line carried to the next chunk); per data line,
 * split cells at `,` (no quoting), look the key cells up as one string in a Map (the unit), parse
 * every other cell that is a plain number as a float and add it to that key's sum.
 *
 *   node bench/lib/raw-scan.mjs KEYS FILE [FILE…]      KEYS: 0-based key columns, e.g. 0 (evidence:
 *                                                    unit) or 1 (SIPAS forms: unit)
 *
 * Prints one JSON line: { rows, keys, sum, bytes }.
 */
import { closeSync, openSync, readSync } from 'node:fs';

const [keyText, ...files] = process.argv.slice(2);
const KEYS = keyText.split(',').map(Number);
const isKey = (c) => KEYS.includes(c);
const sums = new Map();
let rows = 0;
let bytes = 0;
let total = 0;

/** A plain decimal number's value from bytes [s, e), or NaN. */
function number(b, s, e) {
  let n = 0;
  let scale = -1;
  let digits = 0;
  for (let i = s; i < e; i++) {
    const c = b[i];
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      digits++;
      if (scale >= 0) scale++;
    } else if (c === 46 && scale < 0) scale = 0;
    else return Number.NaN;
  }
  if (digits === 0) return Number.NaN;
  return scale > 0 ? n / 10 ** scale : n;
}

function line(b, s, e, header) {
  if (header || e <= s) return;
  let key = '';
  let acc = 0;
  let col = 0;
  let start = s;
  for (let i = s; i <= e; i++) {
    if (i === e || b[i] === 44) {
      let end = i;
      if (end > start && b[end - 1] === 13) end--;
      if (isKey(col)) key += `${b.latin1Slice(start, end)}\u0000`;
      else {
        const v = number(b, start, end);
        if (!Number.isNaN(v)) acc += v;
      }
      col++;
      start = i + 1;
    }
  }
  rows++;
  sums.set(key, (sums.get(key) ?? 0) + acc);
  total += acc;
}

for (const file of files) {
  const fd = openSync(file, 'r');
  let buf = Buffer.allocUnsafe(1 << 20);
  let carry = 0; // bytes of a partial line kept at the start of buf
  let header = true;
  for (;;) {
    if (carry === buf.length) {
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, carry);
      buf = bigger;
    }
    const n = readSync(fd, buf, carry, buf.length - carry, null);
    const end = carry + n;
    bytes += n;
    let s = 0;
    for (;;) {
      const lf = buf.indexOf(10, s);
      if (lf < 0 || lf >= end) break;
      line(buf, s, lf, header);
      header = false;
      s = lf + 1;
    }
    if (n === 0) {
      if (s < end) line(buf, s, end, header);
      break;
    }
    buf.copy(buf, 0, s, end);
    carry = end - s;
  }
  closeSync(fd);
}
process.stdout.write(`${JSON.stringify({ rows, keys: sums.size, sum: total, bytes })}\n`);
