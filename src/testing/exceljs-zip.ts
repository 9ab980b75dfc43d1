/**
 * Random access to the parts of an xlsx file through its zip central directory, with the zip
 * reader exceljs itself depends on (unzipper, resolved from exceljs's own folder so the version is
 * always the one exceljs was installed with).
 *
 * Why not exceljs's one-pass `WorkbookReader.read`? That pass reads entries in stored order, and
 * writers (exceljs among them) store `xl/workbook.xml` last: worksheets then arrive before the sheet
 * names are known, they are spilled to temp files, and on Node ≥ 18 the pass can end before the
 * workbook entry at all ("Cannot read properties of undefined (reading 'sheets')", exceljs issue
 * #3064). Opening the central directory lets the reader parse the workbook, shared strings and
 * styles first and then stream only the sheets it needs, row by row, straight from the file.
 */
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';

/** One entry of the zip directory. */
export interface ZipPart {
  /** Path inside the archive, e.g. `xl/worksheets/sheet1.xml`. */
  path: string;
  /** `File` or `Directory`. */
  type: string;
  /** Size of the uncompressed entry, from the zip directory. */
  uncompressedSize?: number;
  /** A fresh stream of the entry's uncompressed bytes. */
  stream(): Readable;
}

/** The parts of an opened xlsx file, looked up case-insensitively. */
export interface XlsxParts {
  /** The part at `path` (no leading slash), if present. */
  get(path: string): ZipPart | undefined;
}

interface Unzipper {
  Open: { file(path: string): Promise<{ files: ZipPart[] }> };
}

let unzipper: Unzipper | undefined;

function loadUnzipper(): Unzipper {
  if (!unzipper) {
    const req = createRequire(import.meta.url);
    const fromExcel = createRequire(req.resolve('exceljs'));
    unzipper = fromExcel('unzipper') as Unzipper;
  }
  return unzipper;
}

/** Opens an xlsx (zip) file's central directory. Throws the zip reader's error on a non-zip file. */
export async function openXlsxParts(path: string): Promise<XlsxParts> {
  const dir = await loadUnzipper().Open.file(path);
  const byPath = new Map<string, ZipPart>();
  for (const f of dir.files) if (f.type !== 'Directory') byPath.set(f.path.replace(/^\/+/, '').toLowerCase(), f);
  return { get: (p) => byPath.get(p.replace(/^\/+/, '').toLowerCase()) };
}

/** Resolves a relationship target of `xl/workbook.xml` (`worksheets/sheet1.xml` or `/xl/…`) to a part path. */
export function workbookPartPath(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}
