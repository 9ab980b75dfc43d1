/**
 * `parindex sipas` (SIPAS from raw survey forms), `parindex sipas --print-definition NAME`, the
 * SIPAS inputs of `parindex check`, and the `--sipas-*` options that feed SIPAS into
 * `parindex score` (and explain, sensitivity) as the survey score of one criterion.
 */
import { stat } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { TIE_MODES } from '../../criteria/schemas.js';
import type { TieMode } from '../../criteria/settings.js';
import { loadUnits } from '../../node/files.js';
import { checkOutputPath, writeOutput } from '../../node/output.js';
import type { Round } from '../../node/round.js';
import type { RoundingMode } from '../../numbers/exact.js';
import { isSurveyBuiltin, SURVEY_BUILTINS, surveyBuiltinCsv } from '../../sipas/builtins.js';
import { loadSurveyDefinition } from '../../node/sipas-load.js';
import { addSipasScores, type SipasNullAs } from '../../api/sipas-into-par.js';
import { countSurveyResponses, scoreSurvey, type SurveyFileOptions as SurveyOptions } from '../../node/sipas-file.js';
import { cliWords } from '../../i18n/labels/cli.js';
import type { Lang } from '../../i18n/lang.js';
import { startByteProgress } from '../byte-progress.js';
import { addBomOption, addOutputOptions, checkOutputTarget, checkReportOnly, type PresentationCliOptions, presentationOf } from '../options.js';
import { renderSurvey, SIPAS_FORMATS } from '../render.js';
import { UsageError } from '../run.js';

/** CLI option values of `parindex sipas`. */
export interface SipasCliOptions extends PresentationCliOptions {
  questions?: string;
  responses?: string;
  units?: string;
  format: string;
  out?: string;
  decimals?: number;
  rounding?: RoundingMode;
  ties?: TieMode;
  skipBadRows?: boolean;
  printDefinition?: string;
  reader?: 'tokenizer' | 'csv-parse';
  /** CSV output starts with a UTF-8 BOM. */
  bom?: boolean;
  /** --title: title of the HTML page and the workbook's page header. */
  title?: string;
}

/** CLI option values that feed SIPAS into a PAR round (`score`, `check`, `explain`, `sensitivity`). */
export interface SipasParCliOptions {
  /** The CLI's language (progress labels). */
  lang?: Lang;
  sipasQuestions?: string;
  sipasResponses?: string;
  sipasCriterion?: string;
  sipasNull?: SipasNullAs;
  sipasSkipBadRows?: boolean;
}

/** Adds the SIPAS inputs: --questions, --responses, --skip-bad-rows (--units comes with the command). */
export function addSipasInputOptions(cmd: Command): Command {
  return cmd
    .option('--questions <file|name>', `survey definition (.csv, .json, .xlsx) or a built-in (${SURVEY_BUILTINS.join(', ')})`)
    .option('--responses <file>', 'survey forms, one row per form (.csv streamed, .xlsx, .json)')
    .option('--skip-bad-rows', 'drop a form holding a bad value (counted in forms, invalid, skipped) instead of stopping');
}

/** Survey options with a progress bar on stderr (terminal only) for a path. */
async function withProgress<T>(path: string, run: (onProgress: SurveyOptions['onProgress']) => Promise<T>, lang: Lang | undefined): Promise<T> {
  let size: number | undefined;
  try {
    size = (await stat(path)).size;
  } catch {
    size = undefined; // a missing file is reported by the reader, with its location
  }
  const bar = await startByteProgress(path, size, lang);
  try {
    return await run((bytes, total) => bar.update(bytes, total));
  } finally {
    bar.stop();
  }
}

/** Scores SIPAS from CLI options and writes it. */
async function runSipas(o: SipasCliOptions): Promise<void> {
  checkOutputTarget(o);
  checkReportOnly(o, [['--title', o.title]]);
  if (o.printDefinition !== undefined) {
    if (!isSurveyBuiltin(o.printDefinition)) throw new UsageError('usage/print-definition-name', { names: SURVEY_BUILTINS.join(', '), value: o.printDefinition });
    if (o.format !== 'table' && o.format !== 'csv') throw new UsageError('usage/print-definition-format', { format: o.format });
    await writeOutput(o.out, surveyBuiltinCsv(o.printDefinition));
    return;
  }
  const missing = (['questions', 'responses'] as const).filter((k) => o[k] === undefined);
  if (missing.length) throw new UsageError('usage/missing-options', { options: missing.map((k) => `--${k}`).join(', ') });
  await checkOutputPath(o.out, [o.questions, o.responses, o.units]); // after the usage checks, before any input is read; never over an input
  const definition = await loadSurveyDefinition(o.questions!);
  const units = o.units ? await loadUnits(o.units) : undefined;
  const opts: SurveyOptions = { units, skipBadRows: o.skipBadRows, decimals: o.decimals, rounding: o.rounding, ties: o.ties, reader: o.reader };
  const result = await withProgress(o.responses!, (onProgress) => scoreSurvey(definition, o.responses!, { ...opts, onProgress }), o.lang);
  await writeOutput(o.out, await renderSurvey(result, o.format, { ...result.settings, bom: o.bom, csvStyle: o.csvStyle }, { ...presentationOf(o), title: o.title }));
}

/** `parindex check --questions … --responses … [--units …]`: reads everything; returns the summary line (counts). */
export async function checkSipasFromOptions(o: { questions?: string; responses?: string; units?: string; skipBadRows?: boolean; lang?: Lang }): Promise<string> {
  const w = cliWords[o.lang ?? 'vi'];
  if (o.questions === undefined) throw new UsageError('usage/missing-options', { options: '--questions' });
  const definition = await loadSurveyDefinition(o.questions);
  const units = o.units ? await loadUnits(o.units) : undefined;
  const required = definition.questions.filter((q) => !q.optional).length;
  let line = w.checkSurvey({ nodes: definition.nodes.length, questions: definition.questions.length, required });
  if (o.responses !== undefined) {
    const counts = await withProgress(o.responses, (onProgress) => countSurveyResponses(definition, o.responses!, { units, skipBadRows: o.skipBadRows, onProgress }), o.lang);
    const all = counts.pooled();
    const withForms = counts.units.filter((u) => u.forms > 0).length;
    line += w.checkForms(all.forms, withForms, all.valid, all.invalid, all.skipped);
    if (units) line += w.unitsWithoutForms(counts.units.length - withForms);
  }
  return line;
}

/**
 * Usage check of the `--sipas-*` options of score-like commands, done before any input is read:
 * the three go together, and --sipas-null / --sipas-skip-bad-rows only with them. Returns true when
 * SIPAS is to be fed into the round.
 */
export function checkSipasParOptions(o: SipasParCliOptions): boolean {
  const given = [o.sipasQuestions, o.sipasResponses, o.sipasCriterion].filter((x) => x !== undefined).length;
  if (given > 0 && given < 3) throw new UsageError('usage/sipas-together');
  if (given === 0 && (o.sipasNull !== undefined || o.sipasSkipBadRows)) throw new UsageError('usage/sipas-extras-alone');
  return given === 3;
}

/**
 * Feeds SIPAS into a loaded PAR round when the `--sipas-*` options are given: scores the survey
 * over the round's units and stores each unit's SIPAS index as the survey score of
 * `--sipas-criterion`. The three options go together (else a usage error).
 */
export async function applySipasOptions(round: Round, o: SipasParCliOptions): Promise<void> {
  if (!checkSipasParOptions(o)) return;
  const definition = await loadSurveyDefinition(o.sipasQuestions!);
  const result = await withProgress(o.sipasResponses!, (onProgress) => scoreSurvey(definition, o.sipasResponses!, { units: round.units, skipBadRows: o.sipasSkipBadRows, onProgress }), o.lang);
  addSipasScores(round.inputs, round.framework, round.units, result, o.sipasCriterion!, { nullAs: o.sipasNull, file: o.sipasResponses });
}

/** Registers `parindex sipas`. */
export function registerSipas(program: Command): void {
  const cmd = program.command('sipas').description('SIPAS satisfaction indices from raw survey forms, ranked per league');
  addSipasInputOptions(cmd)
    .option('--units <file>', 'units file: only its units are accepted, leagues come from its rankGroup')
    .addOption(new Option('--ties <mode>', 'tie handling').choices([...TIE_MODES]))
    .option('--print-definition <name>', `write a built-in definition (${SURVEY_BUILTINS.join(', ')}) as CSV to adapt`)
    .addOption(new Option('--reader <reader>', 'CSV reader').choices(['tokenizer', 'csv-parse']).hideHelp());
  addBomOption(addOutputOptions(cmd, SIPAS_FORMATS));
  cmd.addOption(new Option('--title <text>'));
  cmd.action((o: SipasCliOptions) => runSipas(o));
}
