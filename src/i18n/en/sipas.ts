/** English messages of src/sipas/. Keys are `code` or `code/variant`; params are the issue's structured values. */
import type { Fragment } from '../catalogue.js';

type Code = { code: string };
type Unit = { unit: string };

export const sipas = {
  // The survey definition.
  'duplicate-code/question': { message: (p: { code: string; first: number }) => `code "${p.code}" appears twice (first on row ${p.first})`, expected: (_: { code: string; first: number }) => 'each code once' },
  'bad-weight': { message: (p: Code) => `weight of "${p.code}" is not above 0`, expected: (_: Code) => 'a number > 0 (blank = 1)' },
  'orphan-code/question': {
    message: (p: { code: string; parent: string }) => `"${p.code}" has no parent "${p.parent}" in the survey definition`,
    expected: (p: { code: string; parent: string }) => `a row for "${p.parent}" (the parent of "${p.code}")`,
  },
  'empty-definition': { message: () => 'the survey definition has no questions', expected: () => 'one row per node and question' },
  'optional-on-parent': { message: (p: Code) => `"${p.code}" has children, so it cannot be optional (mark its questions instead)`, expected: (_: Code) => 'blank on a parent' },
  'column-on-parent': { message: (p: Code) => `"${p.code}" has children, so it reads no column`, expected: (_: Code) => 'blank on a parent' },
  'bad-overall/not-inside': {
    message: (p: { aggregate: string; code: string }) => `"${p.aggregate}" does not name a question inside "${p.code}"`,
    expected: (p: { aggregate: string; code: string }) => `overall:<code of a question below ${p.code}>`,
  },
  'bad-overall/not-question': {
    message: (p: { target: string; code: string }) => `"${p.target}" is not a question (it has children)`,
    expected: (p: { target: string; code: string }) => `overall:<code of a question below ${p.code}>`,
  },
  'aggregate-on-question': { message: (p: Code) => `"${p.code}" is a question, so it takes no aggregate`, expected: (_: Code) => 'blank on a question' },
  'duplicate-column/questions': {
    message: (p: { first: string; code: string; column: string; firstColumn: string }) =>
      `questions "${p.first}" and "${p.code}" both read column "${p.column}"${p.firstColumn === p.column ? '' : ` ("${p.firstColumn}" is the same column: case is ignored)`}`,
    expected: (_: { first: string; code: string; column: string; firstColumn: string }) => 'one column per question',
  },
  'reserved-column': {
    message: (p: { code: string; column: string }) => `question "${p.code}" would read column "${p.column}", which names the responses' form or unit`,
    expected: (_: { code: string; column: string }) => 'a column name other than form or unit',
  },
  'bad-json/definition': { message: () => 'a survey definition JSON must be an array of rows or an object with "questions"', expected: () => '{"questions": [...]}' },

  // The responses (forms).
  'missing-column/question': {
    message: (p: { column: string; question: string }) => `the responses file has no column "${p.column}" for question "${p.question}"`,
    expected: (p: { column: string; question: string }) => `a header "${p.column}"`,
  },
  'duplicate-column/repeated': {
    message: (p: { column: string; question: string; times: number }) => `column "${p.column}" (question "${p.question}") appears ${p.times} times`,
    expected: (_: { column: string; question: string; times: number }) => 'each question column once',
  },
  'duplicate-column/taken': {
    message: (p: { column: string; question: string; byQuestion?: string }) => `column "${p.column}" would be read by question "${p.question}", but it is already ${p.byQuestion === undefined ? 'the unit' : `question "${p.byQuestion}"`}`,
    expected: (_: { column: string; question: string; byQuestion?: string }) => 'one column per question, apart from the unit column',
  },
  'unknown-column/near-miss': {
    message: (p: { column: string; question: string; suggestion: string }) => `unknown column "${p.column}" in the responses file, a near miss of question "${p.question}"'s column; did you mean "${p.suggestion}"?`,
    expected: (p: { column: string; question: string; suggestion: string }) => `the column "${p.suggestion}" (a column that is not a question's is ignored, unless its name is this close to one)`,
  },
  'too-many-problems/stopped': { message: (p: { max: number }) => `reading stopped after ${p.max} problems` },
  'bad-answer': { message: (p: { question: string }) => `bad answer to question "${p.question}"`, expected: (_: { question: string }) => '1 to 5 (1 = rất không hài lòng … 5 = rất hài lòng), or blank / 0 for no answer' },
  'reserved-unit': { message: () => 'the unit id ALL names the pooled row (first on this row)', expected: () => 'a unit id other than ALL' },
  'unknown-unit/form': { message: (p: Unit) => `unit "${p.unit}" is not in the units file (first on this row)`, expected: (_: Unit) => 'a unit id from the units file' },
  'missing-unit': { message: () => 'a form without a unit', expected: () => 'the id of the unit the form is about' },
  'too-many-cells/form': {
    message: (p: { last: string; width: number }) => `the form has a value right of the header's last column${p.last ? ` (${p.last})` : ''}, which no column names (an unquoted decimal comma or delimiter?)`,
    expected: (p: { last: string; width: number }) => `at most ${p.width} cells per form, as in the header (quote a cell that holds the delimiter)`,
  },
  'too-few-cells': {
    message: (p: { cells: number; width: number }) => `the form has ${p.cells} cell${p.cells === 1 ? '' : 's'} but the header has ${p.width} columns (a line cut short, or a line break inside an unquoted cell?)`,
    expected: (p: { cells: number; width: number }) => `${p.width} cells per form, as in the header`,
  },
  'empty-file/responses': { message: () => 'the responses file is empty', expected: () => 'a header row: form, unit and a column per question' },
} satisfies Fragment;
