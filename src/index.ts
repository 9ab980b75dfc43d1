/**
 * parindex — exact scoring, ranking and reporting for Vietnam's PAR INDEX (Chỉ số cải cách hành
 * chính) and SIPAS (Chỉ số hài lòng). A round is one object (`createRound`), scored by `score`;
 * results are plain data (`JSON.stringify(result)` is the documented JSON document) whose figures
 * are exact values. Paths and streams: `parindex/node`.
 *
 * @packageDocumentation
 * @module parindex
 */
export {
  createRound,
  Round,
  type RoundInput,
  type RoundOptions,
  type RoundUnit,
  type RoundCriterion,
  type FrameworkRow,
  type FrameworkDocument,
  type FrameworkSettings,
  type UnitRow,
  type EvidenceRow,
  type SurveyRow,
  type Rows,
  type CellValue,
  type SipasInput,
} from './api/round.js';
export { score, type ScoreOptions } from './api/score.js';
export { explain, sensitivity, compare, type ExplainOptions, type SensitivityOptions, type CompareOptions, type ResultFile } from './api/analysis.js';
export { resultFromJson } from './api/result-from-json.js';
export { renderText, renderCsv, renderHtml, type AnyResult, type RenderOptions, type TextOptions, type CsvOptions, type HtmlOptions } from './api/render.js';
export type { PublishedReportOptions } from './api/publish-options.js';
export type { ReportSource } from './report/results-model.js';
export { sipasBuiltin, createSipasDefinition, scoreSipas, type SipasDefinition, type SipasBuiltinName, type SipasQuestionRow, type SipasFormRow, type SipasResponses, type SipasOptions, type SipasResult } from './api/sipas.js';
export { parseCsv, type ParseCsvOptions, type Table } from './api/tables.js';
export { classifyInput, readRound, type BlobLike, type XlsxParser, type InputKind, type ClassifyOptions, type InputClassification, type RoundBlobs, type SipasBlobs, type ReadRoundOptions } from './api/files.js';
export { sample, type SampleTables, type SampleName } from './api/sample.js';
export { ParIndexError, safe, formatIssue, formatLocation, type Issue, type Location, type SafeResult, type FormatOptions } from './errors.js';
export type { Lang } from './i18n/lang.js';
export type { NumberStyle } from './i18n/number-style.js';
export type { CsvStyle } from './report/presentation.js';
export { Exact, type RoundingMode } from './numbers/exact.js';
export { frameworkJsonSchema } from './criteria/schemas.js';
export { VERSION } from './version.js';
export type { ScoreResult, UnitResult, Summary, AreaResult } from './scoring/score.js';
export type { ScoreResultJson, UnitJson, SummaryJson } from './scoring/result-json.js';
export type { Explanation, Gap, Neighbour, BandGap, AreaLoss, LeafLoss } from './analysis/explain.js';
export type { SensitivityResult, UnitSensitivity, LeagueSensitivity, SensitivityMode } from './analysis/sensitivity.js';
export type { Comparison, UnitComparison, LeagueComparison, PresenceStatus, AreaChange, AreasMissing } from './analysis/compare.js';
export type { HandoverReportOptions } from './api/handover-render.js';
export type { TieMode, Settings } from './criteria/settings.js';
export type { Rule, Method } from './criteria/framework.js';
export type { Band } from './criteria/bands.js';
export type { SipasUnitResult, SipasSettings } from './sipas/result.js';
export type { SipasNode, Aggregate } from './sipas/definition.js';
export type { ResultRecord } from './analysis/result-file.js';
export type { ResultArea } from './analysis/result-areas.js';
export type { TableRow } from './table/table.js';
