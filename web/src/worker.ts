/// <reference lib="webworker" />
/**
 * The page's scoring worker: reads the files (their bytes, transferred from the page), builds and checks the round,
 * scores it, explains units, runs the sensitivity analysis and the comparison, and renders the
 * downloads — all with the core, off the page's thread, so the page stays responsive and Cancel can
 * simply terminate it. Nothing is fetched and nothing is sent: the built-in sample is in the core.
 * The last scored result stays here; the page receives the ranking's rows and the charts, and the
 * HTML report when it asks for it.
 */
import {
  classifyInput,
  compare,
  createSipasDefinition,
  explain,
  type Issue,
  type Lang,
  ParIndexError,
  parseCsv,
  renderCsv,
  renderHtml,
  type Round,
  type RoundInput,
  type ResultFile,
  sample,
  safe,
  score,
  scoreSipas,
  type ScoreResult,
  type SipasResult,
  sensitivity,
  type Table,
  type Comparison,
} from '../../src/index.js';
import { csvRowSource } from '../../src/table/csv.js';
import { decodeUtf8 } from '../../src/table/files.js';
import type { RowSource } from '../../src/table/table.js';
import { publishedReport } from '../../src/report/results-model.js';
import { heatMap, rankedBarChart } from '../../src/report/svg-charts.js';
import { escapeHtml } from '../../src/report/html-escape.js';
import { styleNumber } from '../../src/i18n/number-style.js';
import { publishOptionsOf } from '../../src/api/publish-options.js';
import { fmt } from '../../src/scoring/result-json.js';
import { parseXlsx, renderTemplate, renderXlsx } from '../../src/xlsx/index.js';
import { binaryKind } from '../../src/table/files.js';
import { jsonRowsToTable, parseJsonText, plainJsonNumbers } from '../../src/table/json.js';
import { parseResultJson, readResultTables } from '../../src/analysis/result-file.js';
import { createRoundKeeping, roundParts } from '../../src/api/round.js';
import { unitLabels } from '../../src/criteria/unit-labels.js';
import { unitLeafAudit, type SideInput } from '../../src/scoring/leaf-audit.js';
import type { Classified, DownloadKind, FileData, FileKind, FromWorker, LeafSide, RankRow, ScoreRequest, Scored, ToWorker } from './protocol.js';

declare const self: DedicatedWorkerGlobalScope;

interface State {
  round: Round;
  result: ScoreResult;
  /** What the round was built from (the workbook's audit builds it again, with the evidence references). */
  input: RoundInput;
  partial: boolean;
  decimalComma: boolean;
  lang: Lang;
  previous?: ResultFile;
  comparison?: Comparison;
  sipas?: SipasResult;
}
let state: State | undefined;

function post(m: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(m, transfer);
}

/** The issues of a thrown error: a ParIndexError's located list, else one plain message. */
function issuesOf(e: unknown): Issue[] | undefined {
  return e instanceof ParIndexError ? e.issues.map((i) => ({ ...i })) : undefined;
}

const XLSX_KIND = { framework: 'criteria', units: 'units', evidence: 'evidence', survey: 'survey', questions: 'questions', responses: 'responses' } as const;

function isJson(f: FileData): boolean {
  return /\.json$/i.test(f.name) || (binaryKind(f.bytes) === undefined && /^\s*[[{]/.test(new TextDecoder().decode(f.bytes.subarray(0, 64)).replace(/^\uFEFF/, '')));
}

/**
 * A file as tables of a kind (a framework may come with its settings sheet or JSON settings). CSV
 * evidence and survey results are read lazily with their text kept (`csvRowSource`), as the CLI reads
 * them: `createRound` then reads clean files by the byte path, and any file with a problem by its
 * rows, which word every problem as always.
 */
function readTables(f: FileData, kind: Exclude<FileKind, 'previous' | 'ignore'>): { tables: RowSource[]; settings?: unknown } {
  if (binaryKind(f.bytes) === 'zip') {
    const r = parseXlsx(f.bytes, XLSX_KIND[kind], { file: f.name });
    return { tables: r.tables, settings: r.settings };
  }
  if (isJson(f)) {
    const doc = parseJsonText(new TextDecoder().decode(f.bytes), { file: f.name });
    if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
      const o = doc as Record<string, unknown>;
      const rows = kind === 'questions' && o.questions ? o.questions : o.criteria;
      return { tables: [jsonRowsToTable(rows, { file: f.name })], settings: o.settings === undefined ? undefined : plainJsonNumbers(o.settings) };
    }
    return { tables: [jsonRowsToTable(doc, { file: f.name })] };
  }
  if (kind === 'evidence' || kind === 'survey') return { tables: [csvRowSource(decodeUtf8(f.bytes, f.name), { file: f.name })] };
  return { tables: [parseCsv(f.bytes, { file: f.name })] };
}

/** Tables of every file of a kind; every file's problems are collected together. */
function tablesOf(files: ScoreRequest['files'], kind: Exclude<FileKind, 'previous' | 'ignore'>, issues: Issue[]): { tables: RowSource[]; settings?: unknown } {
  const out: RowSource[] = [];
  let settings: unknown;
  for (const f of files.filter((x) => x.kind === kind)) {
    try {
      const r = readTables(f, kind);
      out.push(...r.tables);
      settings ??= r.settings;
    } catch (e) {
      const list = issuesOf(e);
      if (!list) throw e;
      issues.push(...list);
    }
  }
  return { tables: out, settings };
}

/** Several survey tables with the same columns are one table; otherwise the first stands and the rest is a problem the core reports. */
function oneTable(tables: RowSource[]): RowSource | undefined {
  if (tables.length <= 1) return tables[0];
  const [first, ...rest] = tables;
  if (rest.every((t) => t.header.join('\u0000') === first.header.join('\u0000'))) return { ...withoutText(first), rows: tables.flatMap((t) => [...t.rows]) };
  return first;
}

/** A table without the CSV text kept for the byte path, so that its rows (possibly filtered) are what is read. */
function withoutText(t: RowSource): Table {
  const { text: _text, ...rest } = t;
  return { ...rest, rows: [...rest.rows] };
}

/** Drops the rows named by issues from tables of the given files; true when every issue named such a row. */
function dropRows(tables: RowSource[], issues: Issue[], files: Set<string>): { tables: Table[]; all: boolean } {
  const bad = new Set<string>();
  let all = true;
  for (const i of issues) {
    const t = tables.find((x) => x.file === i.file && (i.sheet === undefined || x.sheet === i.sheet));
    const header = t?.headerRow ?? 1;
    if (i.file === undefined || !files.has(i.file) || i.row === undefined || i.row <= header) all = false;
    else bad.add(`${i.file}\u0000${i.sheet ?? ''}\u0000${i.row}`);
  }
  return { all, tables: tables.map((t) => ({ ...withoutText(t), rows: [...t.rows].filter((r) => !bad.has(`${t.file}\u0000${t.sheet ?? ''}\u0000${r.row}`)) })) };
}

async function scoreRequest(rid: number, req: ScoreRequest): Promise<void> {
  const progress = (step: 'read' | 'check' | 'score' | 'sipas' | 'render', done: number, total: number) => post({ rid, t: 'progress', step, done, total });
  const issues: Issue[] = [];
  const builtin = sample('hanoi-2021');
  const readable = req.files.filter((f) => f.kind !== 'ignore' && f.kind !== 'previous');
  progress('read', 0, readable.length);
  const byKind = (kind: 'framework' | 'units' | 'evidence' | 'survey' | 'questions' | 'responses') => {
    const r = tablesOf(req.files, kind, issues);
    progress('read', Math.min(readable.length, issues.length + readable.filter((f) => f.kind === kind).length), readable.length);
    return r;
  };
  // Only evidence and survey results are read lazily: every other kind is read as tables.
  const fw = req.sources.framework === 'sample' ? { tables: [builtin.framework] } : (byKind('framework') as { tables: Table[]; settings?: unknown });
  const un = req.sources.units === 'sample' ? { tables: [builtin.units] } : (byKind('units') as { tables: Table[] });
  let evidence: RowSource[] = req.sources.evidence === 'sample' ? [builtin.evidence] : req.sources.evidence === 'files' ? byKind('evidence').tables : [];
  let survey: RowSource[] = req.sources.survey === 'sample' ? [builtin.survey] : req.sources.survey === 'files' ? byKind('survey').tables : [];
  const questions = byKind('questions').tables as Table[];
  const responses = req.files.filter((f) => f.kind === 'responses');
  progress('read', readable.length, readable.length);
  if (issues.length) return post({ rid, t: 'issues', issues, partialUnavailable: req.partial });

  // SIPAS forms: scored on their own; put into a survey criterion only when asked.
  let sipas: SipasResult | undefined;
  let sipasIssues: Issue[] | undefined;
  if (questions.length && responses.length) {
    progress('sipas', 0, 1);
    try {
      const definition = createSipasDefinition(questions[0]);
      const f = responses[0];
      const forms = binaryKind(f.bytes) === 'zip' ? parseXlsx(f.bytes, 'responses', { file: f.name }).tables[0] : f.bytes;
      sipas = await scoreSipas(definition, forms, { units: un.tables[0], file: f.name });
    } catch (e) {
      const list = issuesOf(e);
      if (!list) throw e;
      if (req.sipasCriterion) return post({ rid, t: 'issues', issues: list, partialUnavailable: true });
      sipasIssues = list;
    }
    progress('sipas', 1, 1);
  }

  progress('check', 0, 1);
  const framework = fw.settings ? { settings: fw.settings as Table, criteria: fw.tables[0] } : fw.tables[0];
  const droppable = new Set(req.files.filter((f) => f.kind === 'evidence' || f.kind === 'survey').map((f) => f.name));
  const dropped: Issue[] = [];
  let round: Round | undefined;
  let used: RoundInput | undefined;
  for (let attempt = 0; attempt < 5 && round === undefined; attempt++) {
    // A CSV file read lazily is taken by createRound as it is (its byte path); see `isCsvSource`.
    const input: RoundInput = { framework, units: un.tables[0], evidence: evidence.length ? (evidence as Table[]) : undefined, survey: oneTable(survey) as Table | undefined };
    if (sipas && req.sipasCriterion) input.sipas = { result: sipas, criterion: req.sipasCriterion };
    // Without the evidence references and notes (the ranking, explanations and reports show none;
    // the results workbook's audit does: `download` builds the round again with them).
    const r = safe(() => createRoundKeeping(input, { decimalComma: req.decimalComma }, false));
    if (r.ok) {
      round = r.value;
      used = input;
      break;
    }
    if (!req.partial) return post({ rid, t: 'issues', issues: r.issues.map((i) => ({ ...i })), partialUnavailable: false });
    const ev = dropRows(evidence, r.issues, droppable);
    const sv = dropRows(survey, r.issues, droppable);
    if (!ev.all || !sv.all) return post({ rid, t: 'issues', issues: r.issues.map((i) => ({ ...i })), partialUnavailable: true });
    evidence = ev.tables;
    survey = sv.tables;
    dropped.push(...r.issues.map((i) => ({ ...i })));
  }
  if (!round) return post({ rid, t: 'issues', issues: dropped, partialUnavailable: true });
  const checked = round;
  progress('check', 1, 1);

  progress('score', 0, 1);
  const scored = safe(() => score(checked, req.partial ? { missing: 'zero' } : {}));
  if (!scored.ok) return post({ rid, t: 'issues', issues: scored.issues.map((i) => ({ ...i })), partialUnavailable: req.partial });
  const result = scored.value;
  progress('score', 1, 1);

  progress('render', 0, 1);
  state = { round, result, input: used!, partial: req.partial, decimalComma: req.decimalComma, lang: req.lang, sipas };
  const parts = roundParts(round);
  const labels = unitLabels(parts.units);
  const leagues: [string, string][] = [...result.leagues.keys()].map((id) => [id, labels.leagues.get(id) ?? id]);
  const surveyCriteria: [string, string][] = round.criteria.filter((c) => c.isLeaf && c.method === 'survey').map((c) => [c.code, c.title]);
  const missingUnits = result.units.filter((u) => u.missing > 0);
  // The rows as the result's JSON writes them (same order, same texts), without the rest of it.
  const f = result.settings;
  const out: Scored = {
    units: result.units.map((u): RankRow => ({ unit: u.unit, name: u.name, rankGroup: u.rankGroup, index: fmt(u.index, f), selfIndex: fmt(u.selfIndex, f), rank: u.rank, band: u.band, missing: u.missing })),
    summaries: Object.fromEntries([...result.leagues].map(([id, l]) => [id, { count: l.count, mean: fmt(l.mean, f) }])),
    charts: result.units.length <= CHARTS_SHOWN_UNITS ? chartFigures(req.lang) : null,
    leagues,
    surveyCriteria,
    dropped,
    missing: { cells: missingUnits.reduce((n, u) => n + u.missing, 0), units: missingUnits.length },
    sipas: sipas ? { json: JSON.parse(JSON.stringify(sipas)), html: renderHtml(sipas, { lang: req.lang, numberStyle: req.lang }) } : undefined,
    sipasIssues,
  };
  progress('render', 1, 1);
  post({ rid, t: 'scored', scored: out });
}

/** Up to this many units the charts come with the ranking; above, when the clerk asks (a national round's heat map is ~20 MB of SVG). */
const CHARTS_SHOWN_UNITS = 2000;

function reportHtml(lang: Lang): string {
  if (!state) return '';
  return renderHtml(state.result, { lang, numberStyle: lang, previous: state.previous });
}

/**
 * The report's chart figures, as `renderHtml` writes them in its `section.charts` (per league a
 * ranked bar chart and a heat map, each in a `<figure>` with its caption), drawn from the same
 * report model without writing the rest of the report: the ranking view shows them, the whole
 * report is written only when the report tab or a download asks for it.
 */
function chartFigures(lang: Lang): string[] {
  if (!state) return [];
  const report = publishedReport(state.result, state.result.settings, publishOptionsOf(state.result, { lang, numberStyle: lang, previous: state.previous }));
  const w = report.words;
  const n = (t: string) => styleNumber(t, lang);
  return report.leagues.flatMap((league, i) => [
    `<figure><figcaption>${escapeHtml(w.charts.bars(league.label))}</figcaption>\n${rankedBarChart(league, w, n, `bars-${i + 1}`)}\n</figure>`,
    `<figure><figcaption>${escapeHtml(w.charts.heat(league.label))}</figcaption>\n${heatMap(league, w, n, `heat-${i + 1}`)}\n</figure>`,
  ]);
}

function sideText(s: SideInput): string | null {
  return s.state === 'value' ? s.value.toString() : s.state === 'na' ? 'NA' : null;
}

function explainUnit(rid: number, unit: string): void {
  if (!state) throw new Error('no result');
  const { result, round } = state;
  const e = explain(result, unit, { top: 0 });
  const parts = roundParts(round);
  const u = parts.inputs.units.findIndex((x) => x.id === unit);
  const d = result.settings.decimals;
  const r = result.settings.rounding;
  const leaves: LeafSide[] = unitLeafAudit(parts.framework, parts.inputs, u).map((a) => ({
    code: a.criterion.code,
    title: a.criterion.title,
    area: a.criterion.code.split('.')[0],
    self: sideText(a.self),
    appraised: sideText(a.appraised),
    status: a.status,
    points: a.points.toFixed(d, r),
    max: a.max.toFixed(d, r),
    lost: a.max.sub(a.points).toFixed(d, r),
  }));
  post({ rid, t: 'explained', json: JSON.parse(JSON.stringify(e)), leaves });
}

function readPrevious(f: FileData): ResultFile {
  if (isJson(f)) return parseResultJson(parseJsonText(new TextDecoder().decode(f.bytes), { file: f.name }), { file: f.name });
  return readResultTables([parseCsv(f.bytes, { file: f.name })]);
}

async function download(rid: number, what: DownloadKind, lang: Lang): Promise<void> {
  if (!state) throw new Error('no result');
  const { result, round } = state;
  const text = (s: string) => new TextEncoder().encode(s);
  let file: { name: string; mime: string; bytes: Uint8Array };
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  switch (what) {
    case 'xlsx': {
      // The audit sheet names each input's evidence reference and note: the round again, with them.
      const full = score(createRoundKeeping(state.input, { decimalComma: state.decimalComma }, true), state.partial ? { missing: 'zero' } : {});
      file = { name: 'ket-qua.xlsx', mime: XLSX, bytes: await renderXlsx(full, { lang, previous: state.previous }) };
      break;
    }
    case 'html':
      file = { name: 'ket-qua.html', mime: 'text/html;charset=utf-8', bytes: text(reportHtml(lang)) };
      break;
    case 'csv':
      file = { name: 'ket-qua.csv', mime: 'text/csv;charset=utf-8', bytes: text(renderCsv(result, { lang, csvStyle: lang, bom: true })) };
      break;
    case 'json':
      file = { name: 'ket-qua.json', mime: 'application/json', bytes: text(`${JSON.stringify(result, null, 2)}\n`) };
      break;
    case 'template':
      file = { name: 'mau-nhap-diem.xlsx', mime: XLSX, bytes: await renderTemplate(round) };
      break;
    case 'survey-template':
      file = { name: 'mau-ket-qua-dieu-tra.xlsx', mime: XLSX, bytes: await renderTemplate(round, { kind: 'survey' }) };
      break;
    case 'compare-html':
      if (!state.comparison) throw new Error('no comparison');
      file = { name: 'so-sanh.html', mime: 'text/html;charset=utf-8', bytes: text(renderHtml(state.comparison, { lang, numberStyle: lang })) };
      break;
    case 'sipas-html':
      if (!state.sipas) throw new Error('no SIPAS result');
      file = { name: 'sipas.html', mime: 'text/html;charset=utf-8', bytes: text(renderHtml(state.sipas, { lang, numberStyle: lang })) };
      break;
  }
  post({ rid, t: 'file', ...file }, [file.bytes.buffer as ArrayBuffer]);
}

async function handle(m: ToWorker): Promise<void> {
  switch (m.t) {
    case 'classify': {
      // The core's classifier: by content (header, sheets, JSON shape, SIPAS answers), never by name.
      const items: Classified[] = [];
      for (const f of m.files) {
        const c = await classifyInput(f.bytes, { name: f.name, parseXlsx });
        const kind: FileKind = c.kind === 'sipas-questions' ? 'questions' : c.kind === 'sipas-responses' ? 'responses' : c.kind === 'ambiguous' || c.kind === 'unknown' ? 'ignore' : c.kind;
        items.push({ id: f.id, kind, format: c.format, candidates: c.candidates.map((k) => (k === 'sipas-questions' ? 'questions' : k === 'sipas-responses' ? 'responses' : k)), issue: c.issue ? { ...c.issue } : undefined });
      }
      return post({ rid: m.rid, t: 'classified', items });
    }
    case 'score':
      return scoreRequest(m.rid, m.req);
    case 'explain':
      return explainUnit(m.rid, m.unit);
    case 'sensitivity': {
      if (!state) throw new Error('no result');
      const s = sensitivity(state.result, { runs: m.runs, mode: m.mode });
      return post({ rid: m.rid, t: 'sensitivity', json: JSON.parse(JSON.stringify(s)) });
    }
    case 'compare': {
      if (!state) throw new Error('no result');
      const previous = readPrevious(m.file);
      const comparison = compare(previous, state.result, { top: 5 });
      state.previous = previous;
      state.comparison = comparison;
      return post({ rid: m.rid, t: 'compared', json: JSON.parse(JSON.stringify(comparison)), html: renderHtml(comparison, { lang: m.lang, numberStyle: m.lang }) });
    }
    case 'render':
      if (!state) return;
      state.lang = m.lang;
      return post({
        rid: m.rid,
        t: 'rendered',
        charts: m.charts ? chartFigures(m.lang) : undefined,
        html: m.report ? reportHtml(m.lang) : undefined,
        sipasHtml: state.sipas ? renderHtml(state.sipas, { lang: m.lang, numberStyle: m.lang }) : undefined,
      });
    case 'download':
      return download(m.rid, m.what, m.lang);
  }
}

self.onmessage = (ev: MessageEvent<ToWorker>) => {
  const m = ev.data;
  handle(m).catch((e: unknown) => {
    post({ rid: m.rid, t: 'failed', message: e instanceof Error ? e.message : String(e), issues: issuesOf(e) });
  });
};
