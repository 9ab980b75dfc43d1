/**
 * The byte path for long CSV evidence and survey results (src/criteria/input-bytes.ts over
 * src/table/csv-bytes.ts) against the row path (the rows of a table, the reference): the same
 * matrix — values, NA, presence, sources, blank rows — on every file it finishes, in every chunking,
 * and the same errors through `buildInputs` on every other (it gives up and the row path words
 * them). Also: each rule's `plainRange` is what its `read` does with plain numbers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInputs } from '../src/criteria/evidence.js';
import { buildFramework } from '../src/criteria/framework.js';
import { InputBytes, type InputBytesOptions } from '../src/criteria/input-bytes.js';
import type { InputMatrix } from '../src/criteria/inputs.js';
import { isCellProblem, readCell } from '../src/criteria/rules.js';
import { ruleOf } from '../src/criteria/rules/index.js';
import { buildUnits } from '../src/criteria/units.js';
import { isUtf8 } from '../src/table/csv-bytes.js';
import { csvRowSource, parseCsvTable } from '../src/table/csv.js';
import type { RowSource } from '../src/table/table.js';
import { csv, sampleText } from './support/round.js';

type Outcome = { ok: true; matrix: unknown } | { ok: false; issues: unknown };

/** A matrix as plain data, for comparing two. */
function plain(m: InputMatrix) {
  return { value: [...m.value], scale: [...m.scale], present: [...m.present], state: [...m.state], sources: [...m.sources], blank: [...m.blankRows], overflow: [...m.overflow].map(([k, v]) => [k, String(v)]) };
}

const utf8 = new TextEncoder();

/** Feeds `bytes` to a splitter in chunks cut at `cuts` (fractions of the length). */
function feed(lines: { push(c: Uint8Array): boolean; end(): boolean }, bytes: Uint8Array, cuts: number[]): boolean {
  const at = [...new Set(cuts.map((f) => Math.floor(f * bytes.length)))].sort((a, b) => a - b);
  let prev = 0;
  for (const c of [...at, bytes.length]) {
    // A fresh copy per chunk, then overwritten: the reader must not keep a chunk it was given.
    const chunk = bytes.slice(prev, c);
    const ok = lines.push(chunk);
    chunk.fill(0x2a);
    if (!ok) return false;
    prev = c;
  }
  return lines.end();
}

function setup(fwText: string, unitsText: string) {
  return { fw: buildFramework(parseCsvTable(fwText, { file: 'fw.csv' })), units: buildUnits(parseCsvTable(unitsText, { file: 'units.csv' })) };
}

/** The byte path alone on evidence (and survey) text, chunked; undefined when it gave up. */
function bytePath(fwText: string, unitsText: string, evidence: string, survey: string | undefined, cuts: number[], opts: InputBytesOptions = {}): InputMatrix | undefined {
  const { fw, units } = setup(fwText, unitsText);
  const r = new InputBytes(fw, units, opts);
  if (!feed(r.evidence('evidence.csv'), utf8.encode(evidence), cuts)) return undefined;
  if (survey !== undefined && !feed(r.survey('survey.csv'), utf8.encode(survey), cuts)) return undefined;
  return r.matrix;
}

/** `buildInputs` on the files as `read` gives their tables: the matrix, or the problems it threw. */
function build(read: (text: string, source: { file: string }) => RowSource, fwText: string, unitsText: string, evidence: string, survey: string | undefined, opts: InputBytesOptions): Outcome {
  const { fw, units } = setup(fwText, unitsText);
  try {
    const sv = survey === undefined ? undefined : read(survey, { file: 'survey.csv' });
    return { ok: true, matrix: plain(buildInputs(fw, units, { evidence: read(evidence, { file: 'evidence.csv' }), survey: sv }, { decimalComma: opts.decimalComma, sources: opts.sources !== false })) };
  } catch (e) {
    return { ok: false, issues: (e as { issues?: unknown }).issues ?? String(e) };
  }
}

/** The row path (tables of rows, no text: the byte path never runs). */
const rowPath = (fwText: string, unitsText: string, evidence: string, survey: string | undefined, opts: InputBytesOptions = {}) => build(parseCsvTable, fwText, unitsText, evidence, survey, opts);

/** `buildInputs` on lazily read CSV (the byte path first, the row path when it gives up). */
const viaBuild = (fwText: string, unitsText: string, evidence: string, survey: string | undefined, opts: InputBytesOptions = {}) => build(csvRowSource, fwText, unitsText, evidence, survey, opts);

describe('the byte path', () => {
  it('reads the sample evidence and survey (quoted cells, Vietnamese text) to the row path’s matrix, in any chunking', () => {
    const [fw, units, ev, sv] = ['framework.csv', 'units.csv', 'evidence.csv', 'survey.csv'].map(sampleText);
    const reference = rowPath(fw, units, ev, sv);
    expect(reference.ok).toBe(true);
    for (const cuts of [[], [0.5], [0.001, 0.002, 0.3, 0.30001], Array.from({ length: 97 }, (_, i) => i / 97)]) {
      const m = bytePath(fw, units, ev, sv, cuts);
      expect(m, `cuts ${cuts.length}`).toBeDefined();
      expect({ ok: true, matrix: plain(m!) }).toEqual(reference);
      expect(m!.sources.size).toBeGreaterThan(100);
    }
  });

  it('keeps only where each row stands with sources: "offsets" (read back for the audit)', () => {
    const [fw, units, ev] = ['framework.csv', 'units.csv', 'evidence.csv'].map(sampleText);
    const { fw: f, units: u } = setup(fw, units);
    const r = new InputBytes(f, u, { sources: 'offsets' });
    const bytes = utf8.encode(ev);
    expect(feed(r.evidence('evidence.csv'), bytes, [0.37])).toBe(true);
    expect(r.matrix.sources.size).toBe(0);
    const text = bytePath(fw, units, ev, undefined, [])!;
    const o = r.offsets!;
    let n = 0;
    for (const [cell, s] of text.sources) {
      n++;
      expect(o.row[cell]).toBe(s.row);
      // The offset is the row's first byte: the line there starts with the unit id.
      const at = o.offset[cell] - 1;
      const line = new TextDecoder().decode(bytes.subarray(at, bytes.indexOf(10, at)));
      expect(line).toContain(s.evidence.replaceAll('"', '""').split('\n')[0].slice(0, 5));
    }
    expect(n).toBeGreaterThan(100);
    expect([...o.offset].filter((x) => x > 0).length).toBe(n);
  });

  const FW = csv(
    'code,title,max,method,rule,params,groups',
    '1,A,,,,,',
    '1.1,x,10,appraisal,points,,',
    '1.2,y,1,appraisal,yesno,,',
    '1.3,z,5,appraisal,ratio,target=100,a',
    '1.4,t,4,appraisal,tiers,>=50:4 | >=20:2 | else:0,',
    '1.5,p,,appraisal,adjust,min=-2 max=1.5,',
    '1.6,q,2,appraisal,points,allowed=0;1;2,',
    '2,B,,,,,',
    '2.1,s,10,survey,survey,,',
  );
  const UNITS = csv('unit,name,group', 'a,A,a', 'b,B,b', 'Sở,S,a');
  const num = fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      '0',
      '1',
      '2.5',
      '2,5',
      '10',
      '11',
      '100',
      '100.01',
      '1.50',
      '007',
      'NA',
      'na',
      ' NA ',
      '"1.5"',
      '"x""y"',
      'có',
      'không',
      'x',
      '-1',
      '+1',
      ' 3 ',
      '"',
      'a"b',
      '5.',
      '.5',
      '1e2',
      '1.2.3',
      '123456789012345',
      '1234567890123456',
      '0.000000000000001',
      '\t4',
    ),
    fc.string({ maxLength: 3 }),
  );
  const unit = fc.constantFrom('a', 'b', 'Sở', 'So\u031B', '"a"', ' b ', '"Sở"', 'c', '', ' a', '"b"""', 'a\u00a0');
  const code = fc.constantFrom('1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '2.1', '1', '9.9', '', '"1.1"', ' 1.2');
  const text = fc.constantFrom('', 'BC 1', '"x, y"', '"x; y"', '"a ""b"""', 'Đã ban hành', '"\u00a0"', '" "');
  const extra = fc.constantFrom('', '', '', '{d}', '{d}{d}', '{d}x');
  const goodNum = fc.constantFrom('', '0', '1', '2.5', '4', 'NA', '"1"', ' 1 ', '0.5', '1,5');
  const evLine = fc.oneof(
    { arbitrary: fc.tuple(fc.constantFrom('a', 'b', '"a"', ' b ', 'Sở'), fc.constantFrom('1.1', '1.2', '1.4', '1.6'), goodNum, goodNum, text, fc.constant('')), weight: 6 },
    { arbitrary: fc.tuple(unit, code, num, num, text, extra), weight: 1 },
  );
  const svLine = fc.oneof(
    { arbitrary: fc.tuple(fc.constantFrom('a', 'b', 'Sở'), fc.constant('2.1'), fc.constantFrom('', '50', '99.5', '99,5', 'NA', '100'), fc.constant('')), weight: 4 },
    { arbitrary: fc.tuple(unit, code, num, extra), weight: 1 },
  );

  it('agrees with the row path on random files: the same matrix whenever it finishes, in any chunking; the same outcome through buildInputs', () => {
    let finished = 0;
    let gaveUp = 0;
    fc.assert(
      fc.property(
        fc.array(evLine, { maxLength: 8 }),
        fc.array(svLine, { maxLength: 4 }),
        fc.constantFrom('\n', '\n', '\r\n', '\r'),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }),
        (evLines, svLines, eol, bom, semicolon, blankLine, cuts) => {
          const d = semicolon ? ';' : ',';
          const opts = { decimalComma: semicolon };
          const ev = evLines.map(([u, c, s, a, e, x]) => [u, c, s, a, e].join(d) + x.replaceAll('{d}', d));
          if (blankLine) ev.splice(Math.min(1, ev.length), 0, '');
          const evidence = `${bom ? '\uFEFF' : ''}${['unit', 'criterion', 'self', 'appraised', 'evidence'].join(d)}${eol}${ev.join(eol)}${eol}`;
          const sv = svLines.map(([u, c, s, x]) => [u, c, s].join(d) + x.replaceAll('{d}', d));
          const survey = svLines.length ? `${['unit', 'criterion', 'score'].join(d)}${eol}${sv.join(eol)}` : undefined;
          const reference = rowPath(FW, UNITS, evidence, survey, opts);
          const m = bytePath(FW, UNITS, evidence, survey, cuts, opts);
          if (m) {
            finished++;
            expect({ ok: true, matrix: plain(m) }).toEqual(reference);
          } else gaveUp++;
          expect(viaBuild(FW, UNITS, evidence, survey, opts)).toEqual(reference);
        },
      ),
      { numRuns: Number(process.env.PROP_RUNS ?? 600) },
    );
    // Both outcomes are exercised.
    expect(finished).toBeGreaterThan(30);
    expect(gaveUp).toBeGreaterThan(30);
  });
});

describe('plainRange', () => {
  const FW = csv(
    'code,title,max,method,rule,params,groups',
    '1,A,,,,,',
    '1.1,x,10,appraisal,points,,',
    '1.2,y,7.5,appraisal,points,,',
    '1.3,z,5,appraisal,ratio,target=80,',
    '1.4,t,4,appraisal,tiers,>=50:4 | >=20:2 | else:0,',
    '1.5,p,,appraisal,adjust,min=0.25 max=1.5,',
    '1.6,p,,appraisal,adjust,max=-1,',
    '2,B,,,,,',
    '2.1,s,10,survey,survey,,',
  );
  it('a plain number in the range is read by the rule as that number; its bounds are exact', () => {
    const fw = buildFramework(parseCsvTable(FW));
    const leaves = fw.leaves.filter((c) => ruleOf(c).plainRange?.(c) !== undefined);
    expect(leaves.length).toBe(7);
    const digits = fc.stringMatching(/^[0-9]{1,6}$/);
    fc.assert(
      fc.property(fc.constantFrom(...leaves), digits, fc.option(digits, { nil: undefined }), (c, whole, frac) => {
        const text = frac === undefined ? whole : `${whole}.${frac}`;
        const range = ruleOf(c).plainRange!(c)!;
        const units = Number(whole + (frac ?? ''));
        const scale = frac?.length ?? 0;
        const v = units / 10 ** scale;
        // Away from the bounds by more than float error: the range decides.
        const inside = (range.lo === null || v > range.lo.toNumber() + 1e-9) && (range.hi === null || v < range.hi.toNumber() - 1e-9);
        const read = readCell(c, text);
        if (inside) {
          expect(isCellProblem(read)).toBe(false);
          expect(read).toMatchObject({ kind: 'value', units, scale });
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('takes the bounds themselves and refuses just past them (10 and 10.000 taken, 10.001 read by the rule)', () => {
    const fw = buildFramework(parseCsvTable(FW));
    const units = buildUnits(parseCsvTable(csv('unit,name,group', 'a,A,a')));
    const run = (cell: string, code = '1.1') => {
      const r = new InputBytes(fw, units);
      const lines = r.evidence('e.csv');
      const ok = lines.push(utf8.encode(`unit,criterion,self,appraised\na,${code},${cell},${cell}\n`)) && lines.end();
      return ok ? r.matrix.exact(r.matrix.cell(0, r.matrix.leafIndex.get(code)!), 1).toString() : 'gave up';
    };
    expect(run('10')).toBe('10');
    expect(run('10.000')).toBe('10');
    expect(run('10.001')).toBe('gave up');
    expect(run('7.5', '1.2')).toBe('7.5');
    expect(run('7.51', '1.2')).toBe('gave up');
    expect(run('0.25', '1.5')).toBe('0.25');
    expect(run('0.24', '1.5')).toBe('gave up');
    expect(run('0', '1.6')).toBe('gave up');
    expect(run('100', '2.1')).toBe('gave up'); // a survey criterion in the evidence: the row path's error
  });
});

describe('isUtf8', () => {
  const strict = new TextDecoder('utf-8', { fatal: true });
  const valid = (b: Uint8Array) => {
    try {
      strict.decode(b);
      return true;
    } catch {
      return false;
    }
  };
  it('agrees with a fatal TextDecoder on random bytes and on text with every kind of character', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 12 }),
      fc.array(fc.constantFrom(0x41, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xa0, 0x9f, 0xed, 0xef, 0xf0, 0x90, 0x8f, 0xf4, 0xf5, 0xff), { maxLength: 8 }).map((a) => Uint8Array.from(a)),
      fc.string({ unit: 'binary', maxLength: 6 }).map((t) => utf8.encode(t)),
    );
    fc.assert(
      fc.property(bytes, (b) => {
        expect(isUtf8(b, 0, b.length)).toBe(valid(b));
      }),
      { numRuns: 20000 },
    );
  });
});

describe('the input matrix’s values', () => {
  it('start as 32-bit integers and move to doubles at the first value past them, keeping the others', () => {
    const { fw, units } = setup(csv('code,title,max,method,rule,params,groups', '1,A,,,,,', '1.1,x,1,appraisal,tiers,>=1:1 | else:0,', '1.2,y,1,appraisal,tiers,>=1:1 | else:0,'), csv('unit,name,group', 'a,A,a'));
    const r = new InputBytes(fw, units);
    const lines = r.evidence('e.csv');
    expect(lines.push(utf8.encode('unit,criterion,self,appraised\na,1.1,2147483647,-2147483648.5\na,1.2,123456789012.25,7\n')) && lines.end()).toBe(true);
    const m = r.matrix;
    expect(m.value).toBeInstanceOf(Float64Array);
    expect([0, 1].flatMap((cell) => [m.exact(cell, 0).toString(), m.exact(cell, 1).toString()])).toEqual(['2147483647', '-2147483648.5', '123456789012.25', '7']);
    const small = new InputBytes(fw, units);
    const l2 = small.evidence('e.csv');
    expect(l2.push(utf8.encode('unit,criterion,self,appraised\na,1.1,2147483647,-2147483648\n')) && l2.end()).toBe(true);
    expect(small.matrix.value).toBeInstanceOf(Int32Array);
    expect(small.matrix.exact(0, 1).toString()).toBe('-2147483648');
  });
});
