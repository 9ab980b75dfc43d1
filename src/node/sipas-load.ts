/**
 * Loading a survey definition by built-in name (`sipas-2017`, `sipas-2023`) or from a file:
 * CSV, JSON (`{"questions": [...]}` or an array) or xlsx (sheet `questions`). As for the round's
 * inputs, a bare name (no folder, no extension) that is not a built-in and not a file is
 * `unknown-builtin` with the nearest name, not "unknown file type".
 */
import { existsSync } from 'node:fs';
import { isSurveyBuiltin, SURVEY_BUILTINS, surveyBuiltin } from '../sipas/builtins.js';
import { buildSurveyDefinition, type SipasDefinition } from '../sipas/definition.js';
import { loadTable } from './files.js';
import { looksLikePath, unknownBuiltin } from './sample-files.js';

/** Loads a built-in survey definition by name, or a definition file (.csv, .json, .xlsx). */
export async function loadSurveyDefinition(nameOrPath: string): Promise<SipasDefinition> {
  if (isSurveyBuiltin(nameOrPath)) return surveyBuiltin(nameOrPath);
  if (!looksLikePath(nameOrPath) && !existsSync(nameOrPath)) throw unknownBuiltin(nameOrPath, SURVEY_BUILTINS);
  return buildSurveyDefinition(await loadTable(nameOrPath, 'questions'));
}
