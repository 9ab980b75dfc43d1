/**
 * `parindex compare OLD NEW`: two result files (json, csv or xlsx as `parindex score` writes them)
 * compared unit by unit and league by league.
 */
import type { Command } from 'commander';
import { comparisonCsv, comparisonJson, comparisonText } from '../../report/compare-output.js';
import { checkOutputPath, writeOutput } from '../../node/output.js';
import { loadResultFile } from '../../node/result-load.js';
import { ParIndexError, safe } from '../../errors.js';
import { compareResults } from '../../analysis/compare.js';
import { ANALYSIS_FORMATS, renderAnalysis } from '../analysis-render.js';
import { addOutputOptions, type ScoreCliOptions } from '../options.js';

/** CLI options of compare. */
export type CompareCliOptions = Pick<ScoreCliOptions, 'format' | 'out' | 'decimals' | 'rounding'>;

/** Runs compare: both files are read, and the problems of both are reported together. */
export async function runCompare(oldPath: string, newPath: string, o: CompareCliOptions): Promise<void> {
  await checkOutputPath(o.out, [oldPath, newPath]);
  const [a, b] = await Promise.all([safe(() => loadResultFile(oldPath)), safe(() => loadResultFile(newPath))]);
  if (!a.ok || !b.ok) throw new ParIndexError([...(a.ok ? [] : a.issues), ...(b.ok ? [] : b.issues)]);
  const c = compareResults(a.value, b.value);
  const f = { decimals: o.decimals ?? c.decimals, rounding: o.rounding ?? 'half-up' };
  await writeOutput(o.out, renderAnalysis(o.format, { json: () => comparisonJson(c, f), csv: () => comparisonCsv(c, f), table: () => comparisonText(c, f) }));
}

/** Registers compare. */
export function registerCompare(program: Command): void {
  const cmd = program.command('compare').description('compare two result files (json, csv or xlsx from parindex score): index and rank changes').argument('<old>', 'the earlier result file').argument('<new>', 'the later result file');
  addOutputOptions(cmd, ANALYSIS_FORMATS);
  cmd.action((oldPath: string, newPath: string, o: CompareCliOptions) => runCompare(oldPath, newPath, o));
}
