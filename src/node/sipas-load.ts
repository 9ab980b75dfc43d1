/**
 * Loading a survey definition by built-in name (`sipas-2017`, `sipas-2023`) or from a file:
 * CSV, JSON (`{"questions": [...]}` or an array) or xlsx (sheet `questions`). As for the round's
 * inputs, a bare name (no folder, no extension) that is not a built-in and not a file is
 * `unknown-builtin` with the nearest name, not "unknown file type".
 */
import { existsSync } from 'node:fs';
import { ParIndexError, problem } from '../errors.js';
import { isSurveyBuiltin, SURVEY_BUILTINS, surveyBuiltin } from '../sipas/builtins.js';
import { buildSurveyDefinition, type SipasDefinition } from '../sipas/definition.js';
import { nearestName } from '../text/nearest.js';
import { loadTable } from './files.js';
import { looksLikePath } from './sample-files.js';

/** Loads a built-in survey definition by name, or a definition file (.csv, .json, .xlsx). */
export async function loadSurveyDefinition(nameOrPath: string): Promise<SipasDefinition> {
  if (isSurveyBuiltin(nameOrPath)) return surveyBuiltin(nameOrPath);
  if (!looksLikePath(nameOrPath) && !existsSync(nameOrPath)) {
    const suggestion = nearestName(nameOrPath, SURVEY_BUILTINS) ?? '';
    throw new ParIndexError({ file: nameOrPath, ...problem('unknown-builtin', { name: nameOrPath, suggestion, names: SURVEY_BUILTINS.join(', ') }), value: nameOrPath, ...(suggestion ? { suggestion } : {}) });
  }
  return buildSurveyDefinition(await loadTable(nameOrPath, 'questions'));
}
