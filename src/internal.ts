/**
 * Everything the engine has, for the benchmarks and the data generator only (built to
 * build/internal, never shipped or exported). The public API is src/index.ts.
 */
export { Exact, formatScaled, gcd, lcm, type RoundingMode } from './numbers/exact.js';
export { parseExact, parseScaledDecimal, readDecimal, isDecimalText, numberToDecimalText, type NumberTextOptions, type ScaledDecimal, type ReadDecimal } from './numbers/decimal-text.js';
export { ParIndexError, IssueList, formatIssue, formatLocation, safe, type Issue, type Location, type SafeResult } from './errors.js';

export { makeTable, columnLetter, type Table, type TableRow } from './table/table.js';
export { foldHeader, FIELDS, type FieldSpec } from './table/headers.js';
export { parseCsvTable, guessDelimiter } from './table/csv.js';
export { jsonRowsToTable, parseJsonText } from './table/json.js';
export { toCsv, neutralizeFormula, type CsvWriteOptions } from './report/csv-write.js';
export { loadFramework, loadUnits, loadTable, loadTables } from './node/files.js';
export { formatOf, type TableKind, type FileFormat } from './table/files.js';
export { loadRound, loadFrameworkOrBuiltin, type Round, type RoundFiles } from './node/round.js';
export { writeFileAtomic } from './node/output.js';
export { scoreResultJson, scoreResultJsonPieces, type ScoreResultJson, type OutputFormat } from './scoring/result-json.js';
export { scoreResultCsv, scoreResultRows } from './report/results-csv.js';
export { scoreResultText } from './report/results-table.js';
export { renderTextTable } from './report/text-table.js';

export { buildFramework, parseFramework, appliesTo, type Framework, type Criterion, type Rule, type Method } from './criteria/framework.js';
export { buildUnits, parseUnits, type Unit, type Units } from './criteria/units.js';
export { buildInputs, isWideEvidence, type RoundTables, type EvidenceRecord } from './criteria/evidence.js';
export { parseSettingsRecord, parseSettingsTable, resolveSettings, DEFAULT_SETTINGS, type Settings, type TieMode } from './criteria/settings.js';
export { parseKeyValues, type Tier, type LeafParams } from './criteria/params.js';
export { RULES, RULE_NAMES, DEFAULT_RULE, ruleOf, leafOutcome, parseTiers, type LeafRule, type RuleName, type LeafOutcome, type KernelForm } from './criteria/rules/index.js';
export { frameworkJsonSchema, FrameworkFileSchema, FrameworkRowSchema, UnitRowSchema, EvidenceRowSchema, SurveyRowSchema, SettingsSchema, METHODS } from './criteria/schemas.js';
export { hanoi2021Framework, hanoi2021Units, sampleTables, SAMPLES, type SampleName } from './data/sample.js';
export { sampleDir, samplePath } from './node/sample-files.js';

export { scoreMatrix, computeTotals, UnitResult, type ScoreOptions, type ScoreResult, type Summary, type AreaResult } from './scoring/score.js';
export { InputMatrix } from './criteria/inputs.js';
export { compilePlan, accumulateFast, accumulateExact, slotNumerator, slotValue, totalsDen, classFraction, classValue, ACC, type Totals, type Plan } from './scoring/kernel.js';
export { readCell, leafPoints, readYesNo, type CellInput } from './criteria/rules.js';
export { rankItems } from './order/ranking.js';
export { parseBands, orderBands, bandOf, type Band } from './criteria/bands.js';
export { unitLeafDetails, type LeafDetail, type LeafStatus } from './scoring/leaf-detail.js';
export { explainUnit, type Explanation, type ExplainOptions, type Gap, type Neighbour, type BandGap, type AreaLoss, type LeafLoss } from './analysis/explain.js';
export { sensitivity, parseSpread, parseRevert, SENSITIVITY_DEFAULTS, SENSITIVITY_MODES, type SensitivityMode, type SensitivityOptions, type SensitivityResult, type UnitSensitivity, type LeagueSensitivity } from './analysis/sensitivity.js';
export { weightPerturbation, appraisalPerturbation, drawWeightFactors, type Perturbation } from './analysis/perturbations.js';
export { mulberry32, UINT32_RANGE, type Prng } from './numbers/prng.js';
export { compareResults, type Comparison, type UnitComparison, type LeagueComparison, type PresenceStatus } from './analysis/compare.js';
export { parseResultJson, readResultTables, RESULT_FIELDS, type ResultFile, type ResultRecord } from './analysis/result-file.js';
export { loadResultFile } from './node/result-load.js';
export { explanationJson, explanationCsv, explanationText } from './report/explain-output.js';
export { sensitivityJson, sensitivityCsv, sensitivityText } from './report/sensitivity-output.js';
export { comparisonJson, comparisonCsv, comparisonText } from './report/compare-output.js';
export { readWorkbookTables, iterateWorkbookRows, type WorkbookTables, type WorkbookRow, type WorkbookRowOptions, type WorkbookReadOptions } from './node/xlsx-read.js';
export { xlsxCellValueText, exceljsCellText, isCellValueProblem, dateCellText, type CellValueProblem, type ExcelJSCellLike, type CellTextOptions } from './xlsx/cell-text.js';
export { chooseSheets, chooseSettingsSheet, sheetNameMatches, sheetKindOf, SHEET_NAMES, type SheetInfo, type SheetKind } from './xlsx/sheet-choice.js';
export { loadExcelJS, type ExcelJSModule } from './xlsx/load-exceljs.js';
export { evidenceTemplateBytes, inputHint, TEMPLATE_COLUMNS, TEMPLATE_SHEET_PREFIX, type TemplateOptions } from './xlsx/evidence-template.js';
export { scoreResultWorkbook, LEAGUE_LABELS, RESULT_SHEETS, type ResultsWorkbookContext } from './xlsx/results-workbook.js';
export { scoreResultHtml, escapeHtml, type HtmlReportOptions } from './report/results-html.js';
export { unitLeafAudit, areaSides, type LeafAudit, type AuditStatus, type SideInput, type AreaSides } from './scoring/leaf-audit.js';
export { VERSION } from './version.js';
export { scoreWithDecimal, RefDecimal, type ReferenceEvidenceRow, type ReferenceSurveyRow, type ReferenceUnitResult } from './testing/decimal-reference.js';

export { syntheticRound, SyntheticRound, shapeUnits, EVIDENCE_HEADER, SURVEY_HEADER, UNITS_HEADER, type SyntheticSpec, type SyntheticUnit } from './testing/round-gen.js';
export { writeSyntheticRound, writeCsvRows, type WrittenRound } from './testing/write-round.js';
export { writeSipasResponses, sipasResponseLines, sipasResponsesHeader, SIPAS_2017_COLUMNS, SIPAS_2017_OPTIONAL, type SipasResponsesOptions } from './testing/sipas-gen.js';
export { generateFrameworkRows, frameworkRowCells, quarterText, FRAMEWORK_HEADER, type FrameworkRowSpec, type FrameworkGenOptions } from './testing/framework-gen.js';
export { presetShape, mixedShape, PRESETS, type PresetName, type RoundShape, type UnitBlock } from './testing/presets.js';
export { SeededRandom } from './testing/random.js';

// SIPAS from raw survey forms (docs/spec.md §5).
export { buildSurveyDefinition, parseSurveyDefinition, surveyDefinitionRows, type SipasDefinition, type SipasNode, type Aggregate } from './sipas/definition.js';
export { QuestionRowSchema, SurveyDefinitionFileSchema, surveyDefinitionJsonSchema, type QuestionRow } from './sipas/schemas.js';
export { SURVEY_BUILTINS, isSurveyBuiltin, surveyBuiltin, surveyBuiltinCsv, type SurveyBuiltinName } from './sipas/builtins.js';
export { loadSurveyDefinition } from './node/sipas-load.js';
export { readAnswer, NO_ANSWER, BAD_ANSWER, SATISFIED_FROM } from './sipas/answers.js';
export { SurveyCounts, UnitCounts, ANSWER_CODES } from './sipas/counts.js';
export { FormIngest, type IngestOptions } from './sipas/ingest.js';
export { ResponsesTokenizer } from './sipas/tokenizer.js';
export { ingestWithCsvParse } from './node/sipas-csv-parse.js';
export { chunksOf, CHUNK_SIZE, type ResponsesSource, type ProgressCallback, type ChunkSource } from './sipas/source.js';
export { scoreSurveyTable, scoreSurveyCsv, countSurveyTable, countSurveyChunks, type SurveyOptions } from './sipas/score.js';
export { scoreSurvey, countSurveyResponses, type ResponsesReader } from './node/sipas-file.js';
export { surveyResultFromCounts, surveyShares, unitSurveyResult, POOLED_ID, DEFAULT_SURVEY_SETTINGS, type SipasResult, type SipasUnitResult, type SipasSettings } from './sipas/result.js';
export { surveyResultJson, surveyResultJsonText, stringifyOrdered, type SurveyResultJson, type SurveyUnitJson } from './report/sipas-json.js';
export { surveyResultCsv, surveyResultRows } from './report/sipas-csv.js';
export { surveyResultText } from './report/sipas-table.js';
export { addSipasScores, type SipasToParOptions, type SipasNullAs } from './api/sipas-into-par.js';
export { InputBytes } from './criteria/input-bytes.js';
export { writeAuditCsv } from './xlsx/audit-csv.js';
export { unitLabels } from './criteria/unit-labels.js';
