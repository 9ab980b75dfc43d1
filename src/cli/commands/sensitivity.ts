/**
 * `parindex sensitivity (score inputs) [--runs N] [--seed S] [--spread W] [--mode weights|appraisal]
 * [--revert P]`: how stable the ranks are when every leaf's weight is perturbed by up to ±W, or when
 * appraised cells revert to self values with probability P (seeded, reproducible).
 */
import { Option, type Command } from 'commander';
import { parseExact } from '../../numbers/decimal-text.js';
import { Exact } from '../../numbers/exact.js';
import { writeOutput } from '../../io/output.js';
import { sensitivityCsv, sensitivityJson, sensitivityText } from '../../io/sensitivity-output.js';
import { sensitivity, SENSITIVITY_DEFAULTS, SENSITIVITY_MODES, type SensitivityMode } from '../../scoring/sensitivity.js';
import { ANALYSIS_FORMATS, renderAnalysis } from '../analysis-render.js';
import { addOutputOptions, addRankOptions, addScoreInputOptions, intOption, type ScoreCliOptions } from '../options.js';
import { UsageError } from '../run.js';
import { scoredRoundFromOptions } from './score.js';

/** CLI options of sensitivity. */
export interface SensitivityCliOptions extends ScoreCliOptions {
  runs?: number;
  seed?: number;
  spread?: Exact;
  revert?: Exact;
  mode?: SensitivityMode;
}

/** Parses --spread: a decimal from 0 up to (not including) 1. */
export function spreadOption(value: string): Exact {
  const w = parseExact(value);
  if (!w || w.sign() < 0 || w.cmp(Exact.ONE) >= 0) throw new UsageError(`--spread takes a decimal from 0 up to (not including) 1, such as 0.1, not "${value}"`);
  return w;
}

/** Parses --revert: a probability from 0 to 1. */
export function revertOption(value: string): Exact {
  const p = parseExact(value);
  if (!p || p.sign() < 0 || p.cmp(Exact.ONE) > 0) throw new UsageError(`--revert takes a probability from 0 to 1, such as 0.5, not "${value}"`);
  return p;
}

/** Runs sensitivity with CLI options. */
export async function runSensitivity(o: SensitivityCliOptions): Promise<void> {
  const { round, result } = await scoredRoundFromOptions(o);
  const s = sensitivity(result, round.inputs, { runs: o.runs, seed: o.seed, mode: o.mode, spread: o.spread, revert: o.revert });
  const f = { decimals: result.settings.decimals, rounding: result.settings.rounding };
  await writeOutput(o.out, renderAnalysis(o.format, { json: () => sensitivityJson(s, f), csv: () => sensitivityCsv(s, f), table: () => sensitivityText(s, f) }));
}

/** Registers sensitivity. */
export function registerSensitivity(program: Command): void {
  const cmd = program.command('sensitivity').description('rank stability when every criterion weight is perturbed (seeded, reproducible)');
  addRankOptions(addOutputOptions(addScoreInputOptions(cmd), ANALYSIS_FORMATS));
  cmd.option('--runs <n>', `perturbed runs (default ${SENSITIVITY_DEFAULTS.runs})`, intOption('--runs', 1, 1_000_000));
  cmd.option('--seed <s>', `seed of the generator (default ${SENSITIVITY_DEFAULTS.seed})`, intOption('--seed', 0, 4294967295));
  cmd.option('--spread <w>', `each weight × a uniform factor in [1 − w, 1 + w] (default ${SENSITIVITY_DEFAULTS.spread})`, spreadOption);
  cmd.addOption(new Option('--mode <what>', 'perturb criterion weights or the council appraisal (appraised cells revert to self values)').choices([...SENSITIVITY_MODES]));
  cmd.option('--revert <p>', `appraisal mode: probability that an appraised cell reverts to its self value (default ${SENSITIVITY_DEFAULTS.revert})`, revertOption);
  cmd.action((o: SensitivityCliOptions) => {
    if (o.mode === 'appraisal' && o.spread !== undefined) throw new UsageError('--spread applies to --mode weights; use --revert with --mode appraisal');
    if (o.mode !== 'appraisal' && o.revert !== undefined) throw new UsageError('--revert applies to --mode appraisal');
    return runSensitivity(o);
  });
}
