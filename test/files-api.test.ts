/**
 * The core's File/Blob API (src/api/files.ts): every sample file and the filled templates told apart
 * by content, files that fit two kinds or none refused with a reason, and a round read from Blobs
 * scoring exactly as loadRound on the same paths.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { classifyInput, readRound, score, renderCsv, formatIssue, safe, ParIndexError, sample, createRound, type InputClassification } from '../src/index.js';
import { parseXlsx, renderXlsx } from '../src/xlsx/index.js';
import { loadRound } from '../src/node/index.js';
import { hanoi2021Framework, hanoi2021Units, sampleTables } from '../src/data/sample.js';
import { evidenceTemplateBytes } from '../src/xlsx/evidence-template.js';
import { surveyTemplateBytes } from '../src/xlsx/survey-template.js';
import { loadExcelJS } from '../src/xlsx/load-exceljs.js';
import { SAMPLE } from './support/round.js';

const file = (name: string, type = '') => new File([readFileSync(join(SAMPLE, name))], name, { type });
const text = (s: string, name: string) => new File([s], name);
const kindOf = async (f: File) => (await classifyInput(f, { parseXlsx })).kind;

let evidenceXlsx: File;
let surveyXlsx: File;

/** Fills a template's input cells from the sample, as a council would (see test/xlsx-template.test.ts). */
async function filled(bytes: Uint8Array, fill: (ws: import('exceljs').Worksheet) => void, name: string): Promise<File> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  for (const ws of wb.worksheets) fill(ws);
  return new File([new Uint8Array(await wb.xlsx.writeBuffer())], name);
}

beforeAll(async () => {
  const t = sampleTables();
  const asTyped = (s: string) => (s === '' ? null : /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s);
  const ev = new Map(t.evidence.rows.map((r) => [`${r.cells[0]}|${r.cells[1]}`, r.cells]));
  evidenceXlsx = await filled(
    await evidenceTemplateBytes(hanoi2021Framework(), hanoi2021Units()),
    (ws) => {
      if (!ws.name.startsWith('Đánh giá')) return;
      ws.eachRow((row, n) => {
        const cells = n > 1 ? ev.get(`${row.getCell(1).value}|${row.getCell(3).value}`) : undefined;
        if (!cells) return;
        row.getCell(8).value = asTyped(cells[2]);
        row.getCell(9).value = asTyped(cells[3]);
        row.getCell(10).value = cells[4] || null;
        row.getCell(11).value = cells[5] || null;
      });
    },
    'danh-gia.xlsx',
  );
  const sv = new Map(t.survey.rows.map((r) => [`${r.cells[0]}|${r.cells[1]}`, r.cells[2]]));
  surveyXlsx = await filled(
    await surveyTemplateBytes(hanoi2021Framework(), hanoi2021Units()),
    (ws) => {
      if (ws.name !== 'Kết quả điều tra') return;
      ws.eachRow((row, n) => {
        const s = n > 1 ? sv.get(`${row.getCell(1).value}|${row.getCell(3).value}`) : undefined;
        if (s !== undefined) row.getCell(6).value = s === 'NA' ? 'NA' : Number(s);
      });
    },
    'dieu-tra.xlsx',
  );
}, 60_000);

describe('classifyInput: each sample file by its content', () => {
  it.each([
    ['framework.csv', 'framework'],
    ['units.csv', 'units'],
    ['evidence.csv', 'evidence'],
    ['survey.csv', 'survey'],
    ['sipas-questions.csv', 'sipas-questions'],
    ['sipas-responses.csv', 'sipas-responses'],
    ['expected-score.json', 'previous'],
  ])('%s is %s', async (name, kind) => {
    const c = await classifyInput(file(name), { parseXlsx });
    expect(c).toMatchObject({ file: name, kind, candidates: [kind] });
    expect(c.format).toBe(name.endsWith('.json') ? 'json' : 'csv');
    expect(c.issue).toBeUndefined();
  });

  it('the name does not decide: a CSV named .json, bytes, text and a Blob with no name', async () => {
    expect(await kindOf(new File([readFileSync(join(SAMPLE, 'units.csv'))], 'units.json'))).toBe('units');
    expect((await classifyInput(new Uint8Array(readFileSync(join(SAMPLE, 'survey.csv'))))).kind).toBe('survey');
    expect((await classifyInput(readFileSync(join(SAMPLE, 'evidence.csv'), 'utf8'))).kind).toBe('evidence');
    const c = await classifyInput(new Blob([readFileSync(join(SAMPLE, 'framework.csv'))]));
    expect(c).toMatchObject({ file: 'file', kind: 'framework' });
  });

  it('the filled evidence and survey templates (xlsx) through parseXlsx', async () => {
    expect(await classifyInput(evidenceXlsx, { parseXlsx })).toMatchObject({ format: 'xlsx', kind: 'evidence', candidates: ['evidence'] });
    expect(await classifyInput(surveyXlsx, { parseXlsx })).toMatchObject({ format: 'xlsx', kind: 'survey', candidates: ['survey'] });
  });

  it('a single-sheet workbook by its header, whatever the sheet is called', async () => {
    const ExcelJS = await loadExcelJS();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['Mã đơn vị', 'Tên đơn vị', 'Nhóm', 'Khối']);
    ws.addRow(['noi-vu', 'Sở Nội vụ', 'so', 'so']);
    const f = new File([new Uint8Array(await wb.xlsx.writeBuffer())], 'ds.xlsx');
    expect(await classifyInput(f, { parseXlsx })).toMatchObject({ format: 'xlsx', kind: 'units' });
  });

  it('Vietnamese headers (a council’s own CSV) and the results CSV in both languages', async () => {
    expect(await kindOf(text('Mã tiêu chí;Tên tiêu chí;Điểm tối đa\n1;Chỉ đạo;2\n', 'a.csv'))).toBe('framework');
    expect(await kindOf(text('Mã đơn vị,Mã tiêu chí,Điểm tự chấm,Điểm thẩm định\nnoi-vu,1.1,1,1\n', 'b.csv'))).toBe('evidence');
    expect(await kindOf(text('Đơn vị,Tiêu chí,Điểm điều tra\nnoi-vu,1.6,81.29\n', 'c.csv'))).toBe('survey');
    expect(await kindOf(text('đơn vị,1.1.1,1.1.2,1.1.1 (tự chấm)\nnoi-vu,1,90.5,1\n', 'wide.csv'))).toBe('evidence');
    const result = score(createRound(sample()));
    for (const lang of ['vi', 'en'] as const) {
      const c = await classifyInput(text(renderCsv(result, { lang }), `ket-qua-${lang}.csv`));
      expect(c, lang).toMatchObject({ format: 'csv', kind: 'previous' });
    }
  });

  it('a results workbook and a SIPAS result are no input: unknown, with the reason', async () => {
    const sipas = await classifyInput(file('expected-sipas.json'));
    expect(sipas).toMatchObject({ kind: 'unknown', candidates: [], issue: { code: 'unknown-file-kind', key: 'unknown-file-kind/sipas-result', file: 'expected-sipas.json' } });
    expect(formatIssue(sipas.issue!)).toContain('kết quả SIPAS');
    const book = new File([await renderXlsx(score(createRound(sample())))], 'ket-qua.xlsx');
    const c = await classifyInput(book, { parseXlsx });
    expect(c).toMatchObject({ format: 'xlsx', kind: 'unknown', issue: { code: 'unknown-file-kind', key: 'unknown-file-kind/workbook' } });
    expect(c.issue!.value).toContain('Khối sở');
    // Without a workbook reader, a workbook is unknown and the issue says what to give.
    expect(await classifyInput(evidenceXlsx)).toMatchObject({ format: 'xlsx', kind: 'unknown', issue: { key: 'unknown-file-kind/needs-xlsx' } });
  });

  it('a file fitting two kinds is ambiguous, one fitting none unknown — each with the reason, never a guess', async () => {
    // code + title is a framework and a SIPAS survey definition alike.
    const both = await classifyInput(text('code,title\n1,Tiếp cận dịch vụ\n', 'x.csv'));
    expect(both).toMatchObject({ kind: 'ambiguous', candidates: ['framework', 'sipas-questions'], issue: { code: 'ambiguous-file-kind', file: 'x.csv', params: { kinds: 'framework, sipas-questions' } } });
    expect(formatIssue(both.issue!)).toBe(
      'x.csv: nội dung tệp khớp với nhiều loại dữ liệu vào: bộ tiêu chí (mã tiêu chí, tên tiêu chí, điểm tối đa…); bộ câu hỏi khảo sát SIPAS (mã, nội dung, cột…); hãy chọn đúng loại của tệp; giá trị là "code, title"; cần nội dung của một loại dữ liệu vào [ambiguous-file-kind]',
    );
    const none = await classifyInput(text('họ tên,ngày sinh\nA,1990\n', 'y.csv'));
    expect(none).toMatchObject({ kind: 'unknown', candidates: [], issue: { code: 'unknown-file-kind', row: 1, params: { columns: '"họ tên", "ngày sinh"' } } });
    expect(formatIssue(none.issue!, { lang: 'en' })).toContain(`the file's columns ("họ tên", "ngày sinh") fit no kind of input`);
    // A misspelt column is no kind either (the reader would call it unknown-column): the person decides.
    expect((await classifyInput(text('unit,criterion,self,apraised\nnoi-vu,1.1,1,1\n', 'z.csv'))).kind).toBe('unknown');
  });

  it('what is not a table: empty, not UTF-8, a PDF, broken JSON — unknown with the reader’s own issue', async () => {
    const cases: [string | Uint8Array, string, string][] = [
      ['', 'empty.csv', 'unknown-file-kind'],
      [new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0xe9, 0x0a]), 'latin1.csv', 'bad-encoding'],
      [new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]), 'a.pdf', 'unknown-format'],
      ['{"criteria": [', 'broken.json', 'bad-json'],
      ['{"hello": 1}', 'other.json', 'unknown-file-kind'],
    ];
    for (const [content, name, code] of cases) {
      const c: InputClassification = await classifyInput(new File([content], name));
      expect(c.kind, name).toBe('unknown');
      expect(c.issue?.code, name).toBe(code);
      expect(c.issue?.file, name).toBe(name);
    }
  });

  it('wrong arguments are bad-argument / unknown-option errors (never a TypeError)', async () => {
    const r = await safe(() => classifyInput(42 as never));
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['bad-argument']);
    const u = await safe(() => classifyInput('a,b', { nmae: 'x' } as never));
    expect(u.ok ? undefined : u.issues[0]).toMatchObject({ code: 'unknown-option', suggestion: 'name' });
    const x = await safe(() => classifyInput('a,b', { parseXlsx: 'yes' } as never));
    expect(x.ok ? undefined : x.issues[0]).toMatchObject({ code: 'bad-argument', column: 'options.parseXlsx' });
  });
});

describe('readRound: a round from Blobs', () => {
  /** The first of each league: name and index. */
  const leaders = (r: ReturnType<typeof score>) => r.units.filter((u) => u.rank === 1).map((u) => `${u.name} ${u.index?.toFixed(2)}`);

  it('scores exactly as loadRound on the same paths (Sở Tài chính 89.83, Cầu Giấy 95.24)', async () => {
    const fromBlobs = score(await readRound({ framework: file('framework.csv'), units: file('units.csv'), evidence: file('evidence.csv'), survey: file('survey.csv') }));
    const fromPaths = score(await loadRound({ framework: join(SAMPLE, 'framework.csv'), units: join(SAMPLE, 'units.csv'), evidence: join(SAMPLE, 'evidence.csv'), survey: join(SAMPLE, 'survey.csv') }));
    expect(JSON.stringify(fromBlobs)).toBe(JSON.stringify(fromPaths));
    expect(JSON.parse(JSON.stringify(fromBlobs))).toEqual(JSON.parse(readFileSync(join(SAMPLE, 'expected-score.json'), 'utf8')));
    expect(leaders(fromBlobs)).toEqual(['Sở Tài chính 89.83', 'Quận Cầu Giấy 95.24']);
  });

  it('the filled templates (xlsx) with parseXlsx, and a list of evidence files', async () => {
    const r = score(await readRound({ framework: file('framework.csv'), units: file('units.csv'), evidence: [evidenceXlsx], survey: surveyXlsx }, { parseXlsx }));
    expect(leaders(r)).toEqual(['Sở Tài chính 89.83', 'Quận Cầu Giấy 95.24']);
    expect(JSON.parse(JSON.stringify(r))).toEqual(JSON.parse(readFileSync(join(SAMPLE, 'expected-score.json'), 'utf8')));
  });

  it('a JSON framework document and units mixed with row objects', async () => {
    const t = sampleTables();
    const criteria = t.framework.rows.map((r) => Object.fromEntries(t.framework.header.map((h, i) => [h, r.cells[i]])));
    const doc = new File([JSON.stringify({ settings: { decimals: 2 }, criteria })], 'framework.json');
    const units = t.units.rows.map((r) => Object.fromEntries(t.units.header.map((h, i) => [h, r.cells[i]]))) as never;
    const r = score(await readRound({ framework: doc, units, evidence: file('evidence.csv'), survey: file('survey.csv') }));
    expect(leaders(r)).toEqual(['Sở Tài chính 89.83', 'Quận Cầu Giấy 95.24']);
  });

  it('SIPAS from the survey files goes into its criterion, as parindex score --sipas-* does', async () => {
    // The survey results without their 8.1 rows: SIPAS gives 8.1 instead (test/sipas-par.test.ts).
    const surveyText = readFileSync(join(SAMPLE, 'survey.csv'), 'utf8')
      .split('\n')
      .filter((l) => !l.includes(',8.1,'))
      .join('\n');
    const base = { framework: file('framework.csv'), units: file('units.csv'), evidence: file('evidence.csv'), survey: text(surveyText, 'survey.csv') };
    const withSipas = score(await readRound({ ...base, sipas: { questions: file('sipas-questions.csv'), responses: file('sipas-responses.csv'), criterion: '8.1' } }));
    const builtin = score(await readRound({ ...base, sipas: { questions: 'sipas-2017', responses: file('sipas-responses.csv'), criterion: '8.1' } }));
    const { scoreSipasFile, loadSipasDefinition } = await import('../src/node/index.js');
    const sipas = await scoreSipasFile(await loadSipasDefinition(join(SAMPLE, 'sipas-questions.csv')), join(SAMPLE, 'sipas-responses.csv'), { units: sampleTables().units });
    const t = sampleTables();
    const survey = { ...t.survey, rows: t.survey.rows.filter((r) => r.cells[1] !== '8.1') };
    const viaCreate = score(createRound({ ...sample(), survey, sipas: { result: sipas, criterion: '8.1' } }));
    expect(JSON.stringify(withSipas)).toBe(JSON.stringify(viaCreate));
    expect(JSON.stringify(builtin)).toBe(JSON.stringify(viaCreate));
    // ldtbxh's SIPAS 91.82… is its 8.1 now: 7.35 of 8 points (test/sipas-par.test.ts).
    const ldtbxh = withSipas.units.find((u) => u.unit === 'ldtbxh')!;
    expect(ldtbxh.index?.toFixed(2)).not.toBe(
      score(createRound(sample()))
        .units.find((u) => u.unit === 'ldtbxh')!
        .index?.toFixed(2),
    );
  });

  it('every problem of every file at once, located by the File’s name', async () => {
    const r = await safe(() =>
      readRound({
        framework: text('code,title,max\n1,A,x\n', 'khung.csv'),
        units: text('unit,group\nnoi-vu,so\n', 'dv.csv'),
        evidence: [text('unit,criterion,self\nnoi-vu,1,1\n', 'a.csv'), new File([new Uint8Array([0xff, 0xfe, 0x41])], 'b.csv')],
      }),
    );
    expect(r.ok).toBe(false);
    const issues = r.ok ? [] : r.issues;
    // The file that cannot be read, and what createRound finds in the ones that can.
    expect(issues.map((i) => [i.file, i.row, i.code])).toEqual([
      ['b.csv', undefined, 'bad-encoding'],
      ['khung.csv', 2, 'bad-value'],
    ]);
  });

  it('a workbook without parseXlsx, wrong arguments and unknown keys are refused', async () => {
    const noReader = await safe(() => readRound({ framework: file('framework.csv'), units: file('units.csv'), evidence: evidenceXlsx }));
    expect(noReader.ok ? undefined : noReader.issues[0]).toMatchObject({ file: 'danh-gia.xlsx', key: 'unknown-file-kind/needs-xlsx' });
    const typo = await safe(() => readRound({ framework: file('framework.csv'), units: file('units.csv'), evidense: file('evidence.csv') } as never));
    expect(typo.ok ? undefined : typo.issues[0]).toMatchObject({ code: 'unknown-option', suggestion: 'evidence' });
    const missing = await safe(() => readRound({ framework: file('framework.csv') } as never));
    expect(missing.ok ? undefined : missing.issues[0]).toMatchObject({ code: 'bad-argument', key: 'bad-argument/no-units' });
    await expect(readRound({ framework: file('framework.csv'), units: file('units.csv') }, { parseXlsx: 1 } as never)).rejects.toBeInstanceOf(ParIndexError);
  });
});
