/**
 * Format dispatch for the analyst commands (explain, sensitivity, compare): table (default), json
 * or csv, each command giving its three renderers; and the CSV options every command takes from
 * its flags (`--bom`, `--csv-style`, `--number-style`, `--lang`).
 */
import type { CsvOutputOptions } from '../report/csv-write.js';
import type { PresentationCliOptions } from './options.js';

/** Formats the analyst commands write. */
export const ANALYSIS_FORMATS = ['table', 'json', 'csv'] as const;

/** The three renderings of one report. */
export interface AnalysisRenderers {
  /** The JSON document (stringified with 2-space indent). */
  json: () => unknown;
  /** CSV text. */
  csv: () => string;
  /** Terminal text. */
  table: () => string;
}

/** Renders a report in `format` (anything but json/csv is the table). */
export function renderAnalysis(format: string, r: AnalysisRenderers): string {
  if (format === 'json') return JSON.stringify(r.json(), null, 2) + '\n';
  if (format === 'csv') return r.csv();
  return r.table();
}

/** The CSV options of a command's flags: language, number style, CSV style and BOM. */
export function csvOptionsOf(o: PresentationCliOptions & { bom?: boolean }): CsvOutputOptions {
  return { lang: o.lang ?? 'vi', numberStyle: o.numberStyle, csvStyle: o.csvStyle, bom: o.bom };
}
