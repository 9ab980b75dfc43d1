/**
 * The embedded sample's SIPAS files must reproduce expected-sipas.json exactly (every unit, node,
 * count, rank and the pooled ALL row) through every reader — byte tokenizer (whole file, tiny
 * chunks), csv-parse stream, in-memory table — and through the CLI; the built-in definitions are
 * what docs/spec.md §5 says.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvTable } from '../src/table/csv.js';
import { surveyBuiltin, surveyBuiltinCsv } from '../src/sipas/builtins.js';
import { buildSurveyDefinition } from '../src/sipas/definition.js';
import { surveyResultJson, surveyResultJsonText } from '../src/report/sipas-json.js';
import { scoreSurveyCsv, scoreSurveyTable } from '../src/sipas/score.js';
import { scoreSurvey } from '../src/node/sipas-file.js';
import { SAMPLE, sampleText } from './support/round.js';

const expectedText = sampleText('expected-sipas.json');
const expected = JSON.parse(expectedText);
const QUESTIONS = join(SAMPLE, 'sipas-questions.csv');
const RESPONSES = join(SAMPLE, 'sipas-responses.csv');
const CLI = join(__dirname, '..', 'dist', 'cli.js');

function sampleDefinition() {
  return buildSurveyDefinition(parseCsvTable(sampleText('sipas-questions.csv'), { file: 'sipas-questions.csv' }));
}

describe('SIPAS sample (Hà Nội 2021-shaped, 2640 definition)', () => {
  const def = sampleDefinition();

  it('reproduces expected-sipas.json byte for byte with the byte tokenizer', async () => {
    const r = await scoreSurvey(def, RESPONSES);
    expect(surveyResultJsonText(r)).toBe(expectedText);
    expect(surveyResultJson(r)).toEqual(expected);
  });

  it('reproduces it with the csv-parse stream', async () => {
    const r = await scoreSurvey(def, RESPONSES, { reader: 'csv-parse' });
    expect(surveyResultJsonText(r)).toBe(expectedText);
  });

  it('reproduces it from an in-memory table and from bytes fed in 7-byte chunks', async () => {
    const text = sampleText('sipas-responses.csv');
    expect(surveyResultJsonText(scoreSurveyTable(def, parseCsvTable(text, { file: 'r.csv' })))).toBe(expectedText);
    expect(surveyResultJsonText(scoreSurveyCsv(def, text))).toBe(expectedText);
    const bytes = Buffer.from(text, 'utf8');
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.subarray(i, i + 7));
    expect(surveyResultJsonText(await scoreSurvey(def, chunks))).toBe(expectedText);
  });

  it('has the sample figures: 10 units ranked 1–10, ALL last with 2890 forms, 106 invalid, index 85.29', async () => {
    const r = await scoreSurvey(def, RESPONSES);
    expect(r.units.map((u) => [u.unit, u.rank, u.index!.toFixed(2)])).toEqual([
      ['ldtbxh', 1, '91.82'],
      ['tu-phap', 2, '90.21'],
      ['cau-giay', 3, '89.40'],
      ['dong-da', 4, '86.37'],
      ['khdt', 5, '86.30'],
      ['son-tay', 6, '86.18'],
      ['quoc-oai', 7, '86.01'],
      ['dong-anh', 8, '81.25'],
      ['xay-dung', 9, '80.70'],
      ['tnmt', 10, '73.08'],
    ]);
    expect([r.all.unit, r.all.forms, r.all.valid, r.all.invalid, r.all.skipped, r.all.rank, r.all.index!.toFixed(2)]).toEqual(['ALL', 2890, 2784, 106, 0, null, '85.29']);
    // The pooled row pools forms, not unit indices.
    const sum = r.all.counts;
    expect(sum.forms).toBe(r.units.reduce((a, u) => a + u.forms, 0));
  });

  it('sipas-2017 is exactly the sample definition, and --print-definition writes it', () => {
    expect(surveyBuiltinCsv('sipas-2017')).toBe(sampleText('sipas-questions.csv'));
    const b = surveyBuiltin('sipas-2017');
    expect(b.top.map((t) => [t.code, t.children.length])).toEqual([
      ['1', 5],
      ['2', 4],
      ['3', 5],
      ['4', 4],
      ['5', 4],
    ]);
    expect(b.questions.map((q) => q.column)).toEqual(
      [...'11111'].map((_, i) => `q1_${i + 1}`).concat(['q2_1', 'q2_2', 'q2_3', 'q2_4', 'q3_1', 'q3_2', 'q3_3', 'q3_4', 'q3_5', 'q4_1', 'q4_2', 'q4_3', 'q4_4', 'q5_1', 'q5_2', 'q5_3', 'q5_4']),
    );
    expect(b.questions.filter((q) => q.optional).map((q) => q.code)).toEqual(['5.1', '5.2', '5.3', '5.4']);
  });

  it('sipas-2023 has the 1001 parts: policy A q1–2, B q3–4, C q5–12, D q13–14; service q15–33, q31–33 optional', () => {
    const b = surveyBuiltin('sipas-2023');
    expect(b.top.map((t) => t.code)).toEqual(['1', '2']);
    const cols = (code: string) => b.byCode.get(code)!.children.map((k) => b.byCode.get(k)!.column);
    const q = (a: number, z: number) => Array.from({ length: z - a + 1 }, (_, i) => `q${a + i}`);
    expect(b.byCode.get('1')!.children.map(cols)).toEqual([q(1, 2), q(3, 4), q(5, 12), q(13, 14)]);
    expect(b.byCode.get('2')!.children.map(cols)).toEqual([q(15, 18), q(19, 22), q(23, 27), q(28, 30), q(31, 33)]);
    expect(b.questions.filter((x) => x.optional).map((x) => x.column)).toEqual(q(31, 33));
    expect(b.nodes.every((n) => n.weight.toString() === '1' && n.aggregate.kind === 'mean')).toBe(true);
    // Its CSV reads back to the same tree.
    const again = buildSurveyDefinition(parseCsvTable(surveyBuiltinCsv('sipas-2023')));
    expect(again.nodes.map((n) => [n.code, n.column, n.optional])).toEqual(b.nodes.map((n) => [n.code, n.column, n.optional]));
  });

  it.runIf(existsSync(CLI))('the built CLI prints expected-sipas.json for the sample', () => {
    const out = execFileSync('node', [CLI, 'sipas', '--questions', QUESTIONS, '--responses', RESPONSES, '--format', 'json'], { encoding: 'utf8' });
    expect(out).toBe(readFileSync(join(SAMPLE, 'expected-sipas.json'), 'utf8'));
  });
});
