/**
 * SIPAS responses keep ignoring columns that are not questions, but a near miss of a question's
 * column (`q1_l`, `Q1-1` for `q1_1`) is an `unknown-column` error naming the question's column
 * (docs/sipas.md): such a column is a misspelling whose answers would otherwise go unread.
 */
import { describe, expect, it } from 'vitest';
import { ParIndexError, type Issue } from '../src/errors.js';
import { scoreSurvey } from '../src/node/sipas-file.js';
import { surveyBuiltin } from '../src/sipas/builtins.js';
import { scoreSurveyCsv, scoreSurveyTable } from '../src/sipas/score.js';
import { parseCsvTable } from '../src/table/csv.js';

const S2017 = surveyBuiltin('sipas-2017');
const S2023 = surveyBuiltin('sipas-2023');
const columns = (def: typeof S2017) => def.questions.map((q) => q.column!);

/** A responses file: the header (question columns replaced or added) and one form answering 4 everywhere. */
function file(def: typeof S2017, edit: (cols: string[]) => string[]): string {
  const header = edit(['form', 'unit', ...columns(def)]);
  const row = header.map((h) => (h === 'form' ? '1' : h === 'unit' ? 'u1' : '4'));
  return `${header.join(',')}\n${row.join(',')}\n`;
}

async function outcomes(def: typeof S2017, text: string): Promise<Issue[][]> {
  const runs = [async () => scoreSurveyCsv(def, text, { file: 'r.csv' }), async () => scoreSurvey(def, [Buffer.from(text)], { file: 'r.csv', reader: 'csv-parse' }), async () => scoreSurveyTable(def, parseCsvTable(text, { file: 'r.csv' }))];
  const out: Issue[][] = [];
  for (const run of runs) {
    try {
      await run();
      out.push([]);
    } catch (e) {
      if (!(e instanceof ParIndexError)) throw e;
      out.push(e.issues);
    }
  }
  return out;
}

const brief = (i: Issue) => [i.code, i.row, i.column, i.columnLetter, i.suggestion];

describe('near misses of question columns', () => {
  it('q1_l for a missing q1_1: the missing column and the near miss, naming it', async () => {
    for (const issues of await outcomes(
      S2017,
      file(S2017, (h) => h.map((c) => (c === 'q1_1' ? 'q1_l' : c))),
    )) {
      expect(issues.map(brief)).toEqual([
        ['missing-column', 1, undefined, undefined, undefined],
        ['unknown-column', 1, 'q1_l', 'C', 'q1_1'],
      ]);
      expect(issues[1].message).toMatch(/did you mean "q1_1"/);
    }
  });

  it('Q1-1 beside a present q1_1 is an error too (its answers would go unread)', async () => {
    for (const issues of await outcomes(
      S2017,
      file(S2017, (h) => [...h, 'Q1-1']),
    )) {
      expect(issues.map(brief)).toEqual([['unknown-column', 1, 'Q1-1', 'Y', 'q1_1']]);
    }
  });

  it('folding: case, -, _, . and spaces; one edit on longer names', async () => {
    for (const extra of ['q1.1', 'Q 1 1', 'q5_5', 'q51_']) {
      const [issues] = await outcomes(
        S2017,
        file(S2017, (h) => [...h, extra]),
      );
      expect(issues.map((i) => [i.code, i.column])).toEqual([['unknown-column', extra]]);
    }
    const [issues] = await outcomes(
      S2023,
      file(S2023, (h) => [...h, 'q34']),
    );
    expect(issues.map((i) => [i.code, i.column])).toEqual([['unknown-column', 'q34']]);
  });

  it('other columns are still ignored', async () => {
    const extras = ['note', 'ghi chú', 'gender', 'tuổi', 'age', 'stt', 'date', 'q', 'x1', 'email', 'q1_1_note'];
    for (const issues of await outcomes(
      S2017,
      file(S2017, (h) => [...h, ...extras]),
    ))
      expect(issues).toEqual([]);
    // Short question columns (q1 … q9) are matched by folding only: q0, qa and q1a stay other columns.
    for (const issues of await outcomes(
      S2023,
      file(S2023, (h) => [...h, 'q0', 'qa', 'a1']),
    ))
      expect(issues).toEqual([]);
  });
});
