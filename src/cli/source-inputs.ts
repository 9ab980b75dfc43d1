/**
 * The input files a published report of `parindex score` names with their SHA-256 (the workbook's
 * settings sheet, the HTML report's footer), in order: hashed by the main thread, or by the audit
 * worker while the main thread reads the round (`parallel-audit.ts`).
 */
import type { InputPath } from '../node/file-hash.js';
import type { ScoreCliOptions } from './options.js';

/** The inputs of `o` whose hashes a report lists. */
export function sourceInputs(o: ScoreCliOptions & { previous?: string }): (InputPath | string | undefined)[] {
  return [
    { path: o.framework, kind: 'framework' as const },
    { path: o.units, kind: 'units' as const },
    ...(o.evidence ?? []).map((path) => ({ path, kind: 'evidence' as const })),
    { path: o.survey, kind: 'survey' as const },
    o.sipasQuestions,
    o.sipasResponses,
    o.previous,
  ];
}
