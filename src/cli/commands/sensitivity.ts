/**
 * `parindex sensitivity (score inputs) [--runs N] [--seed S] [--spread W] [--mode weights|appraisal]
 * [--revert P]`: how stable the ranks are when every leaf's weight is perturbed by up to ±W, or when
 * appraised cells revert to self values with probability P (seeded, reproducible).
 */
import { Option, type Command } from 'commander';
import { ParIndexError } from '../../errors.js';
import type { Exact } from '../../numbers/exact.js';
import { writeOutput } from '../../node/output.js';
import { sensitivityCsv, sensitivityJson, sensitivityText } from '../../report/sensitivity-output.js';
import { parseRevert, parseSpread, sensitivity, SENSITIVITY_MODES, type SensitivityMode } from '../../analysis/sensitivity.js';
import { ANALYSIS_FORMATS, csvOptionsOf, renderAnalysis } from '../analysis-render.js';
import { addOutputOptions, addRankOptions, addScoreInputOptions, checkOutputTarget, intOption, presentationOf, type ScoreCliOptions } from '../options.js';
import { UsageError } from '../run.js';
import { scoredRoundFromOptions } from './score.js';

/** CLI options of sensitivity. */
export interface SensitivityCliOptions extends ScoreCliOptions {
  /** --runs: perturbed runs. */
  runs?: number;
  /** --seed: seed of the generator. */
  seed?: number;
  /** --spread: half-width of the weight factor's range (weights mode). */
  spread?: Exact;
  /** --revert: probability that an appraised cell reverts to its self value (appraisal mode). */
  revert?: Exact;
  /** --mode: weights or appraisal. */
  mode?: SensitivityMode;
}

/**
 * A commander parser from a library option reader: its {@link ParIndexError} on a bad value becomes a
 * usage error (exit 2) naming the flag and the value, with the reader's problems (what is expected).
 */
function cliOption<T>(flag: string, read: (value: string) => T) {
  return (value: string): T => {
    try {
      return read(value);
    } catch (e) {
      if (!(e instanceof ParIndexError)) throw e;
      throw new UsageError('usage/bad-option-value', { flag, value }, e.issues);
    }
  };
}

/** Runs sensitivity with CLI options. */
export async function runSensitivity(o: SensitivityCliOptions): Promise<void> {
  const { round, result } = await scoredRoundFromOptions(o);
  const s = sensitivity(result, round.inputs, { runs: o.runs, seed: o.seed, mode: o.mode, spread: o.spread, revert: o.revert });
  const f = { decimals: result.settings.decimals, rounding: result.settings.rounding };
  const p = presentationOf(o);
  await writeOutput(o.out, renderAnalysis(o.format, { json: () => sensitivityJson(s, f), csv: () => sensitivityCsv(s, f, csvOptionsOf(o)), table: () => sensitivityText(s, f, p) }));
}

/** Registers sensitivity. */
export function registerSensitivity(program: Command): void {
  const cmd = program.command('sensitivity');
  addRankOptions(addOutputOptions(addScoreInputOptions(cmd), ANALYSIS_FORMATS));
  cmd.addOption(new Option('--runs <n>').argParser(intOption('--runs', 1, 1_000_000)));
  cmd.addOption(new Option('--seed <s>').argParser(intOption('--seed', 0, 4294967295)));
  cmd.addOption(new Option('--spread <w>').argParser(cliOption('--spread', parseSpread)));
  cmd.addOption(new Option('--mode <what>').choices([...SENSITIVITY_MODES]));
  cmd.addOption(new Option('--revert <p>').argParser(cliOption('--revert', parseRevert)));
  cmd.action((o: SensitivityCliOptions) => {
    checkOutputTarget(o);
    if (o.mode === 'appraisal' && o.spread !== undefined) throw new UsageError('usage/spread-needs-weights');
    if (o.mode !== 'appraisal' && o.revert !== undefined) throw new UsageError('usage/revert-needs-appraisal');
    return runSensitivity(o);
  });
}
