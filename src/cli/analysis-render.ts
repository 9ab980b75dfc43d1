/**
 * Format dispatch for the analyst commands (explain, sensitivity, compare): table (default), json
 * or csv, each command giving its three renderers.
 */

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
