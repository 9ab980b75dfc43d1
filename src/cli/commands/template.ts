/**
 * `parindex template --framework F --units U --out evidence.xlsx`: the evidence workbook a council
 * fills in and feeds back to `parindex score --evidence` unchanged (see docs/spreadsheets.md).
 */
import type { Command } from 'commander';
import { checkOutputPath, writeOutput } from '../../node/output.js';
import { loadFrameworkOrBuiltin } from '../../node/round.js';
import { loadUnits } from '../../node/files.js';
import { requireOptions } from '../options.js';
import { UsageError } from '../run.js';

/** CLI options of `template`. */
export interface TemplateCliOptions {
  framework?: string;
  units?: string;
  out?: string;
  password?: string;
}

/** Writes the evidence template as the options ask. */
export async function writeTemplate(o: TemplateCliOptions): Promise<void> {
  requireOptions(o as unknown as Record<string, unknown>, ['framework', 'units', 'out']);
  if (!/\.xlsx$/i.test(o.out!)) throw new UsageError(`--out must name an .xlsx file, not "${o.out}"`);
  await checkOutputPath(o.out, [o.framework, o.units]);
  const framework = await loadFrameworkOrBuiltin(o.framework!);
  const units = await loadUnits(o.units!);
  const { evidenceTemplateBytes } = await import('../../xlsx/evidence-template.js');
  await writeOutput(o.out, await evidenceTemplateBytes(framework, units, { password: o.password }));
}

/** Registers template. */
export function registerTemplate(program: Command): void {
  program
    .command('template')
    .description('write an evidence workbook for councils: a sheet per league, locked structure, validated input cells')
    .option('--framework <file>', 'criteria framework (.csv, .json, .xlsx) or a built-in name (hanoi-2021)')
    .option('--units <file>', 'units file (.csv, .json, .xlsx)')
    .option('--out <file>', 'the workbook to write (.xlsx)')
    .option('--password <password>', 'protect the sheets with a password (default: protected without one)')
    .action((o: TemplateCliOptions) => writeTemplate(o));
}
