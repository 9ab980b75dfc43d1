/**
 * The workbook-level parts of an xlsx file, parsed with saxes: the sheet list (`xl/workbook.xml`:
 * names, hidden/veryHidden state, relationship ids, the 1904 date system), the relationships that
 * lead to each sheet's part, the shared strings (rich-text runs joined, phonetic `<rPh>` runs left
 * out) and the styles (`numFmts` + `cellXfs` → each style index's number format).
 */
import { parseXmlChunks, prefixedAttr, XmlStream } from './xml.js';

/** A sheet as the workbook lists it (tab order). */
export interface WorkbookSheet {
  /** Sheet name as written. */
  name: string;
  /** `visible` (or undefined), `hidden` or `veryHidden`. */
  state?: string;
  /** Relationship id (`r:id`) leading to the sheet's part. */
  rId?: string;
}

/** What `xl/workbook.xml` says. */
export interface WorkbookInfo {
  sheets: WorkbookSheet[];
  /** Dates count from 1904 (old Mac workbooks). */
  date1904: boolean;
}

/** Parses `xl/workbook.xml`. */
export function parseWorkbookXml(chunks: Iterable<Uint8Array>): WorkbookInfo {
  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  let inSheets = false;
  parseXmlChunks(chunks, {
    open(name, a) {
      if (name === 'sheets') inSheets = true;
      else if (name === 'sheet' && inSheets) {
        const s: WorkbookSheet = { name: a.name ?? '' };
        if (a.state !== undefined) s.state = a.state;
        const rId = prefixedAttr(a, 'id');
        if (rId !== undefined) s.rId = rId;
        sheets.push(s);
      } else if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    },
    close(name) {
      if (name === 'sheets') inSheets = false;
    },
    text() {},
  });
  return { sheets, date1904 };
}

/** One relationship of a `.rels` part. */
export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** Parses a `.rels` part. */
export function parseRelationships(chunks: Iterable<Uint8Array>): Relationship[] {
  const out: Relationship[] = [];
  parseXmlChunks(chunks, {
    open(name, a) {
      if (name === 'Relationship') out.push({ id: a.Id ?? '', type: a.Type ?? '', target: a.Target ?? '', external: a.TargetMode === 'External' });
    },
    close() {},
    text() {},
  });
  return out;
}

/** Resolves a relationship target against the folder of the part that holds the relationship. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = fromPart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** The `.rels` part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Decodes the `_xHHHH_` escapes of OOXML strings (`_x000D_` is a carriage return; `_x005F_` a literal `_`). */
export function decodeXString(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

/**
 * Streams `sharedStrings.xml` into an array of texts: each `<si>`'s `<t>` texts joined (plain or
 * rich-text runs), phonetic runs (`<rPh>`, furigana) left out. Throws `tooMany` past `max` strings.
 */
export function parseSharedStrings(chunks: Iterable<Uint8Array>, max: number, tooMany: (n: number) => Error): string[] {
  const out: string[] = [];
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let text = '';
  const xml = new XmlStream({
    open(name) {
      if (name === 't') inT = inSi && phonetic === 0;
      else if (name === 'si') {
        inSi = true;
        text = '';
      } else if (name === 'rPh') phonetic++;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') {
        if (out.length >= max) throw tooMany(out.length + 1);
        out.push(decodeXString(text));
        inSi = false;
        text = '';
      }
    },
    text(t) {
      if (inT) text += t;
    },
  });
  for (const c of chunks) xml.write(c);
  xml.end();
  return out;
}

/**
 * Excel's built-in number formats by id (those exceljs knows, plus the locale-dependent date
 * formats 27–36 and 50–58, which Excel shows as dates in every locale: here a plain date code).
 */
export const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  ...Object.fromEntries([27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58].map((id) => [id, 'yyyy-mm-dd'])),
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/**
 * Parses `styles.xml`: the number format code of each cell style (`cellXfs`, by index — a cell's
 * `s`); undefined for General.
 */
export function parseStyles(chunks: Iterable<Uint8Array>): (string | undefined)[] {
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  let inCellXfs = false;
  parseXmlChunks(chunks, {
    open(name, a) {
      if (name === 'numFmt' && a.numFmtId !== undefined) custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfIds.push(a.numFmtId === undefined ? 0 : Number(a.numFmtId));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return xfIds.map((id) => {
    const code = custom.get(id) ?? BUILTIN_FORMATS[id];
    return code === undefined || code === 'General' || code === '' ? undefined : code;
  });
}

/**
 * True when a number format shows a date or time: outside quoted text, `[...]`, and characters
 * escaped with `\`, `_` or `*`, it has one of `y m d h s` (any case) or `b` (Buddhist year).
 * `[h]`/`[mm]`/`[ss]` elapsed times count with the `:mm`/`:ss` that follow them.
 */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  let cached = dateCache.get(fmt);
  if (cached === undefined) {
    cached = false;
    for (let i = 0; i < fmt.length; i++) {
      const ch = fmt[i];
      if (ch === '"' || ch === '[') {
        const end = fmt.indexOf(ch === '"' ? '"' : ']', i + 1);
        i = end < 0 ? fmt.length : end;
      } else if (ch === '\\' || ch === '_' || ch === '*') i++;
      else if ('ymdhsbYMDHSB'.includes(ch)) {
        cached = true;
        break;
      }
    }
    if (dateCache.size < 1000) dateCache.set(fmt, cached);
  }
  return cached;
}

const dateCache = new Map<string, boolean>();
