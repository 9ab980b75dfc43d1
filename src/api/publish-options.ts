/**
 * The options of the published results — `renderHtml` and `parindex/xlsx`'s `renderXlsx` — checked
 * once for both: title, last year's results, input files with their SHA-256, language and number
 * style; the league and group names come from the result's round (its units file).
 */
import { unitLabels } from '../criteria/unit-labels.js';
import { LANGS, type Lang } from '../i18n/lang.js';
import { NUMBER_STYLES, type NumberStyle } from '../i18n/number-style.js';
import type { ResultFile } from '../analysis/result-file.js';
import type { PublishOptions, ReportSource } from '../report/results-model.js';
import type { ScoreResult } from '../scoring/score.js';
import { resultFileOf } from './analysis.js';
import { badArgument, checkKeys, optionalChoice, optionalString } from './args.js';
import { roundParts } from './round.js';
import { resultRound } from './score.js';

/** Options every published report takes (HTML and the results workbook). */
export interface PublishedReportOptions {
  /** Title over the report, e.g. `"Chỉ số CCHC năm 2021"` (default "Chỉ số cải cách hành chính — kết quả"). */
  title?: string;
  /**
   * Last year's results — a result of `score()` or `resultFromJson()`, or a file read by
   * `loadResult()` (JSON, CSV or a results workbook): adds last year's index and rank and the
   * changes, units matched by id; a unit not in it is marked "mới" ("new").
   */
  previous?: ScoreResult | ResultFile;
  /** Input files named in the report (HTML footer, workbook settings sheet) with their SHA-256 (`parindex/node` computes them with `fileSources`). */
  sources?: readonly ReportSource[];
  /** Language of every label: `vi` (default) or `en`. */
  lang?: Lang;
  /** Numbers as `89.83` (`en`, default) or `89,83` (`vi`); HTML only (a workbook's cells are numbers, shown as Excel's locale says). */
  numberStyle?: NumberStyle;
}

/** The keys of {@link PublishedReportOptions}. */
export const PUBLISH_KEYS = ['title', 'previous', 'sources', 'lang', 'numberStyle'] as const;

function sourcesOf(v: unknown): ReportSource[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) throw badArgument('options.sources', v, 'object-keys', { list: '"name", "sha256"' });
  return v.map((x, i) => {
    const o = checkKeys(x, ['name', 'sha256'], `options.sources[${i}]`, false);
    const name = optionalString(o.name, `options.sources[${i}].name`);
    const sha256 = optionalString(o.sha256, `options.sources[${i}].sha256`);
    if (name === undefined) throw badArgument(`options.sources[${i}].name`, o.name, 'text');
    if (sha256 === undefined) throw badArgument(`options.sources[${i}].sha256`, o.sha256, 'text');
    return { name, sha256 };
  });
}

/** Checks the published-report options in `o` (already key-checked) and adds the round's league and group names. */
export function publishOptionsOf(result: ScoreResult, o: Record<string, unknown>): PublishOptions {
  const round = resultRound(result);
  return {
    title: optionalString(o.title, 'options.title'),
    previous: o.previous === undefined ? undefined : resultFileOf(o.previous as ScoreResult | ResultFile, 'options.previous'),
    sources: sourcesOf(o.sources),
    lang: optionalChoice(o.lang, LANGS, 'options.lang'),
    numberStyle: optionalChoice(o.numberStyle, NUMBER_STYLES, 'options.numberStyle'),
    labels: round ? unitLabels(roundParts(round).units) : undefined,
  };
}
