/**
 * `parindex template --framework F --units U --out evidence.xlsx`: the evidence workbook a council
 * fills in and feeds back to `parindex score --evidence` unchanged (see docs/spreadsheets.md).
 * `--kind survey` writes the survey results workbook instead, fed back to `--survey`. Both take
 * files or built-in names (`hanoi-2021`) for --framework and --units.
 */
import { Option, type Command } from 'commander';
import { checkOutputPath, writeOutput } from '../../node/output.js';
import { loadUnits } from '../../node/files.js';
import { loadFrameworkOrBuiltin } from '../../node/round.js';
import { requireOptions } from '../options.js';
import { UsageError } from '../run.js';

/** What `parindex template` writes: the evidence workbook (default) or the survey results workbook. */
export const TEMPLATE_KINDS = ['evidence', 'survey'] as const;
/** A kind of template. */
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** CLI options of `template`. */
export interface TemplateCliOptions {
  framework?: string;
  units?: string;
  out?: string;
  password?: string;
  kind?: TemplateKind;
}

/** Writes the evidence (or survey results) template as the options ask. */
export async function writeTemplate(o: TemplateCliOptions): Promise<void> {
  requireOptions(o as unknown as Record<string, unknown>, ['framework', 'units', 'out']);
  if (!/\.xlsx$/i.test(o.out!)) throw new UsageError('usage/out-not-xlsx', { out: o.out! });
  await checkOutputPath(o.out, [o.framework, o.units]);
  const framework = await loadFrameworkOrBuiltin(o.framework!);
  const units = await loadUnits(o.units!);
  if (o.kind === 'survey') {
    const { surveyTemplateBytes } = await import('../../xlsx/survey-template.js');
    await writeOutput(o.out, await surveyTemplateBytes(framework, units, { password: o.password }));
    return;
  }
  const { evidenceTemplateBytes } = await import('../../xlsx/evidence-template.js');
  await writeOutput(o.out, await evidenceTemplateBytes(framework, units, { password: o.password }));
}

/** Registers template. */
export function registerTemplate(program: Command): void {
  program
    .command('template')
    .description('write a workbook for councils to fill in: the evidence (a sheet per league) or, with --kind survey, the survey results; locked structure, validated input cells')
    .option('--framework <file>', 'criteria framework (.csv, .json, .xlsx) or a built-in name (hanoi-2021)')
    .option('--units <file>', 'units file (.csv, .json, .xlsx) or a built-in name (hanoi-2021)')
    .addOption(new Option('--kind <kind>', 'evidence: appraisal scores, a sheet per league; survey: survey results (unit, criterion, score)').choices([...TEMPLATE_KINDS]).default('evidence'))
    .option('--out <file>', 'the workbook to write (.xlsx)')
    .option('--password <password>', 'protect the sheets with a password (default: protected without one)')
    .action((o: TemplateCliOptions) => writeTemplate(o));
}
