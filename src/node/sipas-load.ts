/**
 * Loading a survey definition by built-in name (`sipas-2017`, `sipas-2023`) or from a file:
 * CSV, JSON (`{"questions": [...]}` or an array) or xlsx (sheet `questions`).
 */
import { loadTable } from './files.js';
import { isSurveyBuiltin, surveyBuiltin } from '../sipas/builtins.js';
import { buildSurveyDefinition, type SipasDefinition } from '../sipas/definition.js';

/** Loads a built-in survey definition by name, or a definition file (.csv, .json, .xlsx). */
export async function loadSurveyDefinition(nameOrPath: string): Promise<SipasDefinition> {
  if (isSurveyBuiltin(nameOrPath)) return surveyBuiltin(nameOrPath);
  return buildSurveyDefinition(await loadTable(nameOrPath, 'questions'));
}
