#!/usr/bin/env node
/**
 * The end-to-end baseline: a raw single-pass scan of CSV files as a whole process, the floor any
 * tool reading the same files must pay. No checks, binary floats, no output beyond a summary line:
 * read each file in 1 MB chunks into one reused buffer; split cells at `,` and line ends (a `"`
 * toggles quoting, nothing more); per data row, look up the key cells as one string key in a Map
 * (unit, or unit + criterion), parse every other cell that is a plain number as a float and add it
 * to that key's sum.
 *
 *   node bench/lib/raw-scan.mjs KEYS FILE [FILE…]      KEYS: 0-based key columns, e.g. 0,1 (evidence:
 *                                                    unit, criterion) or 1 (SIPAS forms: unit)
 *
 * Prints one JSON line: { rows, keys, sum, bytes }.
 */
import { closeSync, openSync, readSync } from 'node:fs';

const [keyText, ...files] = process.argv.slice(2);
const KEYS = new Set(keyText.split(',').map(Number));
const sums = new Map();
const buf = Buffer.allocUnsafe(1 << 20);
let rows = 0;
let bytes = 0;
let total = 0;

for (const file of files) {
  const fd = openSync(file, 'r');
  let header = true;
  let cell = 0; // cell index in the row
  let key = '';
  let keyBytes = [];
  let num = 0;
  let scale = 0; // digits after the point, -1 before it
  let digits = 0;
  let plain = true;
  let quoted = false;
  let acc = 0;
  const endCell = () => {
    if (KEYS.has(cell)) {
      key += `${Buffer.from(keyBytes).toString('latin1')}\u0000`;
      keyBytes = [];
    } else if (plain && digits > 0) acc += scale > 0 ? num / 10 ** scale : num;
    cell++;
    num = 0;
    scale = -1;
    digits = 0;
    plain = true;
  };
  const endRow = () => {
    if (cell === 0 && digits === 0 && keyBytes.length === 0) return; // blank line
    endCell();
    if (header) header = false;
    else {
      rows++;
      sums.set(key, (sums.get(key) ?? 0) + acc);
      total += acc;
    }
    key = '';
    cell = 0;
    acc = 0;
  };
  scale = -1;
  for (;;) {
    const n = readSync(fd, buf, 0, buf.length, null);
    if (n === 0) break;
    bytes += n;
    for (let i = 0; i < n; i++) {
      const b = buf[i];
      if (b === 34) quoted = !quoted;
      else if (quoted) {
        if (KEYS.has(cell)) keyBytes.push(b);
      } else if (b === 44) endCell();
      else if (b === 10) endRow();
      else if (b === 13) continue;
      else if (KEYS.has(cell)) keyBytes.push(b);
      else if (b >= 48 && b <= 57) {
        num = num * 10 + (b - 48);
        digits++;
        if (scale >= 0) scale++;
      } else if (b === 46 && scale < 0) scale = 0;
      else plain = false;
    }
  }
  endRow();
  closeSync(fd);
}
process.stdout.write(`${JSON.stringify({ rows, keys: sums.size, sum: total, bytes })}\n`);
