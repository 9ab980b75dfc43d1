/**
 * Files as a browser gives them (`File`, `Blob`): which kind of input a file is, told from its
 * content, and a round read from such files. The format comes from the content too (a zip archive is
 * a workbook, `{` or `[` starts JSON, other UTF-8 text is CSV), never from the name alone. Workbooks
 * are read by the `parseXlsx` function of `parindex/xlsx`, passed in as an option, so the core stays
 * small and has no global state.
 */
import { ParIndexError, problem, type Issue } from '../errors.js';
import { binaryKind, decodeUtf8, type TableKind } from '../table/files.js';
import { parseCsvTable, stripBom } from '../table/csv.js';
import { FIELDS, FREE_COLUMNS, type FieldSpec, fieldNames, foldHeader } from '../table/headers.js';
import { jsonRowsToTable, parseJsonText, plainJsonNumbers } from '../table/json.js';
import type { Table } from '../table/table.js';
import { RESULT_FIELDS } from '../analysis/result-file.js';
import { buildSurveyDefinition, parseSurveyDefinition, type SipasDefinition } from '../sipas/definition.js';
import { badArgument, checkKeys, isPlainObject, missingInput, optionalBoolean, optionalChoice, optionalString } from './args.js';
import { createRound, type Round, type RoundInput, type RoundOptions, type SipasInput } from './round.js';
import { scoreSipas, sipasBuiltin, type SipasBuiltinName } from './sipas.js';
import { SURVEY_BUILTINS } from '../sipas/builtins.js';

/**
 * A browser `File` or `Blob` (or Node's), as far as parindex uses it: its size, `slice` and
 * `arrayBuffer`; a `File`'s `name` names it in messages. Typed by shape, so no DOM library is needed.
 */
export interface BlobLike {
  /** Size in bytes. */
  readonly size: number;
  /** The file's name (a `File` has one). */
  readonly name?: string;
  /** The bytes from `start` to `end`, as another blob. */
  slice(start?: number, end?: number): BlobLike;
  /** Every byte. */
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * Reads the table(s) of one kind from xlsx bytes: the `parseXlsx` function of `parindex/xlsx`
 * (`import { parseXlsx } from 'parindex/xlsx'`), given to {@link classifyInput} and
 * {@link readRound} when a file may be a workbook.
 */
export type XlsxParser = (
  bytes: Uint8Array,
  kind: 'criteria' | 'units' | 'evidence' | 'survey' | 'questions' | 'responses',
  options: {
    /** The file's name, for error messages. */
    file?: string;
  },
) => {
  /** The tables of the kind, in tab order. */
  tables: Table[];
  /** The framework's `settings` sheet (kind `criteria`). */
  settings?: Table;
};

/**
 * What a file holds: a criteria `framework`, `units`, `evidence` (self and appraised scores, long or
 * wide layout), `survey` results, a SIPAS survey definition (`sipas-questions`), SIPAS survey forms
 * (`sipas-responses`), or a `previous` results file (as `parindex score` writes it: JSON or CSV).
 */
export type InputKind = 'framework' | 'units' | 'evidence' | 'survey' | 'sipas-questions' | 'sipas-responses' | 'previous';

/** Options of {@link classifyInput}. */
export interface ClassifyOptions {
  /** The file's name, for messages (default: the `File`'s name, else `file`). */
  name?: string;
  /** `parseXlsx` from `parindex/xlsx`, to look into workbooks; without it a workbook is `unknown`. */
  parseXlsx?: XlsxParser;
}

/** What {@link classifyInput} found. */
export interface InputClassification {
  /** The file's name as used in {@link issue}. */
  file: string;
  /** The format by content: `xlsx` (a zip archive), `json`, `csv` (other UTF-8 text); null when it is none. */
  format: 'csv' | 'json' | 'xlsx' | null;
  /** The one kind the content fits; `ambiguous` when it fits several, `unknown` when none. */
  kind: InputKind | 'ambiguous' | 'unknown';
  /** Every kind the content fits (one when {@link kind} is a kind, two or more when `ambiguous`). */
  candidates: InputKind[];
  /**
   * Why the kind is `ambiguous` or `unknown`, for the person to choose: an `ambiguous-file-kind` or
   * `unknown-file-kind` issue, or what the reader found wrong (`bad-encoding`, `bad-json`, `bad-xlsx`…).
   * `formatIssue(issue)` words it (Vietnamese by default).
   */
  issue?: Issue;
}

/** Input kinds in the order they are reported. */
const KINDS: readonly InputKind[] = ['framework', 'units', 'evidence', 'survey', 'sipas-questions', 'sipas-responses', 'previous'];

/** The workbook table kind read for each input kind (a results workbook is not one of them). */
const TABLE_KIND: Record<Exclude<InputKind, 'previous'>, TableKind> = {
  framework: 'criteria',
  units: 'units',
  evidence: 'evidence',
  survey: 'survey',
  'sipas-questions': 'questions',
  'sipas-responses': 'responses',
};

/** Bytes of a CSV file looked at to classify it (its header and first rows). */
const SNIFF_BYTES = 1 << 20;
/** Data rows of a CSV file looked at. */
const SNIFF_ROWS = 50;
/** Chunk size when SIPAS forms are streamed from a blob. */
const CHUNK_BYTES = 4 << 20;

/** True for a `File` or `Blob` (by shape: size, slice, arrayBuffer). */
function isBlobLike(v: unknown): v is BlobLike {
  if (typeof v !== 'object' || v === null) return false;
  const b = v as Partial<BlobLike>;
  return typeof b.size === 'number' && typeof b.slice === 'function' && typeof b.arrayBuffer === 'function';
}

/** The name of a blob for messages. */
function nameOf(v: unknown, fallback: string): string {
  const n = isBlobLike(v) ? v.name : undefined;
  return typeof n === 'string' && n !== '' ? n : fallback;
}

async function bytesOf(blob: BlobLike, end?: number): Promise<Uint8Array> {
  const part = end === undefined || end >= blob.size ? blob : blob.slice(0, end);
  return new Uint8Array(await part.arrayBuffer());
}

/** The format of a file by its first bytes; null for another binary format (the issue says which). */
function formatByContent(bytes: Uint8Array): 'csv' | 'json' | 'xlsx' | null {
  const kind = binaryKind(bytes);
  if (kind === 'zip') return 'xlsx';
  if (kind !== undefined) return null;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x7b || bytes[i] === 0x5b ? 'json' : 'csv';
}

// ————— telling kinds apart by the header (and, for SIPAS forms, by the answers) —————

const names = (fields: readonly FieldSpec[]) => new Set(fields.flatMap((f) => [...fieldNames(f)]));
const NAMES = {
  framework: names(FIELDS.framework),
  units: names(FIELDS.units),
  evidence: names(FIELDS.evidence),
  survey: names(FIELDS.survey),
  questions: names(FIELDS.questions),
  responses: names(FIELDS.responses),
  results: names(RESULT_FIELDS),
};
const free = (list: readonly string[]) => new Set(list.map(foldHeader));
const FREE = { framework: free(FREE_COLUMNS.framework), units: free(FREE_COLUMNS.units), evidence: free(FREE_COLUMNS.evidence), survey: free(FREE_COLUMNS.survey) };
const has = (header: readonly string[], field: FieldSpec) => {
  const n = fieldNames(field);
  return header.some((h) => n.has(h));
};
const fieldOf = <T extends readonly FieldSpec[]>(fields: T, name: string) => fields.find((f) => f.name === name)!;

/**
 * True when the reader of a kind takes this header as it is: every required field present and every
 * other column a field or one of the kind's free columns (what the readers call `unknown-column`).
 */
function fits(header: readonly string[], fields: readonly FieldSpec[], known: ReadonlySet<string>, freeCols: ReadonlySet<string> = new Set()): boolean {
  if (!fields.every((f) => !f.required || has(header, f))) return false;
  return header.every((h) => h === '' || known.has(h) || freeCols.has(h));
}

/** A criterion code as a wide evidence table's column: `1.2.3`, optionally `(self)` / `(tự chấm)`. */
const WIDE_CODE = /^\d+(?:\.\d+)*(?:\s*\((?:self|tự chấm|tu cham)\))?$/i;

/** Folded names of the fields that make a table some other kind than SIPAS forms. */
const NOT_FORM_COLUMNS = new Set(
  [
    fieldOf(FIELDS.units, 'group'),
    fieldOf(FIELDS.evidence, 'criterion'),
    fieldOf(FIELDS.evidence, 'self'),
    fieldOf(FIELDS.evidence, 'appraised'),
    fieldOf(FIELDS.survey, 'score'),
    fieldOf(FIELDS.framework, 'code'),
    fieldOf(FIELDS.framework, 'max'),
    fieldOf(FIELDS.questions, 'column'),
    RESULT_FIELDS[3],
  ].flatMap((f) => [...fieldNames(f)]),
);

/** The kinds a table's header (and first rows) fits. */
function kindsOfTable(table: Pick<Table, 'header' | 'rows'>): InputKind[] {
  const raw = table.header.map((h) => h.trim());
  const header = raw.map(foldHeader);
  const out: InputKind[] = [];
  if (fits(header, FIELDS.framework, NAMES.framework, FREE.framework)) out.push('framework');
  if (fits(header, FIELDS.units, NAMES.units, FREE.units)) out.push('units');
  const evidenceLong = fits(header, FIELDS.evidence, NAMES.evidence, FREE.evidence) && (has(header, fieldOf(FIELDS.evidence, 'self')) || has(header, fieldOf(FIELDS.evidence, 'appraised')));
  const unitEv = fieldOf(FIELDS.evidence, 'unit');
  const evidenceWide =
    has(header, unitEv) && !has(header, fieldOf(FIELDS.evidence, 'criterion')) && raw.some((h) => WIDE_CODE.test(h)) && raw.every((h, i) => h === '' || WIDE_CODE.test(h) || fieldNames(unitEv).has(header[i]) || FREE.evidence.has(header[i]));
  if (evidenceLong || evidenceWide) out.push('evidence');
  if (fits(header, FIELDS.survey, NAMES.survey, FREE.survey)) out.push('survey');
  if (fits(header, FIELDS.questions, NAMES.questions)) out.push('sipas-questions');
  if (isForms(table, header)) out.push('sipas-responses');
  if (has(header, RESULT_FIELDS[0]) && has(header, RESULT_FIELDS[3]) && !has(header, fieldOf(FIELDS.evidence, 'criterion'))) out.push('previous');
  return out;
}

/**
 * SIPAS forms: a unit column, no column that makes it another kind, and at least one column whose
 * cells (in the rows looked at) are answers: whole numbers 0–5 or blank, one at least written.
 */
function isForms(table: Pick<Table, 'header' | 'rows'>, header: readonly string[]): boolean {
  const unit = fieldNames(fieldOf(FIELDS.responses, 'unit'));
  if (!header.some((h) => unit.has(h)) || header.some((h) => NOT_FORM_COLUMNS.has(h))) return false;
  const rows = table.rows.slice(0, SNIFF_ROWS);
  /** Cells looked at in column `i`: -1 when one is not an answer, else how many are written. */
  const answers = (i: number) => {
    let written = 0;
    for (const r of rows) {
      const c = (r.cells[i] ?? '').trim();
      if (c === '') continue;
      if (!/^[0-5]$/.test(c)) return -1;
      written++;
    }
    return written;
  };
  // A column named like a criterion code (`1.2`) holding anything but answers is wide evidence.
  if (table.header.some((h, i) => WIDE_CODE.test(h.trim()) && answers(i) < 0)) return false;
  return header.some((h, i) => h !== '' && !NAMES.responses.has(h) && answers(i) > 0);
}

/** The classification for the kinds found. */
function classification(file: string, format: InputClassification['format'], kinds: InputKind[], columns: readonly string[], value?: string): InputClassification {
  const candidates = KINDS.filter((k) => kinds.includes(k));
  if (candidates.length === 1) return { file, format, kind: candidates[0], candidates };
  if (candidates.length > 1) {
    const kindsText = candidates.join(', ');
    return { file, format, kind: 'ambiguous', candidates, issue: { file, ...problem('ambiguous-file-kind', { kinds: kindsText }), value: value ?? columns.join(', ') } };
  }
  return { file, format, kind: 'unknown', candidates, issue: { file, row: 1, ...problem('unknown-file-kind', { columns: columns.map((c) => `"${c}"`).join(', ') }), value: columns.join(', ') } };
}

function failed(file: string, format: InputClassification['format'], e: unknown): InputClassification {
  if (!(e instanceof ParIndexError)) throw e;
  return { file, format, kind: 'unknown', candidates: [], issue: e.issues[0] };
}

/** The first records of CSV text (its header and up to {@link SNIFF_ROWS} rows), as a table. */
function csvHead(text: string, file: string, whole: boolean): Table {
  const body = stripBom(text);
  const lines = body.split(/\r\n|\r|\n/);
  const head = lines.slice(0, SNIFF_ROWS + 1).join('\n');
  try {
    return parseCsvTable(head, { file });
  } catch (e) {
    // A quoted cell spanning lines cut above, or a bad row below the header: the header alone.
    if (!(e instanceof ParIndexError)) throw e;
    if (whole && lines.length <= SNIFF_ROWS + 1) throw e;
    return parseCsvTable(lines[0], { file });
  }
}

/** Union of the keys of row objects, in order of first appearance. */
function keysOf(rows: readonly unknown[]): string[] {
  const keys = new Set<string>();
  for (const r of rows.slice(0, SNIFF_ROWS)) if (isPlainObject(r)) for (const k of Object.keys(r)) keys.add(k);
  return [...keys];
}

/** A table of the first row objects' cells as text (for the header and answers tests). */
function rowsAsTable(rows: readonly unknown[]): Pick<Table, 'header' | 'rows'> {
  const header = keysOf(rows);
  const text = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' && 'value' in (v as object) ? String((v as { value: unknown }).value) : typeof v === 'object' ? '\u0000' : String(v));
  return {
    header,
    rows: rows.slice(0, SNIFF_ROWS).map((r, i) => ({ row: i + 2, cells: header.map((k) => (isPlainObject(r) ? text(r[k]) : '')) })),
  };
}

/** Kinds of a JSON document by its shape. */
function classifyJson(json: unknown, file: string): InputClassification {
  if (Array.isArray(json)) {
    const t = rowsAsTable(json);
    if (t.header.length === 0) return { file, format: 'json', kind: 'unknown', candidates: [], issue: { file, ...problem('unknown-file-kind/json'), value: 'an array' } };
    return classification(
      file,
      'json',
      kindsOfTable(t).filter((k) => k !== 'previous'),
      t.header,
    );
  }
  if (!isPlainObject(json)) return { file, format: 'json', kind: 'unknown', candidates: [], issue: { file, ...problem('unknown-file-kind/json'), value: typeof json } };
  const keys = Object.keys(json);
  const kinds: InputKind[] = [];
  if (Array.isArray(json.criteria) && keys.every((k) => k === 'criteria' || k === 'settings')) kinds.push('framework');
  if (Array.isArray(json.questions)) kinds.push('sipas-questions');
  for (const [key, kind] of [
    ['evidence', 'evidence'],
    ['survey', 'survey'],
    ['responses', 'sipas-responses'],
  ] as const) {
    if (Array.isArray(json[key]) && kindsOfTable(rowsAsTable(json[key] as unknown[])).includes(kind)) kinds.push(kind);
  }
  if (Array.isArray(json.units)) {
    const units = json.units as unknown[];
    if (units.some((u) => isPlainObject(u) && 'forms' in u && 'nodes' in u)) {
      return { file, format: 'json', kind: 'unknown', candidates: [], issue: { file, ...problem('unknown-file-kind/sipas-result'), value: keys.join(', ') } };
    }
    const t = rowsAsTable(units);
    const fitting = kindsOfTable(t);
    if (fitting.includes('units')) kinds.push('units');
    if (fitting.includes('previous')) kinds.push('previous');
  }
  if (kinds.length === 0) return { file, format: 'json', kind: 'unknown', candidates: [], issue: { file, ...problem('unknown-file-kind/json'), value: keys.join(', ') } };
  return classification(file, 'json', kinds, keys);
}

/** Errors of a workbook reader that mean "no sheet for this kind" (the workbook itself is fine). */
const NO_SHEET = new Set(['sheet-not-found', 'hidden-sheet', 'ambiguous-sheet', 'empty-sheet']);

/** Kinds of a workbook: each table kind's sheet(s), read by `parseXlsx`, tested by its header. */
function classifyXlsx(bytes: Uint8Array, file: string, parseXlsx: XlsxParser): InputClassification {
  const kinds: InputKind[] = [];
  const headers: string[] = [];
  let sheets: string | undefined;
  let fault: ParIndexError | undefined;
  for (const kind of KINDS) {
    if (kind === 'previous') continue;
    let tables: Table[];
    try {
      tables = parseXlsx(bytes, TABLE_KIND[kind], { file }).tables;
    } catch (e) {
      if (!(e instanceof ParIndexError)) throw e;
      const first = e.issues[0];
      if (first && NO_SHEET.has(first.code)) sheets ??= first.code === 'sheet-not-found' ? first.value : undefined;
      else fault ??= e;
      continue;
    }
    if (tables.length > 0 && tables.every((t) => kindsOfTable(t).includes(kind))) kinds.push(kind);
    for (const t of tables) headers.push(...t.header.filter((h) => h !== '' && !headers.includes(h)));
  }
  if (kinds.length > 0 || headers.length > 0) return classification(file, 'xlsx', kinds, headers);
  if (fault) return failed(file, 'xlsx', fault);
  return { file, format: 'xlsx', kind: 'unknown', candidates: [], issue: { file, ...problem('unknown-file-kind/workbook', { sheets: sheets ?? '' }), value: sheets ?? '' } };
}

/**
 * Which kind of input a file is, told from its content alone: the header row of a CSV file (English
 * or Vietnamese names, as the readers take them), the sheets and header rows of a workbook, the
 * shape of a JSON document (`{ settings, criteria }`, a result document, an array of rows). Never a
 * guess: a file that fits two kinds is `ambiguous`, one that fits none `unknown`, each with an
 * issue saying why, for the person to choose. Problems with the file itself (not UTF-8, bad JSON, a
 * PDF) come back as the issue too; only a wrong argument throws (`bad-argument`, `unknown-option`).
 *
 * @example
 * import { parseXlsx } from 'parindex/xlsx';
 * const c = await classifyInput(file, { parseXlsx });
 * if (c.issue) console.log(formatIssue(c.issue)); // ambiguous or unknown: ask which it is
 * else console.log(c.kind); // "evidence"
 */
export async function classifyInput(input: BlobLike | Uint8Array | string, options: ClassifyOptions = {}): Promise<InputClassification> {
  const o = checkKeys(options, ['name', 'parseXlsx'], 'options');
  const file = optionalString(o.name, 'options.name') ?? nameOf(input, 'file');
  if (o.parseXlsx !== undefined && typeof o.parseXlsx !== 'function') throw badArgument('options.parseXlsx', o.parseXlsx, 'function');
  const parseXlsx = o.parseXlsx as XlsxParser | undefined;
  if (typeof input === 'string') return classifyText(input, file, true);
  let bytes: Uint8Array;
  let whole = true;
  if (input instanceof Uint8Array) bytes = input;
  else if (isBlobLike(input)) {
    bytes = await bytesOf(input, SNIFF_BYTES);
    const format = formatByContent(bytes);
    if (bytes.length < input.size && format !== 'csv') bytes = await bytesOf(input);
    else if (bytes.length < input.size) {
      // CSV: the first rows are enough; cut at the last line break (never inside a character).
      whole = false;
      const nl = bytes.lastIndexOf(0x0a);
      if (nl > 0) bytes = bytes.subarray(0, nl);
    }
  } else throw badArgument('input', input, 'blob-input');
  if (bytes.length === 0) return { file, format: null, kind: 'unknown', candidates: [], issue: { file, ...problem('unknown-file-kind/empty') } };
  const format = formatByContent(bytes);
  if (format === 'xlsx') {
    if (!parseXlsx) return { file, format, kind: 'unknown', candidates: [], issue: { file, ...problem('unknown-file-kind/needs-xlsx') } };
    return classifyXlsx(bytes, file, parseXlsx);
  }
  let text: string;
  try {
    text = decodeUtf8(bytes, file);
  } catch (e) {
    return failed(file, null, e);
  }
  return classifyText(text, file, whole);
}

function classifyText(text: string, file: string, whole: boolean): InputClassification {
  const body = stripBom(text).trim();
  if (body === '') return { file, format: null, kind: 'unknown', candidates: [], issue: { file, ...problem('unknown-file-kind/empty') } };
  if (body.startsWith('{') || body.startsWith('[')) {
    try {
      return classifyJson(parseJsonText(text, { file }), file);
    } catch (e) {
      return failed(file, 'json', e);
    }
  }
  let table: Table;
  try {
    table = csvHead(text, file, whole);
  } catch (e) {
    return failed(file, 'csv', e);
  }
  return classification(file, 'csv', kindsOfTable(table), table.header);
}

// ————— reading a round from blobs —————

/** SIPAS survey files to put into a survey criterion of the round (see {@link RoundBlobs}). */
export interface SipasBlobs {
  /** The survey definition: a file, a built-in name (`sipas-2017`, `sipas-2023`) or a definition. */
  questions: BlobLike | SipasBuiltinName | SipasDefinition;
  /** The survey forms, one row per form (CSV is streamed from the blob). */
  responses: BlobLike;
  /** The survey criterion that takes each unit's SIPAS index, e.g. `8.1`. */
  criterion: string;
  /** A unit without a SIPAS index: `missing` (default: scored 0) or `na` (not applicable). */
  nullAs?: 'missing' | 'na';
  /** Drop a form holding a bad answer instead of stopping. */
  skipBadRows?: boolean;
}

/**
 * The parts of a round as files: each a `File`/`Blob` (CSV, JSON or xlsx, told from the content),
 * or anything {@link createRound} takes for it (row objects, tables), so files and data mix.
 */
export interface RoundBlobs {
  /** The criteria framework. */
  framework: BlobLike | RoundInput['framework'];
  /** The units. */
  units: BlobLike | RoundInput['units'];
  /** Evidence: one file or several (each workbook may hold several evidence sheets). */
  evidence?: BlobLike | readonly BlobLike[] | RoundInput['evidence'];
  /** Survey results. */
  survey?: BlobLike | RoundInput['survey'];
  /** SIPAS: the survey files (scored with the round's units), or a result from `scoreSipas` as `createRound` takes it. */
  sipas?: SipasBlobs | SipasInput;
}

/** Options of {@link readRound}. */
export interface ReadRoundOptions extends RoundOptions {
  /** `parseXlsx` from `parindex/xlsx`: needed when a file is a workbook. */
  parseXlsx?: XlsxParser;
}

/** One file's content, read by its format. */
type Read = { format: 'csv'; text: string } | { format: 'json'; json: unknown } | { format: 'xlsx'; bytes: Uint8Array };

async function readBlob(blob: BlobLike, file: string, parseXlsx: XlsxParser | undefined): Promise<Read> {
  const bytes = await bytesOf(blob);
  const format = formatByContent(bytes);
  if (format === 'xlsx') {
    if (!parseXlsx) throw new ParIndexError({ file, ...problem('unknown-file-kind/needs-xlsx') });
    return { format, bytes };
  }
  const text = decodeUtf8(bytes, file);
  if (format === 'json') return { format, json: parseJsonText(text, { file }) };
  return { format: 'csv', text };
}

/** The table(s) of one kind from a file (a JSON object holds its rows under the kind's name, as `loadRound` reads it). */
async function tablesOf(blob: BlobLike, file: string, kind: TableKind, parseXlsx: XlsxParser | undefined): Promise<{ tables: Table[]; settings?: Table; json?: unknown }> {
  const r = await readBlob(blob, file, parseXlsx);
  if (r.format === 'csv') return { tables: [parseCsvTable(r.text, { file })] };
  if (r.format === 'xlsx') return parseXlsx!(r.bytes, kind, { file });
  const rows = Array.isArray(r.json) ? r.json : isPlainObject(r.json) ? (r.json[kind] ?? r.json) : r.json;
  return { tables: [jsonRowsToTable(rows, { file })], json: r.json };
}

async function frameworkOf(blob: BlobLike, file: string, parseXlsx: XlsxParser | undefined): Promise<RoundInput['framework']> {
  const r = await readBlob(blob, file, parseXlsx);
  if (r.format === 'csv') return parseCsvTable(r.text, { file });
  if (r.format === 'xlsx') {
    const { tables, settings } = parseXlsx!(r.bytes, 'criteria', { file });
    return settings ? { settings, criteria: tables[0] } : tables[0];
  }
  if (isPlainObject(r.json) && Object.hasOwn(r.json, 'criteria')) {
    const { criteria, settings, ...rest } = r.json;
    return { ...rest, ...(settings === undefined ? {} : { settings: plainJsonNumbers(settings) }), criteria: jsonRowsToTable(criteria, { file }) } as RoundInput['framework'];
  }
  return jsonRowsToTable(r.json, { file });
}

/** A blob's bytes in chunks, for the SIPAS tokenizer (a large forms file is never held whole). */
async function* chunksOf(blob: BlobLike): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < blob.size; at += CHUNK_BYTES) yield new Uint8Array(await blob.slice(at, Math.min(at + CHUNK_BYTES, blob.size)).arrayBuffer());
}

async function sipasOf(v: unknown, units: RoundInput['units'], parseXlsx: XlsxParser | undefined): Promise<SipasInput> {
  if (isPlainObject(v) && 'result' in v) return v as unknown as SipasInput;
  const s = checkKeys(v, ['questions', 'responses', 'criterion', 'nullAs', 'skipBadRows'], 'input.sipas', false);
  const criterion = optionalString(s.criterion, 'input.sipas.criterion');
  if (!criterion) throw badArgument('input.sipas.criterion', s.criterion, 'survey-criterion');
  const nullAs = optionalChoice(s.nullAs, ['missing', 'na'] as const, 'input.sipas.nullAs');
  const skipBadRows = optionalBoolean(s.skipBadRows, 'input.sipas.skipBadRows');
  let definition: SipasDefinition;
  if (typeof s.questions === 'string') {
    const name = optionalChoice(s.questions, SURVEY_BUILTINS, 'input.sipas.questions');
    definition = sipasBuiltin(name!);
  } else if (isBlobLike(s.questions)) {
    const file = nameOf(s.questions, 'questions');
    const r = await readBlob(s.questions, file, parseXlsx);
    if (r.format === 'json') definition = parseSurveyDefinition(r.json, { file });
    else definition = buildSurveyDefinition(r.format === 'csv' ? parseCsvTable(r.text, { file }) : parseXlsx!(r.bytes, 'questions', { file }).tables[0]);
  } else if (isPlainObject(s.questions) && Array.isArray((s.questions as { nodes?: unknown }).nodes)) definition = s.questions as unknown as SipasDefinition;
  else throw badArgument('input.sipas.questions', s.questions, 'sipas-files');
  if (!isBlobLike(s.responses)) throw badArgument('input.sipas.responses', s.responses, 'blob-input');
  const file = nameOf(s.responses, 'responses');
  const unitsOption = units as Table;
  const head = await bytesOf(s.responses, 8);
  const format = formatByContent(head);
  let result: SipasInput['result'];
  const opts = { units: unitsOption, file, ...(skipBadRows === undefined ? {} : { skipBadRows }) };
  if (format === 'csv') result = await scoreSipas(definition, chunksOf(s.responses), opts);
  else {
    const { tables } = await tablesOf(s.responses, file, 'responses', parseXlsx);
    result = await scoreSipas(definition, tables[0], opts);
  }
  return { result, criterion, ...(nullAs === undefined ? {} : { nullAs }) };
}

/**
 * Reads a round from files — browser `File`s or `Blob`s, each CSV, JSON or xlsx told from its
 * content — and checks it with {@link createRound}. A part may also be what `createRound` takes
 * (rows or tables). Workbooks need `parseXlsx` from `parindex/xlsx` as an option (the core stays
 * small). Every problem of every file is reported together in one {@link ParIndexError}; `safe(()
 * => readRound(…))` gives a promise of them instead.
 *
 * @example
 * import { parseXlsx } from 'parindex/xlsx';
 * const round = await readRound({ framework: files[0], units: files[1], evidence: [files[2], files[3]], survey: files[4] }, { parseXlsx });
 * score(round).units[0].name; // "Sở Tài chính"
 */
export async function readRound(files: RoundBlobs, options: ReadRoundOptions = {}): Promise<Round> {
  const given = checkKeys(files, ['framework', 'units', 'evidence', 'survey', 'sipas'], 'input', false);
  const o = checkKeys(options, ['decimalComma', 'parseXlsx'], 'options');
  const decimalComma = optionalBoolean(o.decimalComma, 'options.decimalComma');
  if (o.parseXlsx !== undefined && typeof o.parseXlsx !== 'function') throw badArgument('options.parseXlsx', o.parseXlsx, 'function');
  const parseXlsx = o.parseXlsx as XlsxParser | undefined;
  if (given.framework === undefined) throw missingInput('input.framework');
  if (given.units === undefined) throw missingInput('input.units');
  // Every file is read even when another failed, so every problem is reported at once.
  const issues: Issue[] = [];
  const attempt = async <T>(f: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await f();
    } catch (e) {
      if (!(e instanceof ParIndexError)) throw e;
      issues.push(...e.issues);
      return undefined;
    }
  };
  const one = async (v: unknown, what: string, kind: TableKind) => (isBlobLike(v) ? (await tablesOf(v, nameOf(v, what), kind, parseXlsx)).tables[0] : v);
  const [framework, units, evidence, survey] = await Promise.all([
    attempt(async () => (isBlobLike(given.framework) ? frameworkOf(given.framework, nameOf(given.framework, 'framework'), parseXlsx) : given.framework)),
    attempt(() => one(given.units, 'units', 'units')),
    attempt(async () => {
      const ev = given.evidence;
      const list = isBlobLike(ev) ? [ev] : Array.isArray(ev) && ev.some(isBlobLike) ? (ev as unknown[]) : undefined;
      if (!list) return ev;
      const tables = await Promise.all(list.map((x, i) => (isBlobLike(x) ? tablesOf(x, nameOf(x, `evidence[${i}]`), 'evidence', parseXlsx).then((t) => t.tables) : [x])));
      return tables.flat();
    }),
    attempt(() => one(given.survey, 'survey', 'survey')),
  ]);
  const sipas = given.sipas === undefined || units === undefined ? undefined : await attempt(() => sipasOf(given.sipas, units as RoundInput['units'], parseXlsx));
  if (framework === undefined || units === undefined) throw new ParIndexError(issues);
  const input = { framework, units, ...(evidence === undefined ? {} : { evidence }), ...(survey === undefined ? {} : { survey }), ...(sipas ? { sipas } : {}) } as RoundInput;
  // What the files that could be read hold is checked too, so a second run finds nothing new.
  const round = await attempt(async () => createRound(input, decimalComma === undefined ? {} : { decimalComma }));
  if (issues.length > 0 || round === undefined) throw new ParIndexError(issues);
  return round;
}
