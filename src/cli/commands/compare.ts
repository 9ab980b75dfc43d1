/**
 * `parindex compare OLD NEW`: two result files (json, csv or xlsx as `parindex score` writes them)
 * compared unit by unit (index, rank and, when both printed them, area points) and league by league
 * (mean changes, rank movement, the largest movers); written as a table, JSON, CSV, an xlsx
 * workbook or an HTML page.
 */
import { type Command, Option } from 'commander';
import { compareResults } from '../../analysis/compare.js';
import { ParIndexError, safe } from '../../errors.js';
import { checkOutputPath, writeOutput } from '../../node/output.js';
import { loadResultFile } from '../../node/result-load.js';
import { comparisonCsv, comparisonJson, comparisonText } from '../../report/compare-output.js';
import { addBomOption, addOutputOptions, checkOutputTarget, checkReportOnly, intOption, type PresentationCliOptions, presentationOf, type ScoreCliOptions } from '../options.js';

/** Formats `parindex compare` writes. */
export const COMPARE_FORMATS = ['table', 'json', 'csv', 'xlsx', 'html'] as const;

/** CLI options of compare. */
export interface CompareCliOptions extends Pick<ScoreCliOptions, 'format' | 'out' | 'decimals' | 'rounding'>, PresentationCliOptions {
  /** --top: largest movers listed per league and direction (0 = all). */
  top?: number;
  /** --title: title of the HTML page and the workbook's page header. */
  title?: string;
  /** --bom: CSV starts with a UTF-8 BOM. */
  bom?: boolean;
  /** --decimal-comma: the CSV files' figures use a decimal comma (as --csv-style vi writes them). */
  decimalComma?: boolean;
}

/** Runs compare: both files are read, and the problems of both are reported together. */
export async function runCompare(oldPath: string, newPath: string, o: CompareCliOptions): Promise<void> {
  checkOutputTarget(o);
  checkReportOnly(o, [['--title', o.title]]);
  await checkOutputPath(o.out, [oldPath, newPath]);
  const read = { decimalComma: o.decimalComma };
  const [a, b] = await Promise.all([safe(() => loadResultFile(oldPath, read)), safe(() => loadResultFile(newPath, read))]);
  if (!a.ok || !b.ok) throw new ParIndexError([...(a.ok ? [] : a.issues), ...(b.ok ? [] : b.issues)]);
  const c = compareResults(a.value, b.value, { top: o.top });
  const f = { decimals: o.decimals ?? c.decimals, rounding: o.rounding ?? 'half-up' };
  const p = presentationOf(o);
  let out: string | Uint8Array;
  switch (o.format) {
    case 'json':
      out = `${JSON.stringify(comparisonJson(c, f), null, 2)}\n`;
      break;
    case 'csv':
      out = comparisonCsv(c, f, { ...p, csvStyle: o.csvStyle, bom: o.bom });
      break;
    case 'html':
      out = (await import('../../report/compare-html.js')).comparisonHtml(c, f, { ...p, title: o.title });
      break;
    case 'xlsx':
      out = await (await import('../../xlsx/compare-workbook.js')).comparisonWorkbook(c, f, { ...p, title: o.title });
      break;
    default:
      out = comparisonText(c, f, p);
  }
  await writeOutput(o.out, out);
}

/** Registers compare. */
export function registerCompare(program: Command): void {
  const cmd = program.command('compare').argument('<old>').argument('<new>');
  addBomOption(addOutputOptions(cmd, COMPARE_FORMATS));
  cmd.addOption(new Option('--top <n>').argParser(intOption('--top', 0, 1_000_000)));
  cmd.addOption(new Option('--title <text>'));
  cmd.addOption(new Option('--decimal-comma'));
  cmd.action((oldPath: string, newPath: string, o: CompareCliOptions) => runCompare(oldPath, newPath, o));
}
