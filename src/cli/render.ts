/**
 * Rendering a scored round in the requested format, in the language and number style asked for
 * (`--lang`, `--number-style`; `--csv-style` for CSV).
 */
import type { UnitLabels } from '../criteria/unit-labels.js';
import { scoreResultCsv } from '../report/results-csv.js';
import { type OutputFormat, scoreResultJsonPieces } from '../scoring/result-json.js';
import { scoreResultText } from '../report/results-table.js';
import type { ResultsWorkbookContext } from '../xlsx/results-workbook.js';
import type { ScoreResult } from '../scoring/score.js';
import type { SipasResult } from '../sipas/result.js';
import { surveyResultCsv } from '../report/sipas-csv.js';
import { surveyResultJsonText } from '../report/sipas-json.js';
import { surveyResultText } from '../report/sipas-table.js';
import type { CsvStyle, Presentation } from '../report/presentation.js';
import type { PublishOptions } from '../report/results-model.js';

/** Formats `parindex score` and `demo` can write. */
export const SCORE_FORMATS = ['table', 'csv', 'json', 'xlsx', 'html'] as const;

/** What some formats need besides the result: language and number style, CSV's BOM and style, and the round for the workbook's audit. */
export interface ScoreRenderContext extends Presentation {
  /** CSV: start with a UTF-8 BOM. */
  bom?: boolean;
  /** CSV: `vi` writes `;` between cells and decimal commas. */
  csvStyle?: CsvStyle;
  /** xlsx: the round's inputs, files and options (required for `xlsx`). */
  workbook?: ResultsWorkbookContext;
  /** Text: league names (the units file's `rankGroupName`) to head each league's table. */
  labels?: UnitLabels;
  /** xlsx and html: title, last year's results, league and group names, input files with their SHA-256. */
  publish?: PublishOptions;
}

/** Renders a result as text or bytes in `format` (xlsx and html writers are loaded on demand). */
export async function renderScore(result: ScoreResult, format: string, f: OutputFormat, ctx: ScoreRenderContext = {}): Promise<string | Uint8Array> {
  switch (format) {
    case 'json':
      return [...scoreResultJsonPieces(result, f)].join('');
    case 'csv':
      return scoreResultCsv(result, { ...f, bom: ctx.bom, csvStyle: ctx.csvStyle, lang: ctx.lang, numberStyle: ctx.numberStyle });
    case 'html':
      return (await import('../report/results-html.js')).scoreResultHtml(result, f, { ...ctx.publish, lang: ctx.lang, numberStyle: ctx.numberStyle });
    case 'xlsx':
      if (!ctx.workbook) throw new Error('the xlsx results workbook needs the round inputs (ScoreRenderContext.workbook)');
      return (await import('../xlsx/results-workbook.js')).scoreResultWorkbook(result, { ...ctx.workbook, ...ctx.publish, lang: ctx.lang }, f);
    default:
      return scoreResultText(result, f, { lang: ctx.lang, numberStyle: ctx.numberStyle }, ctx.labels);
  }
}

/** Formats `parindex sipas` can write. */
export const SIPAS_FORMATS = ['table', 'csv', 'json', 'xlsx', 'html'] as const;

/** The SIPAS report's language, number style and title (HTML and xlsx). */
export interface SurveyReportOptions extends Presentation {
  /** Title of the HTML page and the workbook's page header. */
  title?: string;
}

/** Renders a SIPAS result as text or bytes in `format` (the xlsx and HTML writers loaded on demand). */
export async function renderSurvey(result: SipasResult, format: string, f: OutputFormat & { bom?: boolean; csvStyle?: CsvStyle }, report: SurveyReportOptions = {}): Promise<string | Uint8Array> {
  switch (format) {
    case 'html':
      return (await import('../report/sipas-html.js')).sipasResultHtml(result, f, report);
    case 'xlsx':
      return (await import('../xlsx/sipas-workbook.js')).sipasResultWorkbook(result, f, report);
    case 'json':
      return surveyResultJsonText(result, f);
    case 'csv':
      return surveyResultCsv(result, { ...f, lang: report.lang, numberStyle: report.numberStyle });
    default:
      return surveyResultText(result, f, { lang: report.lang, numberStyle: report.numberStyle });
  }
}
