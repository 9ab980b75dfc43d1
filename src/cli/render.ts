/**
 * Rendering a scored round in the requested format.
 */
import { scoreResultCsv } from '../report/results-csv.js';
import { scoreResultJson, type OutputFormat } from '../scoring/result-json.js';
import { scoreResultText } from '../report/results-table.js';
import type { ResultsWorkbookContext } from '../xlsx/results-workbook.js';
import type { ScoreResult } from '../scoring/score.js';
import type { SipasResult } from '../sipas/result.js';
import { surveyResultCsv } from '../report/sipas-csv.js';
import { surveyResultJsonText } from '../report/sipas-json.js';
import { surveyResultText } from '../report/sipas-table.js';

/** Formats `parindex score` and `demo` can write. */
export const SCORE_FORMATS = ['table', 'csv', 'json', 'xlsx', 'html'] as const;

/** What some formats need besides the result: CSV's BOM, and the round for the workbook's audit. */
export interface ScoreRenderContext {
  /** CSV: start with a UTF-8 BOM. */
  bom?: boolean;
  /** xlsx: the round's inputs, files and options (required for `xlsx`). */
  workbook?: ResultsWorkbookContext;
}

/** Renders a result as text or bytes in `format` (xlsx and html writers are loaded on demand). */
export async function renderScore(result: ScoreResult, format: string, f: OutputFormat, ctx: ScoreRenderContext = {}): Promise<string | Uint8Array> {
  switch (format) {
    case 'json':
      return JSON.stringify(scoreResultJson(result, f), null, 2) + '\n';
    case 'csv':
      return scoreResultCsv(result, { ...f, bom: ctx.bom });
    case 'html':
      return (await import('../report/results-html.js')).scoreResultHtml(result, f);
    case 'xlsx':
      if (!ctx.workbook) throw new Error('the xlsx results workbook needs the round inputs (ScoreRenderContext.workbook)');
      return (await import('../xlsx/results-workbook.js')).scoreResultWorkbook(result, ctx.workbook, f);
    default:
      return scoreResultText(result, f);
  }
}

/** Formats `parindex sipas` can write. */
export const SIPAS_FORMATS = ['table', 'csv', 'json'] as const;

/** Renders a SIPAS result as text or bytes in `format`. */
export async function renderSurvey(result: SipasResult, format: string, f: OutputFormat & { bom?: boolean }): Promise<string | Uint8Array> {
  switch (format) {
    case 'json':
      return surveyResultJsonText(result, f);
    case 'csv':
      return surveyResultCsv(result, f);
    default:
      return surveyResultText(result, f);
  }
}
