/** English messages about what kind of file was given (src/table/files.ts). */
import type { Fragment } from '../catalogue.js';

/** The kinds of input file `classifyInput` tells apart (ids as `InputKind` of src/api/files.ts). */
export const INPUT_KIND_WORDS = {
  framework: 'a framework (code, title, max…)',
  units: 'a units file (unit, name, group…)',
  evidence: 'evidence (unit, criterion, self, appraised…)',
  survey: 'survey results (unit, criterion, score)',
  'sipas-questions': 'a SIPAS survey definition (code, title, column…)',
  'sipas-responses': 'SIPAS survey forms (form, unit, one column per question)',
  previous: 'a results file (unit, index, rank…) as parindex score writes it',
} as const;

/** The words of a `, `-separated list of input kinds in a catalogue. */
export function inputKindList(kinds: string, words: Record<string, string>): string {
  return kinds
    .split(', ')
    .map((k) => words[k] ?? k)
    .join('; ');
}

const ANY_INPUT = () => inputKindList(Object.keys(INPUT_KIND_WORDS).join(', '), INPUT_KIND_WORDS);

const KIND = { zip: 'an xlsx workbook (a zip archive)', ole: 'an old Office file (.xls, .doc)', pdf: 'a PDF document', image: 'a picture' } as const;

export const files = {
  'unknown-format/save-as-xlsx': {
    message: (p: { ext: string }) => `a ${p.ext} workbook cannot be read; open it in Excel or LibreOffice and save it as .xlsx (Excel Workbook)`,
    expected: () => '.csv (also .txt, .tsv), .json or .xlsx (also .xlsm)',
  },
  'unknown-format/binary-as-text': {
    message: (p: { kind: keyof typeof KIND }) =>
      `the file is ${KIND[p.kind]}, not text${p.kind === 'zip' ? ': give it an .xlsx name to read it as a workbook' : p.kind === 'ole' ? ': open it in Excel and save it as .xlsx (or as "CSV UTF-8")' : ''}`,
    expected: () => 'UTF-8 text (in Excel: Save As → "CSV UTF-8")',
  },
  'too-many-cells/csv-shifted': {
    message: (p: { cells: number; header: number }) =>
      `this line has ${p.cells} cells but the header line has ${p.header}: the extra cells are blank, but an unquoted decimal comma (5,5) would move the cells after it one column right, so the line is not read`,
    expected: (p: { cells: number; header: number }) => `${p.header} cells per line, as in the header line (write a decimal comma inside quotes, "5,5", or remove the delimiter too many)`,
  },
  'ambiguous-file-kind': {
    message: (p: { kinds: string }) => `the file's content fits more than one kind of input: ${inputKindList(p.kinds, INPUT_KIND_WORDS)}; choose which it is`,
    expected: (_: { kinds: string }) => 'the content of one kind of input',
  },
  'unknown-file-kind': {
    message: (p: { columns: string }) => `the file's columns (${p.columns}) fit no kind of input`,
    expected: (_: { columns: string }) => ANY_INPUT(),
  },
  'unknown-file-kind/empty': { message: () => 'the file is empty', expected: () => ANY_INPUT() },
  'unknown-file-kind/json': { message: () => 'the JSON document holds no table of any kind of input', expected: () => `an array of row objects, { "settings", "criteria" }, { "questions" } or a result document with "units"` },
  'unknown-file-kind/sipas-result': {
    message: () => 'the file is a SIPAS result (parindex sipas --format json), not an input of a round',
    expected: () => 'the SIPAS survey definition and survey forms it was scored from',
  },
  'unknown-file-kind/workbook': {
    message: (p: { sheets: string }) => `no sheet of the workbook holds a table of any kind of input (sheets: ${p.sheets})`,
    expected: (_: { sheets: string }) => `sheets named as in the templates (criteria, units, evidence…, survey, questions, responses; or in Vietnamese), or a single sheet holding ${ANY_INPUT()}`,
  },
  'unknown-file-kind/needs-xlsx': {
    message: () => 'the file is an xlsx workbook, and no workbook reader was given',
    expected: () => 'the parseXlsx function of parindex/xlsx as the parseXlsx option',
  },
} satisfies Fragment;
