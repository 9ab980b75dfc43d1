/**
 * Baselines of the SIPAS ingest benchmark, each over the same responses CSV file:
 *
 * - rawScan: the floor — read the file in 1 MB chunks into one reused buffer and count bytes and
 *   line feeds in a tight loop. No cells, no counting of answers.
 * - csvParseCounts: csv-parse's streaming parser (records as string arrays) with the same counting
 *   our engine does per unit: forms, valid forms (every required question answered 1–5), and per
 *   question the valid forms answering 1–5 and answering 4–5.
 * - duckdbCounts: DuckDB (`@duckdb/node-api`) `read_csv` + `GROUP BY unit` computing the same
 *   counts in SQL (DuckDB runs it on all cores; our engine and csv-parse use one).
 *
 * Each returns totals (forms, valid, answered, satisfied) so the runner can check that every side
 * counted the same thing.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

/** Reads the file and counts bytes and line feeds. */
export async function rawScan(path) {
  const fh = await open(path, 'r');
  const buf = Buffer.allocUnsafe(1 << 20);
  let bytes = 0;
  let lines = 0;
  try {
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      bytes += bytesRead;
      for (let i = 0; i < bytesRead; i++) if (buf[i] === 10) lines++;
    }
  } finally {
    await fh.close();
  }
  return { bytes, forms: lines - 1 };
}

/** Counts forms, valid forms and answers per unit with csv-parse. */
export async function csvParseCounts(path, columns, optional) {
  const { parse } = await import('csv-parse');
  const parser = createReadStream(path, { highWaterMark: 1 << 20 }).pipe(parse({ relax_column_count: true, bom: true }));
  const nq = columns.length;
  const units = new Map();
  let qIndex = null;
  let unitCol = -1;
  const req = columns.map((c) => !optional.has(c));
  const answers = new Uint8Array(nq);
  for await (const rec of parser) {
    if (qIndex === null) {
      qIndex = columns.map((c) => rec.indexOf(c));
      unitCol = rec.indexOf('unit');
      continue;
    }
    let u = units.get(rec[unitCol]);
    if (!u) units.set(rec[unitCol], (u = { forms: 0, valid: 0, answered: new Int32Array(nq), satisfied: new Int32Array(nq) }));
    u.forms++;
    let valid = true;
    for (let q = 0; q < nq; q++) {
      const t = rec[qIndex[q]];
      const v = t.length === 1 ? t.charCodeAt(0) - 48 : t === '' ? 0 : -1;
      if (v < 0 || v > 5) throw new Error(`bad answer ${t}`);
      answers[q] = v;
      if (v === 0 && req[q]) valid = false;
    }
    if (!valid) continue;
    u.valid++;
    for (let q = 0; q < nq; q++) {
      const v = answers[q];
      if (v > 0) {
        u.answered[q]++;
        if (v >= 4) u.satisfied[q]++;
      }
    }
  }
  return totals([...units.values()].map((u) => ({ forms: u.forms, valid: u.valid, answered: sum(u.answered), satisfied: sum(u.satisfied) })));
}

const sum = (a) => a.reduce((x, y) => x + y, 0);

/** Sums per-unit counts into run totals. */
export function totals(units) {
  const t = { units: units.length, forms: 0, valid: 0, answered: 0, satisfied: 0 };
  for (const u of units) {
    t.forms += Number(u.forms);
    t.valid += Number(u.valid);
    t.answered += Number(u.answered);
    t.satisfied += Number(u.satisfied);
  }
  return t;
}

/** The SQL DuckDB runs: the same per-unit counts from `read_csv`. */
export function duckdbSql(path, columns, optional) {
  const cols = columns.map((c) => `"${c}"`);
  const answered = (c) => `(${c} BETWEEN 1 AND 5)`;
  const validExpr = columns
    .filter((c) => !optional.has(c))
    .map((c) => `coalesce(${answered(`"${c}"`)}, false)`)
    .join(' AND ');
  const types = Object.fromEntries([['form', 'VARCHAR'], ['unit', 'VARCHAR'], ...columns.map((c) => [c, 'TINYINT'])]);
  const typeText = `{${Object.entries(types)
    .map(([k, v]) => `'${k}': '${v}'`)
    .join(', ')}}`;
  const perQ = cols.map((c, i) => `sum(CASE WHEN valid AND ${answered(c)} THEN 1 ELSE 0 END) AS a${i}, sum(CASE WHEN valid AND ${c} >= 4 AND ${c} <= 5 THEN 1 ELSE 0 END) AS s${i}`).join(',\n  ');
  return `SELECT unit, count(*) AS forms, sum(CASE WHEN valid THEN 1 ELSE 0 END) AS valid,
  ${perQ}
FROM (SELECT *, ${validExpr} AS valid FROM read_csv('${path.replace(/'/g, "''")}', header = true, columns = ${typeText}))
GROUP BY unit`;
}

/** Opens a DuckDB connection (in memory). */
export async function duckdbConnect() {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  return { instance, connection: await instance.connect() };
}

/** Runs the DuckDB query and sums its per-unit rows into totals. */
export async function duckdbCounts(connection, sql, nq) {
  const reader = await connection.runAndReadAll(sql);
  const rows = reader.getRows();
  return totals(
    rows.map((r) => {
      let answered = 0;
      let satisfied = 0;
      for (let i = 0; i < nq; i++) {
        answered += Number(r[3 + 2 * i] ?? 0);
        satisfied += Number(r[4 + 2 * i] ?? 0);
      }
      return { forms: r[1], valid: r[2], answered, satisfied };
    }),
  );
}
