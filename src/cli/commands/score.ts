/**
 * `parindex score`, `parindex demo` and `parindex check` (score inputs).
 */
import type { Command } from 'commander';
import { samplePath } from '../../node/sample-files.js';
import { checkOutputPath, writeOutput } from '../../node/output.js';
import { missingReport, missingSummary } from '../../scoring/absent-inputs.js';
import { ParIndexError } from '../../errors.js';
import { loadRound, type Round, type RoundFiles } from '../../node/round.js';
import { scoreMatrix, type ScoreResult } from '../../scoring/score.js';
import { addBomOption, addOutputOptions, addRankOptions, addScoreInputOptions, checkOutputTarget, requireOptions, scoreOptionsOf, type ScoreCliOptions } from '../options.js';
import { renderScore, SCORE_FORMATS } from '../render.js';
import { applySipasOptions, checkSipasParOptions } from './sipas.js';

/** Loads and scores a round from CLI options, keeping the loaded round (explain and sensitivity need its inputs). */
export async function scoredRoundFromOptions(o: ScoreCliOptions): Promise<{ round: Round; result: ScoreResult }> {
  requireOptions(o as unknown as Record<string, unknown>, ['framework', 'units']);
  checkSipasParOptions(o);
  // After the usage checks, before any input is read; never over an input.
  await checkOutputPath(o.out, [o.framework, o.units, ...(o.evidence ?? []), o.survey, o.sipasQuestions, o.sipasResponses]);
  const files: RoundFiles = { framework: o.framework!, units: o.units!, evidence: o.evidence, survey: o.survey };
  const round = await loadRound(files, { decimalComma: o.decimalComma });
  await applySipasOptions(round, o);
  const missing = missingReport(round.inputs);
  if (missing.absent.length && !o.allowMissing) throw new ParIndexError(missing.absent);
  const result = scoreMatrix(round.framework, round.units, round.inputs, scoreOptionsOf(o));
  const summary = missingSummary(missing.cells);
  if (summary && !o.strict) process.stderr.write(`parindex: ${summary}\n`);
  return { round, result };
}

/** Scores and writes the result as the options ask. */
export async function writeScore(o: ScoreCliOptions): Promise<void> {
  checkOutputTarget(o);
  const { round, result } = await scoredRoundFromOptions(o);
  const f = { decimals: result.settings.decimals, rounding: result.settings.rounding };
  const workbook = { inputs: round.inputs, files: { framework: o.framework, units: o.units, evidence: o.evidence, survey: o.survey }, options: { strict: o.strict, decimalComma: o.decimalComma } };
  await writeOutput(o.out, await renderScore(result, o.format, f, { bom: o.bom, workbook }));
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
  const scoreCmd = program.command('score').description('score and rank a PAR INDEX round');
  addBomOption(addRankOptions(addOutputOptions(addScoreInputOptions(scoreCmd), SCORE_FORMATS)));
  scoreCmd.action((o: ScoreCliOptions) => writeScore(o));

  const demo = program.command('demo').description('score the embedded Hà Nội 2021-shaped sample: both leagues ranked');
  addBomOption(addRankOptions(addOutputOptions(demo, SCORE_FORMATS)));
  demo.action((o: ScoreCliOptions) => writeScore({ ...o, ...demoFiles() }));
}
