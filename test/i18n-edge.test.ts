/**
 * The messages of the edge layers (xlsx reader, analysis, the public API, parindex/node) come from
 * the catalogues: a real bad input formats as the exact Vietnamese line by default and the English
 * one on request, and every issue these layers raise carries a catalogue key that both languages
 * have (so its Vietnamese line holds no English sentence).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseResultJson } from '../src/analysis/result-file.js';
import { parseSpread } from '../src/analysis/sensitivity.js';
import { type Issue, formatIssue } from '../src/errors.js';
import { codeOfKey } from '../src/i18n/catalogue.js';
import { en } from '../src/i18n/en/index.js';
import { analysis as enAnalysis } from '../src/i18n/en/analysis.js';
import { api as enApi } from '../src/i18n/en/api.js';
import { node as enNode } from '../src/i18n/en/node.js';
import { xlsx as enXlsx } from '../src/i18n/en/xlsx.js';
import { vi } from '../src/i18n/vi/index.js';
import { createRound, explain, renderText, resultFromJson, sample, score, scoreSipas, sipasBuiltin } from '../src/index.js';
import { loadResult, loadRound, writeFileAtomic } from '../src/node/index.js';
import { checkOutputPath } from '../src/node/output.js';
import { countSurveyResponses } from '../src/node/sipas-file.js';
import { parseXlsx } from '../src/xlsx/index.js';
import { SAMPLE, issuesOf, issuesOfAsync } from './support/round.js';
import { tempDir, writeWorkbook } from './support/xlsx.js';

const dir = tempDir('parindex-i18n-edge-');
const at = (name: string) => join(dir, name);
const xlsxIssues = async (name: string, sheets: Parameters<typeof writeWorkbook>[1], kind: Parameters<typeof parseXlsx>[1] = 'units', limits?: Record<string, number>) => {
  const path = await writeWorkbook(at(name), sheets);
  return issuesOf(() => parseXlsx(new Uint8Array(readFileSync(path)), kind, { file: name, ...(limits ? { limits } : {}) }));
};

describe('real bad inputs format in Vietnamese (default) and English', () => {
  it('a PDF given as a workbook', () => {
    const [issue] = issuesOf(() => parseXlsx(strToU8('%PDF-1.4\n1 0 obj\n'), 'units', { file: 'don-vi.xlsx' }));
    expect(formatIssue(issue)).toBe(
      'don-vi.xlsx: tệp là tài liệu PDF, không phải sổ tính; hãy dùng bảng tính gốc đã tạo ra tệp PDF, lưu thành .xlsx; giá trị là "PDF"; cần một sổ tính .xlsx (Excel 2007 trở về sau; tệp .xls cần lưu lại thành .xlsx) [bad-xlsx]',
    );
    expect(formatIssue(issue, { lang: 'en' })).toBe(
      'don-vi.xlsx: the file is a PDF document, not a workbook; use the spreadsheet the PDF was made from, saved as .xlsx; found "PDF"; expected an .xlsx workbook (Excel 2007 or later; save .xls files as .xlsx) [bad-xlsx]',
    );
  });

  it('a result JSON whose index is written with a decimal comma', () => {
    const [issue] = issuesOf(() => parseResultJson({ units: [{ unit: 'noi-vu', index: '89,83' }] }, { file: 'ket-qua-2024.json' }));
    expect(formatIssue(issue)).toBe('ket-qua-2024.json, dòng 2, cột "index" (B): chỉ số của đơn vị "noi-vu" không phải là số; giá trị là "89,83"; cần một số thập phân như 89.83 (hoặc để trống/null nếu không có) [bad-number]');
    expect(formatIssue(issue, { lang: 'en' })).toBe('ket-qua-2024.json, row 2, column "index" (B): the index of unit "noi-vu" is not a number; found "89,83"; expected a decimal number such as 89.83 (or blank/null for none) [bad-number]');
  });

  it('createRound with an unknown key names the nearest one', () => {
    const s = sample();
    const [issue] = issuesOf(() => createRound({ framework: s.framework, units: s.units, evidences: s.evidence } as never));
    expect(issue.suggestion).toBe('evidence');
    expect(formatIssue(issue)).toBe('cột "input.evidences": khoá "evidences" không có trong input; có phải là "evidence"?; giá trị là "evidences"; cần một trong các khoá framework, units, evidence, survey, sipas [unknown-option]');
    expect(formatIssue(issue, { lang: 'en' })).toBe('column "input.evidences": unknown key "evidences" in input; did you mean "evidence"?; found "evidences"; expected one of framework, units, evidence, survey, sipas [unknown-option]');
  });

  it('loadRound with a units file that does not exist', async () => {
    const missing = at('khong-co/don-vi.csv');
    const [issue] = await issuesOfAsync(() => loadRound({ framework: 'hanoi-2021', units: missing }));
    expect(formatIssue(issue)).toBe(`${missing}: không có tệp này; cần một tệp đọc được [file-not-found]`);
    expect(formatIssue(issue, { lang: 'en' })).toBe(`${missing}: the file does not exist; expected a readable file [file-not-found]`);
  });
});

/** The catalogue fragments of the edge layers, whose keys must not be shadowed by another fragment's. */
const EDGE_FRAGMENTS: Record<string, object> = { analysis: enAnalysis, api: enApi, node: enNode, xlsx: enXlsx };

describe('every issue of the edge layers has a key in both catalogues', () => {
  it('the edge fragments keys are their own in the merged catalogue (no other fragment replaces one)', () => {
    for (const fragment of Object.values(EDGE_FRAGMENTS)) {
      for (const [key, entry] of Object.entries(fragment)) expect((en as Record<string, unknown>)[key], key).toBe(entry);
    }
  });

  it('~20 representative bad inputs', async () => {
    const s = sample();
    const round = createRound(s);
    const result = score(round);
    const responses = readFileSync(join(SAMPLE, 'sipas-responses.csv'), 'utf8');
    const sipas = await scoreSipas(sipasBuiltin('sipas-2017'), responses);
    writeFileSync(at('utf16.csv'), new Uint8Array([0xff, 0xfe, 0x66, 0x00]));
    writeFileSync(at('quotes.csv'), `${responses.split('\n')[0]}\n"f1,noi-vu,5\n`);
    writeFileSync(at('in.csv'), 'unit\n');
    const notes = await writeWorkbook(at('notes.xlsx'), [{ name: 'notes', rows: [['ghi chú'], ['x']] }]);

    const cases: [string, Issue[]][] = [
      ['empty bytes', issuesOf(() => parseXlsx(new Uint8Array(0), 'units'))],
      ['a zip without a workbook', issuesOf(() => parseXlsx(zipSync({ 'a.txt': strToU8('x') }), 'units'))],
      [
        'no units sheet',
        await xlsxIssues('two.xlsx', [
          { name: 'abc', rows: [['a']] },
          { name: 'def', rows: [['b']] },
        ]),
      ],
      [
        'a hidden units sheet',
        await xlsxIssues('hidden.xlsx', [
          { name: 'đơn vị', rows: [['unit']], state: 'hidden' },
          { name: 'notes', rows: [['x']] },
        ]),
      ],
      [
        'a merged header',
        await xlsxIssues('merged.xlsx', [
          {
            name: 'units',
            rows: [
              ['unit', 'name', ''],
              ['a', 'b', 'c'],
            ],
            edit: (ws) => ws.mergeCells('B1:C1'),
          },
        ]),
      ],
      [
        'a formula without its result, an error cell',
        await xlsxIssues('formula.xlsx', [
          {
            name: 'units',
            rows: [
              ['unit', 'name'],
              [{ formula: 'A1&"x"' }, { error: '#N/A' }],
            ],
          },
        ]),
      ],
      ['a column past the limit', await xlsxIssues('wide.xlsx', [{ name: 'units', rows: [['unit', 'name', 'group']] }], 'units', { maxColumns: 2 })],
      ['a result that is not JSON', issuesOf(() => resultFromJson('{'))],
      ['a result JSON with bad fields', issuesOf(() => resultFromJson({ units: [{ unit: 1, extra: true }], leagues: {}, groups: {} } as never))],
      ['a result file with no units array', issuesOf(() => parseResultJson([]))],
      [
        'a result file with a unit twice, a blank unit and a bad rank',
        issuesOf(() =>
          parseResultJson({
            units: [
              { unit: 'a', index: '1' },
              { unit: 'a', index: '2' },
              { unit: '', index: '3' },
              { unit: 'b', index: '4', rank: '0' },
            ],
          }),
        ),
      ],
      ['a spread of 1', issuesOf(() => parseSpread('1'))],
      ['an unknown unit to explain', issuesOf(() => explain(result, 'khong-co'))],
      ['explain on a result rebuilt from JSON', issuesOf(() => explain(resultFromJson(JSON.stringify(result)), 'noi-vu'))],
      ['an unknown missing-score mode', issuesOf(() => score(round, { missing: 'zer' } as never))],
      ['no framework', issuesOf(() => createRound({ units: s.units } as never))],
      ['an unknown survey definition', issuesOf(() => sipasBuiltin('sipas-2020' as never))],
      ['not a result', issuesOf(() => renderText({} as never))],
      ['SIPAS for a criterion not in the framework', issuesOf(() => createRound({ ...s, sipas: { result: sipas, criterion: '99' } }))],
      ['SIPAS for a criterion scored from evidence', issuesOf(() => createRound({ ...s, sipas: { result: sipas, criterion: '1.1' } }))],
      ['SIPAS and the survey file for one criterion', issuesOf(() => createRound({ ...s, sipas: { result: sipas, criterion: '1.6' } }))],
      ['an output file in a folder that does not exist', await issuesOfAsync(() => writeFileAtomic(at('khong-co/r.csv'), 'x'))],
      ['--out naming an input', await issuesOfAsync(() => checkOutputPath(at('in.csv'), [at('in.csv')]))],
      ['a workbook without league sheets as a result file', await issuesOfAsync(() => loadResult(notes))],
      ['UTF-16 responses (csv-parse reader)', await issuesOfAsync(() => countSurveyResponses(sipasBuiltin('sipas-2017'), at('utf16.csv'), { reader: 'csv-parse' }))],
      ['unbalanced quotes (csv-parse reader)', await issuesOfAsync(() => countSurveyResponses(sipasBuiltin('sipas-2017'), at('quotes.csv'), { reader: 'csv-parse' }))],
    ];
    const keys = new Set<string>();
    for (const [name, issues] of cases) {
      expect(issues.length, name).toBeGreaterThan(0);
      for (const issue of issues) {
        const key = issue.key;
        expect(key, `${name}: ${issue.message}`).toBeDefined();
        expect(Object.hasOwn(en, key!) && Object.hasOwn(vi, key!), `${name}: ${key}`).toBe(true);
        expect(codeOfKey(key!), name).toBe(issue.code);
        keys.add(key!);
        // The English of the issue is the catalogue's, and the Vietnamese line is another sentence.
        const english = formatIssue(issue, { lang: 'en' });
        expect(english, name).toContain(issue.message);
        expect(formatIssue(issue), name).not.toContain(issue.message);
      }
    }
    // The cases reach the keys they are named for (each a different message).
    expect([...keys].sort()).toEqual(
      [
        'bad-argument/choice',
        'bad-argument/no-framework',
        'bad-argument',
        'bad-csv/stream',
        'bad-encoding/utf-16',
        'bad-json/not-result',
        'bad-json/result-text',
        'bad-number/result-rank',
        'bad-option/spread-range',
        'bad-result-json',
        'bad-result-json/unknown-key',
        'bad-value/result-unit',
        'bad-xlsx/not-workbook',
        'bad-xlsx/not-zip',
        'cannot-write',
        'duplicate-survey',
        'duplicate-unit/result',
        'error-cell',
        'formula-without-value',
        'hidden-sheet',
        'limit-exceeded/column',
        'merged-header',
        'no-results-sheet',
        'no-round',
        'not-survey-criterion',
        'out-is-input',
        'sheet-not-found',
        'unknown-criterion/sipas',
        'unknown-unit/explain',
      ].sort(),
    );
  });
});
