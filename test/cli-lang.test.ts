/**
 * The CLI speaks Vietnamese unless told otherwise (`--lang`, `PARINDEX_LANG`, the locale
 * variables): help, commander's errors, our usage errors, bad-input reports, `check`'s listing,
 * the tables and the CSV headers. `--number-style vi` writes 89,83; `--csv-style vi` writes `;`
 * and decimal commas, and such a file reads back with the decimal comma to the same numbers.
 * Every message and label has both languages, and every command, argument and option its help.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResultTables, RESULT_FIELDS } from '../src/analysis/result-file.js';
import { renderCsv, renderText } from '../src/api/render.js';
import { byteProgressLabel } from '../src/cli/byte-progress.js';
import { cliLang } from '../src/cli/lang.js';
import { allCommands, argumentHelp, commanderMessage, optionHelp } from '../src/cli/localize.js';
import { buildProgram } from '../src/cli/program.js';
import { UsageError, usageMessage } from '../src/cli/run.js';
import { IssueList } from '../src/errors.js';
import { cli as enCli } from '../src/i18n/en/cli.js';
import { cliWords } from '../src/i18n/labels/cli.js';
import { cliHelp } from '../src/i18n/labels/cli-help.js';
import { explainWords } from '../src/i18n/labels/explain.js';
import { resultWords } from '../src/i18n/labels/results.js';
import { sensitivityWords } from '../src/i18n/labels/sensitivity.js';
import { sipasWords } from '../src/i18n/labels/sipas.js';
import { cli as viCli } from '../src/i18n/vi/cli.js';
import { parseExact } from '../src/numbers/decimal-text.js';
import { scoreResultCsv } from '../src/report/results-csv.js';
import { scoreResultText } from '../src/report/results-table.js';
import { bindColumns } from '../src/table/headers.js';
import { parseCsvTable } from '../src/table/csv.js';
import { runCli } from './support/cli.js';
import { SAMPLE, sampleText } from './support/round.js';
import { createRound, sample, score } from '../src/index.js';
import { roundParts } from '../src/api/round.js';
import { unitLabels } from '../src/criteria/unit-labels.js';

/** The published figures of the sample (data/hanoi-2021/expected-score.json): unit → index. */
const EXPECTED = new Map((JSON.parse(sampleText('expected-score.json')).units as { unit: string; index: string }[]).map((u) => [u.unit, u.index]));
const NO_LOCALE = {};
const inputs = ['--framework', join(SAMPLE, 'framework.csv'), '--units', join(SAMPLE, 'units.csv'), '--evidence', join(SAMPLE, 'evidence.csv'), '--survey', join(SAMPLE, 'survey.csv')];
const tmp = () => mkdtempSync(join(tmpdir(), 'parindex-lang-'));

describe('the language of a run', () => {
  it('is --lang (the last one, before --), else the environment: Vietnamese unless English is named', () => {
    expect(cliLang([], {})).toBe('vi');
    expect(cliLang(['demo'], { LANG: 'en_US.UTF-8' })).toBe('en');
    expect(cliLang(['demo'], { LANG: 'C.UTF-8' })).toBe('vi');
    expect(cliLang(['demo'], { PARINDEX_LANG: 'en', LANG: 'vi_VN.UTF-8' })).toBe('en');
    expect(cliLang(['demo', '--lang', 'vi'], { PARINDEX_LANG: 'en' })).toBe('vi');
    expect(cliLang(['--lang=en', 'demo'], {})).toBe('en');
    expect(cliLang(['demo', '--lang', 'en', '--lang', 'vi'], {})).toBe('vi');
    expect(cliLang(['demo', '--', '--lang', 'en'], {})).toBe('vi');
    expect(cliLang(['demo', '--lang', 'fr'], { LANG: 'en_GB' })).toBe('en'); // refused by commander, in English
  });

  it('help is Vietnamese by default, English with --lang en, PARINDEX_LANG=en or LANG=en_US.UTF-8; LANG=C.UTF-8 is not English', async () => {
    const vi = await runCli(['--help'], NO_LOCALE);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toMatch(/^Cách dùng: parindex \[tùy chọn\] \[lệnh\]\n/);
    expect(vi.stdout).toContain('\nLệnh:\n');
    expect(vi.stdout).toMatch(/\n {2}help \[lệnh\] +in hướng dẫn của một lệnh\n/);
    expect(vi.stdout).toMatch(/-h, --help +in hướng dẫn của lệnh/);
    for (const [args, env] of [
      [['--help', '--lang', 'en'], NO_LOCALE],
      [['--help'], { PARINDEX_LANG: 'en' }],
      [['--help'], { LANG: 'en_US.UTF-8' }],
    ] as const) {
      const en = await runCli([...args], env);
      expect(en.stdout).toMatch(/^Usage: parindex \[options\] \[command\]\n/);
      expect(en.stdout).toMatch(/\n {2}help \[command\] +display help for command\n/);
    }
    expect((await runCli(['--help'], { LANG: 'C.UTF-8' })).stdout).toMatch(/^Cách dùng:/);
  });

  it("a command's help: its description, options with choices and defaults, all in the language", async () => {
    const vi = await runCli(['demo', '--help'], NO_LOCALE);
    expect(vi.stdout).toMatch(/^Cách dùng: parindex demo \[tùy chọn\]\n\ntính điểm bộ dữ liệu mẫu có sẵn/);
    const flat = vi.stdout.replace(/\s+/g, ' '); // descriptions wrap at 80 columns
    expect(flat).toContain('--format <format> định dạng đầu ra (chọn một trong: "table", "csv", "json", "xlsx", "html"; mặc định: "table")');
    expect(flat).toContain('--number-style <style> cách viết số');
    expect(flat).toContain('--lang <lang> ngôn ngữ: vi (tiếng Việt) hoặc en');
    const en = await runCli(['compare', '--help', '--lang', 'en'], NO_LOCALE);
    expect(en.stdout).toMatch(/^Usage: parindex compare \[options\] <old> <new>\n/);
    expect(en.stdout).toMatch(/\nArguments:\n {2}old +the earlier result file\n/);
    expect((await runCli(['compare', '--help'], NO_LOCALE)).stdout).toMatch(/\nTham số:\n {2}old +tệp kết quả kỳ trước\n/);
  });
});

describe('usage errors (exit 2) in the language', () => {
  const err = async (args: string[], env: Record<string, string> = NO_LOCALE) => {
    const r = await runCli(args, env);
    expect(r.code).toBe(2);
    return r.stderr.split('\n')[0];
  };

  it("commander's errors, by code: unknown option and command, missing argument or value, bad choice, too many arguments", async () => {
    expect(await err(['score', '--framwork', 'f'])).toBe('parindex: không có tùy chọn "--framwork" (có phải ý bạn là --framework?)');
    expect(await err(['score', '--bogus'])).toBe('parindex: không có tùy chọn "--bogus"');
    expect(await err(['scor'])).toBe('parindex: không có lệnh "scor" (có phải ý bạn là score?)');
    expect(await err(['compare', 'a.json'])).toBe('parindex: thiếu tham số <new>');
    expect(await err(['demo', '--out'])).toBe('parindex: tùy chọn --out cần một giá trị');
    expect(await err(['demo', '--format', 'xml'])).toBe('parindex: --format nhận một trong các giá trị table, csv, json, xlsx, html, không nhận "xml"');
    expect(await err(['compare', 'a', 'b', 'c'])).toBe('parindex: lệnh "compare" nhận quá nhiều tham số: cần 2, nhận được 3');
    expect(await err(['demo', '--lang', 'fr'])).toBe('parindex: --lang nhận một trong các giá trị vi, en, không nhận "fr"');
    expect(await err(['score', '--framwork', 'f', '--lang', 'en'])).toBe('parindex: unknown option "--framwork" (did you mean --framework?)');
    expect(await err(['compare', 'a.json'], { LANG: 'en_US.UTF-8' })).toBe('parindex: missing the argument <new>');
    // The command's help follows, in the same language.
    expect((await runCli(['demo', '--format', 'xml'], NO_LOCALE)).stderr).toContain('\nCách dùng: parindex demo [tùy chọn]\n');
  });

  it('a message commander words otherwise stays as it is', () => {
    expect(commanderMessage('error: something new', 'commander.unknownOption', 'vi')).toBe('error: something new');
    expect(commanderMessage("error: unknown option '--x'", 'commander.unknownOption', 'en')).toBe('parindex: unknown option "--x"');
  });

  it('our own checks: whole numbers, missing options, --bom and --csv-style only with csv, the problem a library reader found', async () => {
    const r = await runCli(['demo', '--decimals', '25'], NO_LOCALE);
    expect(r.stderr).toBe('parindex: --decimals nhận một số nguyên từ 0 đến 20, không nhận "25"\n(xem parindex --help)\n');
    expect(await err(['score', '--units', 'u.csv'])).toBe('parindex: thiếu --framework');
    expect(await err(['demo', '--bom'])).toBe('parindex: --bom chỉ dùng với --format csv, không dùng với "table"');
    expect(await err(['demo', '--csv-style', 'vi', '--format', 'json'])).toBe('parindex: --csv-style chỉ dùng với --format csv, không dùng với "json"');
    expect(await err(['sensitivity', ...inputs, '--mode', 'appraisal', '--spread', '0.2'])).toBe('parindex: --spread chỉ dùng với --mode weights; với --mode appraisal hãy dùng --revert');
    const bands = await runCli(['demo', '--bands', 'A=>90', '--lang', 'en'], NO_LOCALE);
    expect(bands.stderr).toMatch(/^parindex: --bands cannot take "A=>90"\n {2}.*found "A=>90"; expected bands such as "A>=90; B>=80; C>=70" \[bad-bands\]\n\(see parindex --help\)\n$/);
  });

  it('a UsageError carries its key and params; its message is English (for logs), its text either language', () => {
    const e = new UsageError('usage/whole-number', { flag: '--top', min: 0, max: 9, value: 'x' });
    expect([e.key, e.params, e.message]).toEqual(['usage/whole-number', { flag: '--top', min: 0, max: 9, value: 'x' }, '--top takes a whole number from 0 to 9, not "x"']);
    expect(e.text('vi')).toBe('--top nhận một số nguyên từ 0 đến 9, không nhận "x"');
  });
});

describe('bad input (exit 1) in the language', () => {
  it('a value that is not a number: file, dòng, cột, the value found and the code — in Vietnamese by default', async () => {
    const dir = tmp();
    const evidence = join(dir, 'evidence.csv');
    writeFileSync(evidence, sampleText('evidence.csv').replace('noi-vu,1.1.2,90.5,90.5,', 'noi-vu,1.1.2,"90,5",90.5,'));
    const args = ['score', ...inputs.slice(0, 4), '--evidence', evidence, '--survey', join(SAMPLE, 'survey.csv')];
    const vi = await runCli(args, NO_LOCALE);
    expect(vi.code).toBe(1);
    expect(vi.stdout).toBe('');
    const [head, line] = vi.stderr.split('\n');
    expect(head).toBe('parindex: dữ liệu vào có lỗi');
    expect(line.startsWith(`  ${evidence}, dòng 3, cột "self" (C): `)).toBe(true);
    expect(line).toMatch(/; giá trị là "90,5"; cần .*\[bad-input\]$/);
    const en = await runCli(args);
    expect(en.stderr.split('\n')[0]).toBe('parindex: bad input');
    expect(en.stderr.split('\n')[1]).toMatch(new RegExp(`^ {2}${evidence.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, row 3, column "self" \\(C\\): .*; found "90,5"; expected .*\\[bad-input\\]$`));
  });

  it('the progress bar says what it reads in the language', () => {
    expect(byteProgressLabel('phieu.csv', 'vi')).toBe('đang đọc phieu.csv');
    expect(byteProgressLabel('phieu {1}.csv', 'en')).toBe('reading phieu (1).csv');
  });

  it('check lists what is missing in Vietnamese', async () => {
    const r = await runCli(['check', ...inputs], NO_LOCALE);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ok: \d+ tiêu chí \(\d+ tiêu chí thành phần\), 52 đơn vị, \d+ dòng dữ liệu; 2 ô dữ liệu áp dụng còn thiếu \(tính 0 điểm; là lỗi khi có --strict\)$/);
    expect(lines.slice(1)).toEqual(['  thiếu: đơn vị "ban-ql-kcn", tiêu chí "5.4"', '  thiếu: đơn vị "phuc-tho", tiêu chí "7.6"']);
  });
});

describe('outputs people read', () => {
  it('demo: a Vietnamese table by default; --number-style vi writes 89,83 for Sở Tài chính in the table and the CSV', async () => {
    const t = await runCli(['demo'], NO_LOCALE);
    expect(t.stdout.split('\n')[0]).toBe('Khối sở — 22 đơn vị, trung bình 82.00, thấp nhất 68.11, cao nhất 89.83');
    expect(t.stdout).toMatch(/\nHạng {2}Mã đơn vị +Tên đơn vị +Chỉ số {2}Tự chấm {2}Thẩm định {2}Điều tra XHH {2}Cộng\/trừ {2}Thiếu\n/);
    expect(t.stderr).toContain('parindex: các ô dữ liệu còn thiếu được tính 0 điểm: 2 (đơn vị × tiêu chí) ở 2 đơn vị');
    const styled = await runCli(['demo', '--number-style', 'vi'], NO_LOCALE);
    expect(styled.stdout).toMatch(/\n {3}1 {2}tai-chinh +Sở Tài chính +89,83 {4}94,46 +64,51 +24,82 +0,50 +0\n/);
    const csv = await runCli(['demo', '--format', 'csv', '--number-style', 'vi'], NO_LOCALE);
    expect(csv.stdout.split('\r\n')[1]).toMatch(/^so,1,tai-chinh,Sở Tài chính,so,"89,83","94,46",,"89,83","100,00",/);
    const plain = await runCli(['demo', '--format', 'csv', '--lang', 'en']);
    expect(plain.stdout.split('\r\n')[0]).toMatch(/^rankGroup,rank,unit,name,group,index,selfIndex,band,points,max,appraisalPoints,surveyPoints,adjustPoints,area 1 points,area 1 max,/);
    expect(plain.stdout.split('\r\n')[1]).toMatch(/^so,1,tai-chinh,Sở Tài chính,so,89\.83,94\.46,,89\.83,100\.00,/);
  });

  it('the Vietnamese CSV headers are read back by the result reader (compare, --previous): the same indices', async () => {
    const csv = await runCli(['demo', '--format', 'csv'], NO_LOCALE);
    expect(csv.stdout.split('\r\n')[0]).toBe(
      [
        'Khối,Xếp hạng,Mã đơn vị,Tên đơn vị,Nhóm,Chỉ số,Chỉ số tự chấm,Xếp loại,Tổng điểm,Điểm tối đa áp dụng,Điểm thẩm định,Điểm điều tra xã hội học,Điểm cộng/trừ',
        ...[1, 2, 3, 4, 5, 6, 7, 8].map((a) => `Điểm lĩnh vực ${a},Điểm tối đa lĩnh vực ${a}`),
        'Số tiêu chí thiếu dữ liệu,Số dòng chưa thẩm định,Số tiêu chí không áp dụng',
      ].join(','),
    );
    const back = readResultTables([parseCsvTable(csv.stdout, { file: 'ket-qua.csv' })]);
    expect(back.units).toHaveLength(52);
    for (const u of back.units) expect([u.unit, u.indexText]).toEqual([u.unit, EXPECTED.get(u.unit)]);
    expect(back.units[0]).toMatchObject({ unit: 'tai-chinh', name: 'Sở Tài chính', rankGroup: 'so', rank: 1 });
  });

  it('--csv-style vi: ";" between cells and decimal commas; read back with the decimal comma, the same numbers', async () => {
    const dir = tmp();
    const out = join(dir, 'ket-qua.csv');
    expect((await runCli(['demo', '--format', 'csv', '--csv-style', 'vi', '--bom', '--out', out], NO_LOCALE)).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\ufeffKhối;Xếp hạng;Mã đơn vị;Tên đơn vị;Nhóm;Chỉ số;')).toBe(true);
    expect(text.split('\r\n')[1]).toMatch(/^so;1;tai-chinh;Sở Tài chính;so;"89,83";"94,46";;"89,83";"100,00";/);
    // The CSV table reader finds the ";" and the Vietnamese headers; every number reads with the decimal comma.
    const table = parseCsvTable(text, { file: out });
    const cols = bindColumns(table, RESULT_FIELDS, new IssueList(), 'result file');
    const plain = parseCsvTable((await runCli(['demo', '--format', 'csv', '--lang', 'en'])).stdout);
    expect(table.rows).toHaveLength(52);
    table.rows.forEach(({ cells }, i) => {
      const index = parseExact(cells[cols.index], { decimalComma: true });
      expect(index?.toFixed(2)).toBe(EXPECTED.get(cells[cols.unit]));
      // Every figure of the row: the same number as in the plain CSV.
      cells.forEach((c, j) => {
        const p = plain.rows[i].cells[j];
        if (p.includes('.')) expect(parseExact(c, { decimalComma: true })!.eq(parseExact(p)!)).toBe(true);
        else expect(c).toBe(p);
      });
    });
  });

  it('explain and sensitivity speak Vietnamese by default', async () => {
    const e = await runCli(['explain', ...inputs, '--unit', 'tai-chinh', '--bands', 'A>=90; B>=80', '--number-style', 'vi'], NO_LOCALE);
    expect(e.stdout.split('\n').slice(0, 3)).toEqual([
      'Sở Tài chính (tai-chinh) — khối so, xếp hạng 1/22, xếp loại B',
      'Chỉ số 89,83 (tự chấm 94,46); đạt 89,83/100,00 điểm, mất 10,17 điểm',
      'Tiêu chí thiếu dữ liệu: 0; dòng chưa thẩm định: 2; không áp dụng: 0',
    ]);
    expect(e.stdout).toMatch(/\nhơn đơn vị xếp dưới +ldtbxh +2 +89,71 +0,12 +0,12\n/);
    expect(e.stdout).toMatch(/\nđể đạt xếp loại A \(≥ 90\) +— +— +90 +0,17 +0,17\n/);
    const c = await runCli(['explain', ...inputs, '--unit', 'tai-chinh', '--format', 'csv'], NO_LOCALE);
    expect(c.stdout.split('\r\n').slice(0, 2)).toEqual([
      'Phần,Mục,Tên,Xếp hạng,Chỉ số,Cách biệt chỉ số,Cách biệt điểm,Cách chấm,Trạng thái,Dữ liệu,Điểm,Điểm tối đa,Điểm mất',
      'đơn vị,tai-chinh,Sở Tài chính,1,89.83,,,,,,89.83,100.00,10.17',
    ]);
    const s = await runCli(['sensitivity', ...inputs, '--runs', '10'], NO_LOCALE);
    expect(s.stdout.split('\n')[0]).toBe('Độ nhạy theo trọng số: 10 lần chạy, hạt giống 1, trọng số của mỗi tiêu chí thành phần nhân với một hệ số ngẫu nhiên đều trong [0.9; 1.1)');
    expect(s.stdout).toMatch(/\nKhối so — \d+\/22 đơn vị không bao giờ đổi hạng/);
  });

  it('the library renders text and CSV in Vietnamese by default, English and the number styles on request', () => {
    const round = createRound(sample());
    const result = score(round);
    expect(renderText(result).split('\n')[0]).toBe('Khối sở — 22 đơn vị, trung bình 82.00, thấp nhất 68.11, cao nhất 89.83');
    expect(renderText(result, { lang: 'en', numberStyle: 'vi' }).split('\n')[0]).toBe('Khối sở (so) — 22 units, mean 82,00, min 68,11, max 89,83');
    expect(renderText(result)).toBe(scoreResultText(result, result.settings, {}, unitLabels(roundParts(round).units)));
    expect(renderCsv(result, { csvStyle: 'vi' }).split('\r\n')[1]).toMatch(/^so;1;tai-chinh;Sở Tài chính;so;"89,83";/);
    expect(renderCsv(result, { lang: 'en' })).toBe(scoreResultCsv(result, { lang: 'en' }));
    expect(() => renderText(result, { lang: 'fr' as 'vi' })).toThrow();
  });
});

describe('both languages, everywhere', () => {
  it('every usage message has both languages, with the same params, and they differ', () => {
    expect(Object.keys(viCli).sort()).toEqual(Object.keys(enCli).sort());
    const params = {
      flag: '--x',
      min: 0,
      max: 1,
      value: 'v',
      options: '--a',
      format: 'f',
      names: 'a, b',
      out: 'o.txt',
      option: '--o',
      suggestion: '--p',
      command: 'c',
      argument: 'a',
      choices: 'a, b',
      expected: 1,
      received: 2,
      key: 'k',
      keys: 'k1, k2',
      audit: 'none',
    };
    for (const key of Object.keys(enCli) as (keyof typeof enCli)[]) {
      const [en, vi] = [usageMessage(key, params, 'en'), usageMessage(key, params, 'vi')];
      expect(en, key).not.toMatch(/undefined/);
      expect(vi, key).not.toMatch(/undefined/);
      expect(vi, key).not.toBe(en);
    }
  });

  it('every label set has the same keys in both languages', () => {
    const shape = (x: unknown): unknown =>
      x && typeof x === 'object'
        ? Object.fromEntries(
            Object.entries(x)
              .map(([k, v]) => [k, shape(v)])
              .sort(),
          )
        : typeof x;
    for (const words of [cliWords, cliHelp, resultWords, sipasWords, explainWords, sensitivityWords]) expect(shape(words.vi)).toEqual(shape(words.en));
  });

  it('every command, argument and option of the program has its help in both languages', () => {
    const missing: string[] = [];
    for (const lang of ['vi', 'en'] as const) {
      const program = buildProgram(lang);
      for (const cmd of allCommands(program)) {
        const name = cmd === program ? '' : cmd.name();
        if (name && !cliHelp[lang].commands[name]) missing.push(`${lang} command ${name}`);
        for (const o of cmd.options) if (!optionHelp(name, o.attributeName(), lang)) missing.push(`${lang} ${name} ${o.long}`);
        for (const a of cmd.registeredArguments) if (!argumentHelp(name, a.name(), lang)) missing.push(`${lang} ${name} <${a.name()}>`);
      }
    }
    expect(missing).toEqual([]);
  });
});
