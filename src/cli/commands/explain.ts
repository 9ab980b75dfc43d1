/**
 * `parindex explain (score inputs) --unit ID`: one unit's index, rank and league, the exact gap to
 * the unit above and below and to each band, and where it lost points.
 */
import { explanationCsv, explanationJson, explanationText } from '../../report/explain-output.js';
import { writeOutput } from '../../node/output.js';
import { explainUnit } from '../../analysis/explain.js';
import { type Command, Option } from 'commander';
import { ANALYSIS_FORMATS, csvOptionsOf, renderAnalysis } from '../analysis-render.js';
import { addOutputOptions, addRankOptions, addScoreInputOptions, checkOutputTarget, intOption, presentationOf, requireOptions, type ScoreCliOptions } from '../options.js';
import { scoredRoundFromOptions } from './score.js';

/** CLI options of explain. */
export interface ExplainCliOptions extends ScoreCliOptions {
  /** --unit: id of the unit to explain. */
  unit?: string;
  /** --top: lost leaves to list (0 = all). */
  top?: number;
}

/** Runs explain with CLI options. */
export async function runExplain(o: ExplainCliOptions): Promise<void> {
  requireOptions(o as unknown as Record<string, unknown>, ['framework', 'units', 'unit']);
  checkOutputTarget(o);
  const { round, result } = await scoredRoundFromOptions(o);
  const e = explainUnit(result, round.inputs, o.unit!, { top: o.top, unitsFile: o.units });
  const f = { decimals: result.settings.decimals, rounding: result.settings.rounding };
  const p = presentationOf(o);
  await writeOutput(o.out, renderAnalysis(o.format, { json: () => explanationJson(e, f), csv: () => explanationCsv(e, f, csvOptionsOf(o)), table: () => explanationText(e, f, p) }));
}

/** Registers explain. */
export function registerExplain(program: Command): void {
  const cmd = program.command('explain');
  addRankOptions(addOutputOptions(addScoreInputOptions(cmd), ANALYSIS_FORMATS));
  cmd.addOption(new Option('--unit <id>'));
  cmd.addOption(new Option('--top <n>').argParser(intOption('--top', 0, 1_000_000)));
  cmd.action((o: ExplainCliOptions) => runExplain(o));
}
