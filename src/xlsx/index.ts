/**
 * parindex/xlsx — spreadsheets: the results workbook and the evidence template as xlsx bytes
 * (exceljs, loaded only when one is written). A separate entry, so the core stays small.
 *
 * @packageDocumentation
 * @module parindex/xlsx
 */
import { checkKeys, optionalString } from '../api/args.js';
import { inputsOf } from '../api/analysis.js';
import { outputFormat, type RenderOptions } from '../api/render.js';
import { roundParts, type Round } from '../api/round.js';
import type { ScoreResult } from '../scoring/score.js';
import { evidenceTemplateBytes } from './evidence-template.js';
import { scoreResultWorkbook } from './results-workbook.js';

/**
 * The results workbook (xlsx bytes): a sheet per league in the published style, self-assessed vs
 * appraised, an audit of every input, and the settings of the run.
 */
export async function renderXlsx(result: ScoreResult, options: RenderOptions = {}): Promise<Uint8Array> {
  const inputs = inputsOf(result, 'the results workbook');
  const o = checkKeys(options, ['decimals', 'rounding'], 'options');
  return scoreResultWorkbook(result, { inputs }, outputFormat(result, o));
}

/** Options of {@link renderTemplate}. */
export interface TemplateOptions {
  /** Password of the sheet protection (default none: protection guards against slips only). */
  password?: string;
}

/**
 * The evidence template (xlsx bytes) for a round's framework and units: a sheet per league with the
 * criteria filled in and locked, input cells validated by rule. Filled in, it reads back as evidence.
 */
export async function renderTemplate(round: Round, options: TemplateOptions = {}): Promise<Uint8Array> {
  const parts = roundParts(round);
  const o = checkKeys(options, ['password'], 'options');
  return evidenceTemplateBytes(parts.framework, parts.units, { password: optionalString(o.password, 'options.password') });
}
