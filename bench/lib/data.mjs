/**
 * Benchmark input files, generated once with the library's seeded generator and kept in
 * bench/out/data (git-ignored). A file is written under a temporary name and renamed when
 * complete, so an interrupted run never leaves a partial file that a later run would trust.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Units the SIPAS forms are spread over: the Hà Nội preset's 52 units. */
export function sipasUnits(P) {
  return P.syntheticRound({ preset: 'hanoi' }).unitIds();
}

/** Path of a responses file with `forms` forms, written if missing. */
export async function ensureResponses(P, dir, forms, seed = 1) {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `sipas-responses-${forms}-s${seed}.csv`);
  if (existsSync(path)) return path;
  const tmp = `${path}.partial`;
  await P.writeSipasResponses(tmp, { forms, units: sipasUnits(P), seed });
  renameSync(tmp, path);
  return path;
}

/** Cells of an evidence row as Excel would hold them: numbers as numbers, the rest as text. */
function xlsxCells(cells) {
  return cells.map((c, i) => (i >= 2 && i <= 3 && /^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c));
}

/**
 * Path of an evidence workbook (sheet `evidence`, long layout) with `rows` rows from a synthetic
 * round, written with exceljs's streaming writer if missing.
 */
export async function ensureEvidenceXlsx(P, dir, rows, seed = 1) {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `evidence-${rows}-s${seed}.xlsx`);
  if (existsSync(path)) return path;
  const tmp = `${path}.partial.xlsx`;
  rmSync(tmp, { force: true });
  const mod = await import('exceljs');
  const ExcelJS = mod.default ?? mod;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('evidence');
  ws.addRow([...P.EVIDENCE_HEADER]).commit();
  // About 125 evidence rows per unit at 160 criteria: enough units for `rows` rows.
  const round = P.syntheticRound({ units: Math.ceil(rows / 100) + 1, criteria: 160, seed });
  let n = 0;
  for (const cells of round.evidenceRows()) {
    if (n >= rows) break;
    ws.addRow(xlsxCells(cells)).commit();
    n++;
  }
  if (n < rows) throw new Error(`only ${n} evidence rows generated for ${rows}`);
  ws.commit();
  await wb.commit();
  renameSync(tmp, path);
  return path;
}

/** Folder of a generated round's CSV files (framework, units, evidence, survey), written if missing. */
export async function ensureRound(P, dir, units, criteria, seed = 1) {
  const path = join(dir, `round-${units}u-${criteria}c-s${seed}`);
  if (existsSync(join(path, 'done'))) return path;
  rmSync(path, { recursive: true, force: true });
  await P.writeSyntheticRound(path, { units, criteria, forms: 0, seed });
  writeFileSync(join(path, 'done'), '');
  return path;
}

/** Folder of a preset round's CSV files (`hanoi`, `city`, `national`), written if missing. */
export async function ensurePreset(P, dir, preset, seed = 1) {
  const path = join(dir, `preset-${preset}-s${seed}`);
  if (existsSync(join(path, 'done'))) return path;
  rmSync(path, { recursive: true, force: true });
  await P.writeSyntheticRound(path, { preset, forms: 0, seed });
  writeFileSync(join(path, 'done'), '');
  return path;
}
