/**
 * `parindex score`, `parindex demo` and `parindex check` (score inputs).
 */
import { type Command, Option } from 'commander';
import { unitLabels } from '../../criteria/unit-labels.js';
import { fileSources } from '../../node/file-hash.js';
import { loadResultFile } from '../../node/result-load.js';
import type { ResultFile } from '../../analysis/result-file.js';
import { samplePath } from '../../node/sample-files.js';
import { checkOutputPath, writeOutput } from '../../node/output.js';
import { missingReport } from '../../scoring/absent-inputs.js';
import { cliWords } from '../../i18n/labels/cli.js';
import type { Lang } from '../../i18n/lang.js';
import { ParIndexError } from '../../errors.js';
import { loadRound, type Round, type RoundFiles } from '../../node/round.js';
import { scoreMatrix, type ScoreResult } from '../../scoring/score.js';
import { addBomOption, addOutputOptions, addRankOptions, addScoreInputOptions, checkOutputTarget, checkReportOnly, presentationOf, REPORT_FORMATS, requireOptions, scoreOptionsOf, type ScoreCliOptions } from '../options.js';
import { renderScore, SCORE_FORMATS } from '../render.js';
import { applySipasOptions, checkSipasParOptions } from './sipas.js';

/** Loads and scores a round from CLI options, keeping the loaded round (explain and sensitivity need its inputs). */
export async function scoredRoundFromOptions(o: ScoreCliOptions, beforeInputs?: () => Promise<void>, keep: { sources?: boolean } = {}): Promise<{ round: Round; result: ScoreResult }> {
  requireOptions(o as unknown as Record<string, unknown>, ['framework', 'units']);
  checkSipasParOptions(o);
  // After the usage checks, before any input is read; never over an input.
  await checkOutputPath(o.out, [o.framework, o.units, ...(o.evidence ?? []), o.survey, o.sipasQuestions, o.sipasResponses, (o as PublishCliOptions).previous]);
  await beforeInputs?.();
  const files: RoundFiles = { framework: o.framework!, units: o.units!, evidence: o.evidence, survey: o.survey };
  const round = await loadRound(files, { decimalComma: o.decimalComma, sources: keep.sources });
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
}

/** Formats that take --title and --previous. */

/** Adds --title and --previous (their words are in src/i18n/labels/cli-help.ts). */
function addPublishOptions(cmd: Command): Command {
  return cmd.addOption(new Option('--title <text>')).addOption(new Option('--previous <file>'));
}

/** Scores and writes the result as the options ask. */
export async function writeScore(o: ScoreCliOptions & PublishCliOptions): Promise<void> {
  checkOutputTarget(o);
  checkReportOnly(o, [
    ['--title', o.title],
    ['--previous', o.previous],
  ]);
  let previous: ResultFile | undefined;
  const { round, result } = await scoredRoundFromOptions(
    o,
    async () => {
      // --decimal-comma reads last year's CSV as it reads this year's inputs (a --csv-style vi file).
      if (o.previous) previous = await loadResultFile(o.previous, { decimalComma: o.decimalComma });
      // Only the workbook's audit sheet shows each cell's evidence reference: other formats do not keep them.
    },
    { sources: o.format === 'xlsx' },
  );
  const f = { decimals: result.settings.decimals, rounding: result.settings.rounding };
  const files = { framework: o.framework, units: o.units, evidence: o.evidence, survey: o.survey, previous: o.previous };
  const workbook = { inputs: round.inputs, files, options: { strict: o.strict, decimalComma: o.decimalComma } };
  const publish = REPORT_FORMATS.includes(o.format)
    ? {
        title: o.title,
        previous,
        labels: unitLabels(round.units),
        sources: await fileSources([
          { path: o.framework, kind: 'framework' as const },
          { path: o.units, kind: 'units' as const },
          ...(o.evidence ?? []).map((path) => ({ path, kind: 'evidence' as const })),
          { path: o.survey, kind: 'survey' as const },
          o.sipasQuestions,
          o.sipasResponses,
          o.previous,
        ]),
      }
    : undefined;
  await writeOutput(o.out, await renderScore(result, o.format, f, { ...presentationOf(o), bom: o.bom, csvStyle: o.csvStyle, workbook, publish, labels: unitLabels(round.units) }));
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
