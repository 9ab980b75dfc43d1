/**
 * `parindex score`, `parindex demo` and `parindex check` (score inputs).
 */
import { type Command, Option } from 'commander';
import { unitLabels } from '../../criteria/unit-labels.js';
import { fileSources } from '../../node/file-hash.js';
import { loadResultFile } from '../../node/result-load.js';
import type { ResultFile } from '../../analysis/result-file.js';
import { samplePath } from '../../node/sample-files.js';
import { basename } from 'node:path';
import { checkOutputPath, type StagedOutput, stageOutput, stdoutSink, writeOutput, writeOutputStreamed } from '../../node/output.js';
import { EXCEL_MAX_ROWS } from '../../xlsx/write.js';
import { auditRowCount, type ResultsWorkbookContext, writeScoreResultWorkbook } from '../../xlsx/results-workbook.js';
import { writeAuditCsv } from '../../xlsx/audit-csv.js';
import { type OutputFormat, scoreResultJsonChunks } from '../../scoring/result-json.js';
import { startWriteProgress } from '../write-progress.js';
import { roundShape } from '../audit-inputs.js';
import { type AuditInWorker, startAuditWorker } from '../parallel-audit.js';
import { sourceInputs } from '../source-inputs.js';
import { missingReport } from '../../scoring/absent-inputs.js';
import { cliWords } from '../../i18n/labels/cli.js';
import type { Lang } from '../../i18n/lang.js';
import { ParIndexError } from '../../errors.js';
import { loadRound, type Round, type RoundFiles } from '../../node/round.js';
import { scoreMatrix, type ScoreResult } from '../../scoring/score.js';
import { totalsOf } from '../../scoring/result-totals.js';
import {
  addAuditOption,
  addBomOption,
  addOutputOptions,
  addRankOptions,
  addScoreInputOptions,
  type AuditChoice,
  checkAuditOption,
  checkOutputTarget,
  checkReportOnly,
  presentationOf,
  REPORT_FORMATS,
  requireOptions,
  scoreOptionsOf,
  type ScoreCliOptions,
} from '../options.js';
import { renderScore, SCORE_FORMATS } from '../render.js';
import { applySipasOptions, checkSipasParOptions } from './sipas.js';

/** Loads and scores a round from CLI options, keeping the loaded round (explain and sensitivity need its inputs). */
export async function scoredRoundFromOptions(o: ScoreCliOptions, beforeInputs?: () => Promise<void>, keep: { sources?: boolean; shared?: boolean } = {}): Promise<{ round: Round; result: ScoreResult }> {
  requireOptions(o as unknown as Record<string, unknown>, ['framework', 'units']);
  checkSipasParOptions(o);
  // After the usage checks, before any input is read; never over an input.
  await checkOutputPath(o.out, [o.framework, o.units, ...(o.evidence ?? []), o.survey, o.sipasQuestions, o.sipasResponses, (o as PublishCliOptions).previous]);
  await beforeInputs?.();
  const files: RoundFiles = { framework: o.framework!, units: o.units!, evidence: o.evidence, survey: o.survey };
  const round = await loadRound(files, { decimalComma: o.decimalComma, sources: keep.sources, shared: keep.shared });
  await applySipasOptions(round, o);
  const missing = missingReport(round.inputs);
  if (missing.absent.length && !o.allowMissing) throw new ParIndexError(missing.absent);
  const result = scoreMatrix(round.framework, round.units, round.inputs, scoreOptionsOf(o));
  const summary = missingWarning(missing.cells, o.lang ?? 'vi');
  if (summary && !o.strict) process.stderr.write(`parindex: ${summary}\n`);
  return { round, result };
}

/** The warning for missing inputs scored 0: how many, in how many units, and the first few unit × criterion ('' when none). */
export function missingWarning(cells: readonly { unit: string; criterion: string }[], lang: Lang, show = 5): string {
  if (cells.length === 0) return '';
  const units = new Set(cells.map((c) => c.unit)).size;
  const list = cells
    .slice(0, show)
    .map((c) => `${c.unit} × ${c.criterion}`)
    .join(', ');
  return cliWords[lang].missingSummary(cells.length, units, list, cells.length > show);
}

/** Options of the published reports (`--format xlsx` and `html`). */
export interface PublishCliOptions {
  /** --title: the report's title. */
  title?: string;
  /** --previous: last year's result file (JSON, CSV or a results workbook). */
  previous?: string;
  /** --audit: where the workbook's audit goes (default by size). */
  audit?: AuditChoice;
}

/**
 * Rows an audit sheet may hold: Excel's limit less the header. Past it, `--format xlsx` writes the
 * audit as CSV unless `--audit` says otherwise (and `--audit sheet` continues it on further sheets).
 * Tests lower it to exercise that choice on a small round.
 */
export const auditLimits = { sheetRows: EXCEL_MAX_ROWS - 1 };

/** The audit CSV's path beside the workbook: `ketqua.xlsx` → `ketqua.audit.csv`. */
export function auditCsvPath(out: string): string {
  return `${out.replace(/\.xlsx$/i, '')}.audit.csv`;
}

/** Formats that take --title and --previous. */

/** Adds --title and --previous (their words are in src/i18n/labels/cli-help.ts). */
function addPublishOptions(cmd: Command): Command {
  return addAuditOption(cmd.addOption(new Option('--title <text>')).addOption(new Option('--previous <file>')));
}

/** Refuses an audit CSV path that is an input (or --out itself) or cannot be written. */
async function checkAuditPath(o: ScoreCliOptions & PublishCliOptions, auditFile: string): Promise<void> {
  await checkOutputPath(auditFile, [o.framework, o.units, ...(o.evidence ?? []), o.survey, o.sipasQuestions, o.sipasResponses, o.previous, o.out]);
}

/** Scores and writes the result as the options ask. */
export async function writeScore(o: ScoreCliOptions & PublishCliOptions): Promise<void> {
  checkAuditOption(o);
  checkOutputTarget(o, undefined, o.format === 'xlsx' && o.audit !== 'sheet' && o.audit !== 'none');
  checkReportOnly(o, [
    ['--title', o.title],
    ['--previous', o.previous],
  ]);
  const auditFile = o.format === 'xlsx' && o.out && o.audit !== 'sheet' && o.audit !== 'none' ? auditCsvPath(o.out) : undefined;
  // A national audit CSV is written by a worker, started now so that it loads while this thread reads
  // (parallel-audit.ts); stopped whenever its audit is not written.
  const worker = auditFile ? startAuditWorker({ options: o, lang: o.lang ?? 'vi', csvStyle: o.csvStyle, bom: o.bom }) : undefined;
  try {
    await scoreAndWrite(o, auditFile, worker);
  } finally {
    await worker?.stop();
  }
}

/** Scores and writes the result (`auditFile`: where the audit CSV goes, when it may; `worker`: writing it). */
async function scoreAndWrite(o: ScoreCliOptions & PublishCliOptions, auditFile: string | undefined, worker: AuditInWorker | undefined): Promise<void> {
  let previous: ResultFile | undefined;
  const { round, result } = await scoredRoundFromOptions(
    o,
    async () => {
      // --decimal-comma reads last year's CSV as it reads this year's inputs (a --csv-style vi file).
      if (o.previous) previous = await loadResultFile(o.previous, { decimalComma: o.decimalComma });
      // --audit csv writes beside --out: never over an input, nor where it cannot be (checked before
      // any input is read; by default the audit goes to a CSV only past Excel's rows, checked then).
      if (auditFile && o.audit === 'csv') await checkAuditPath(o, auditFile);
      // Only the workbook's audit sheet shows each cell's evidence reference: other formats do not keep them.
    },
    // The matrix in shared memory when a worker is to be sent it.
    { sources: o.format === 'xlsx', shared: worker !== undefined },
  );
  // The audit worker starts on the matrix this thread read while the workbook is made here (only
  // when its audit is to be written: else it is stopped, below).
  const toWorker = worker !== undefined && auditToCsv(o.audit, result);
  if (toWorker) worker.give(round.inputs, result);
  const f = { decimals: result.settings.decimals, rounding: result.settings.rounding };
  const files = { framework: o.framework, units: o.units, evidence: o.evidence, survey: o.survey, previous: o.previous };
  const workbook = { inputs: round.inputs, files, options: { strict: o.strict, decimalComma: o.decimalComma } };
  const publish = REPORT_FORMATS.includes(o.format)
    ? {
        title: o.title,
        previous,
        labels: unitLabels(round.units),
        // Hashed by the audit worker while this thread read, when it writes the audit.
        sources: (toWorker ? await worker?.sources() : undefined) ?? (await fileSources(sourceInputs(o))),
      }
    : undefined;
  if (o.format === 'xlsx') {
    await writeResultsWorkbook(o, result, round, { ...workbook, ...publish, lang: o.lang ?? 'vi' }, f, auditFile, worker);
    return;
  }
  if (o.format === 'json') {
    // Chunk by chunk, written as bytes from the result: a national result is never one object tree
    // nor one string in memory. The figures come from the totals the result was ranked from, not
    // from exact values made and kept for each unit by its getters.
    await writeOutputStreamed(o.out, async (sink) => {
      for (const chunk of scoreResultJsonChunks(result, f, undefined, totalsOf(result))) {
        sink.write(chunk);
        await sink.ready();
        // A turn of the event loop: the file takes this chunk (on another thread) while the next is written.
        await new Promise((resolve) => setImmediate(resolve));
      }
    });
    return;
  }
  await writeOutput(o.out, await renderScore(result, o.format, f, { ...presentationOf(o), bom: o.bom, csvStyle: o.csvStyle, workbook, publish, labels: unitLabels(round.units) }));
}

/** True when the audit goes to a CSV beside the workbook (where `--out` allows one): asked, or by default past one sheet's rows. */
function auditToCsv(audit: string | undefined, result: ScoreResult): boolean {
  return audit === 'csv' || (audit === undefined && pastOneSheet(auditRowCount(result)));
}

/** True when an audit of `rows` rows passes one sheet (by default, it then goes to a CSV). */
function pastOneSheet(rows: number): boolean {
  return rows > auditLimits.sheetRows;
}

/**
 * Writes the results workbook as it is built, to --out (atomically) or stdout, with a progress bar
 * on a terminal; its audit in the workbook, in a CSV beside it, or nowhere, as --audit says — by
 * default in the workbook when it fits one sheet, else in the CSV (said on stderr). Both files are
 * staged and renamed only once both are whole. A `worker` (parallel-audit.ts) writes the CSV while
 * the workbook is written; without one, the CSV is written here after the workbook.
 */
async function writeResultsWorkbook(o: ScoreCliOptions & PublishCliOptions, result: ScoreResult, round: Round, ctx: ResultsWorkbookContext, f: OutputFormat, auditFile: string | undefined, worker: AuditInWorker | undefined): Promise<void> {
  const lang = o.lang ?? 'vi';
  const limit = auditLimits.sheetRows;
  let audit = o.audit;
  if (audit === undefined) {
    const rows = auditRowCount(result);
    audit = pastOneSheet(rows) && auditFile ? 'csv' : 'sheet';
    if (audit === 'csv') {
      await checkAuditPath(o, auditFile!);
      process.stderr.write(`parindex: ${cliWords[lang].auditToCsv(rows, limit, auditFile!)}\n`);
    }
  }
  const csvFile = audit === 'csv' ? auditFile : undefined;
  if (!csvFile) await worker?.stop();
  const book = o.out ? await stageOutput(o.out) : stdoutSink();
  let csv: StagedOutput | undefined;
  try {
    // The worker writes its audit into the staged CSV itself, while the workbook is written here.
    let seen: [number, number] | undefined;
    let csvProgress = (done: number, total: number) => {
      seen = [done, total];
    };
    let fromWorker: Promise<void> | undefined;
    if (csvFile && worker) {
      csv = await stageOutput(csvFile);
      fromWorker = worker.writeTo(csv, roundShape(round.framework, round.units), (done, total) => csvProgress(done, total));
      fromWorker.catch(() => undefined); // awaited below; a failure meanwhile is not unhandled
    }
    const bar = await startWriteProgress(o.out ? basename(o.out) : 'xlsx', lang);
    try {
      const full = { ...ctx, audit: audit === 'sheet' ? ('sheet' as const) : ('none' as const), auditFile: csvFile ? basename(csvFile) : undefined, maxRowsPerSheet: limit, progress: bar.update };
      await writeScoreResultWorkbook(result, full, f, book);
    } finally {
      bar.stop();
    }
    if (csvFile) {
      csv ??= await stageOutput(csvFile);
      const sink = csv;
      const csvBar = await startWriteProgress(basename(csvFile), lang);
      try {
        if (fromWorker) {
          if (seen) csvBar.update(...seen);
          csvProgress = csvBar.update;
          await fromWorker;
        } else await writeAuditCsv(result, round.inputs, { lang, csvStyle: o.csvStyle, bom: o.bom, labels: ctx.labels, progress: csvBar.update }, { write: (t) => sink.write(t), ready: () => sink.ready() });
      } finally {
        csvBar.stop();
      }
      await csv.commit();
    }
    await book.commit();
  } catch (e) {
    // The worker may be writing into the staged CSV: stopped before the file is closed and removed.
    await worker?.stop();
    await csv?.abort();
    await book.abort();
    throw e;
  }
}

/** The demo's options: the embedded sample's files. */
export function demoFiles(): Pick<ScoreCliOptions, 'framework' | 'units' | 'evidence' | 'survey'> {
  return {
    framework: samplePath('framework.csv'),
    units: samplePath('units.csv'),
    evidence: [samplePath('evidence.csv')],
    survey: samplePath('survey.csv'),
  };
}

/** Registers score, demo and check. */
export function registerScore(program: Command): void {
  const scoreCmd = program.command('score');
  addPublishOptions(addBomOption(addRankOptions(addOutputOptions(addScoreInputOptions(scoreCmd), SCORE_FORMATS))));
  scoreCmd.action((o: ScoreCliOptions & PublishCliOptions) => writeScore(o));

  const demo = program.command('demo');
  addPublishOptions(addBomOption(addRankOptions(addOutputOptions(demo, SCORE_FORMATS))));
  demo.action((o: ScoreCliOptions & PublishCliOptions) => writeScore({ ...o, ...demoFiles() }));
}
