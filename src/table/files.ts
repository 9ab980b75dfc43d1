/**
 * What a file holds and how its bytes become text, decided without a file system: the kind of
 * table (which decides the expected columns and the xlsx sheet names), the format by the file
 * name's extension, and strict UTF-8 decoding.
 */
import { ParIndexError, problem } from '../errors.js';

/** The kinds of table a file may hold; xlsx readers pick the sheet by this name. */
export type TableKind = 'criteria' | 'units' | 'evidence' | 'survey' | 'questions' | 'responses';

/** File formats read by extension. */
export type FileFormat = 'csv' | 'json' | 'xlsx';

/** Format of a file from its extension; throws a located error for an unknown one. */
export function formatOf(path: string): FileFormat {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
  if (ext === 'json') return 'json';
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  if (ext === 'xls' || ext === 'xlsb' || ext === 'ods') throw new ParIndexError({ file: path, ...problem('unknown-format/save-as-xlsx', { ext: `.${ext}` }), value: `.${ext}` });
  throw new ParIndexError({ file: path, ...problem('unknown-format'), value: ext ? `.${ext}` : '(no extension)' });
}

/**
 * What a file that should be text is, when its first bytes say it is a known binary format: an xlsx
 * workbook (a zip archive), an old Office file (OLE: .xls, .doc), a PDF, a picture. Without this a
 * workbook named `.csv` came out as "not UTF-8 text" with its raw bytes in the message.
 */
export function binaryKind(bytes: Uint8Array): 'zip' | 'ole' | 'pdf' | 'image' | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'zip';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46, 0x38)) return 'image';
  return undefined;
}

/** The byte order mark of UTF-16 text (Excel's "Unicode Text"), when the bytes start with one. */
export function utf16Mark(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  if (bytes.length < 2) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  return undefined;
}

/**
 * Decodes a text file's bytes as UTF-8. Text in another encoding would otherwise come through as
 * replacement characters in unit names and titles, so UTF-16 (Excel's "Unicode Text") and bytes
 * that are not UTF-8 (Windows-1258, Latin-1 exports) are located errors naming the first bad line.
 */
export function decodeUtf8(bytes: Uint8Array, path: string): string {
  const kind = binaryKind(bytes);
  if (kind !== undefined) throw new ParIndexError({ file: path, ...problem('unknown-format/binary-as-text', { kind }), value: kind });
  const utf16 = utf16Mark(bytes);
  if (utf16 !== undefined) throw new ParIndexError({ file: path, ...problem('bad-encoding/utf-16'), value: utf16 });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const at = text.indexOf('\uFFFD');
    const before = text.slice(0, Math.max(at, 0));
    const lines = before.split(/\r\n|\r|\n/);
    const row = lines.length; // the line of the first bad byte (a record, unless a quoted cell holds line breaks)
    const line = lines[row - 1] + text.slice(before.length).split(/\r\n|\r|\n/, 1)[0];
    throw new ParIndexError({ file: path, row, ...problem('bad-encoding/not-utf-8'), value: line.slice(0, 60) });
  }
}
