/**
 * The plain-row check that lets evidence and survey rows skip zod answers exactly as the schema
 * does: whenever it accepts a row, the schema accepts it with the same fields (and whenever the
 * schema refuses a row, the plain check does too, so the schema words every problem).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_ROW_PLAIN, EvidenceRowSchema, SURVEY_ROW_PLAIN, SurveyRowSchema } from '../src/criteria/schemas.js';

const cell = fc.oneof(fc.constant(''), fc.constant(' '), fc.string({ maxLength: 6 }), fc.constantFrom('NA', '1.5', '__proto__'));

describe('plain row checks agree with the schemas', () => {
  it.each([
    ['evidence', EvidenceRowSchema, EVIDENCE_ROW_PLAIN.nonEmpty, ['unit', 'criterion', 'self', 'appraised', 'evidence', 'note']],
    ['survey', SurveyRowSchema, SURVEY_ROW_PLAIN.nonEmpty, ['unit', 'criterion', 'score']],
  ] as const)('%s', (_, schema, nonEmpty, fields) => {
    fc.assert(
      fc.property(fc.tuple(...fields.map(() => cell)), (values) => {
        const record = Object.fromEntries(fields.map((f, i) => [f, values[i]]));
        const plain = (nonEmpty as readonly string[]).every((f) => record[f] !== '');
        const parsed = (schema as { safeParse(x: unknown): { success: boolean; data?: unknown } }).safeParse(record);
        expect(parsed.success).toBe(plain);
        if (plain) expect(parsed.data).toEqual(record);
      }),
      { numRuns: 500 },
    );
  });
});
