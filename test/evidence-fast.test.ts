/**
 * The fast path for long CSV evidence (src/criteria/evidence-fast.ts) against the general path (the
 * rows of a table): the same matrix — values, NA, presence, sources, blank rows — on every file it
 * finishes, and the same errors on every other (it gives up and the general path words them).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInputs, FirstEvidenceRows } from '../src/criteria/evidence.js';
import { readLongEvidenceFast } from '../src/criteria/evidence-fast.js';
import { buildFramework } from '../src/criteria/framework.js';
import { InputMatrix } from '../src/criteria/inputs.js';
import { buildUnits } from '../src/criteria/units.js';
import { csvRowSource, parseCsvTable } from '../src/table/csv.js';
import { csv, sampleText } from './support/round.js';

type Outcome = { ok: true; matrix: unknown } | { ok: false; issues: unknown };

/** A matrix as plain data, for comparing two. */
function plain(m: InputMatrix) {
  return { value: [...m.value], scale: [...m.scale], present: [...m.present], state: [...m.state], sources: [...m.sources], blank: [...m.blankRows], overflow: [...m.overflow].map(([k, v]) => [k, String(v)]) };
}

function both(fwText: string, unitsText: string, evidenceText: string, surveyText?: string): { fast: Outcome; general: Outcome } {
  const fw = buildFramework(parseCsvTable(fwText, { file: 'fw.csv' }));
  const units = buildUnits(parseCsvTable(unitsText, { file: 'units.csv' }));
  const run = (evidence: () => ReturnType<typeof csvRowSource>): Outcome => {
    try {
      return { ok: true, matrix: plain(buildInputs(fw, units, { evidence: evidence(), survey: surveyText === undefined ? undefined : parseCsvTable(surveyText, { file: 'survey.csv' }) })) };
    } catch (e) {
      return { ok: false, issues: (e as { issues?: unknown }).issues ?? String(e) };
    }
  };
  return { fast: run(() => csvRowSource(evidenceText, { file: 'evidence.csv' })), general: run(() => parseCsvTable(evidenceText, { file: 'evidence.csv' })) };
}

describe('the fast evidence path', () => {
  it('takes the sample evidence (quoted cells, Vietnamese text) and gives the general path’s matrix', () => {
    const fw = buildFramework(parseCsvTable(sampleText('framework.csv'), { file: 'framework.csv' }));
    const units = buildUnits(parseCsvTable(sampleText('units.csv'), { file: 'units.csv' }));
    const table = csvRowSource(sampleText('evidence.csv'), { file: 'evidence.csv' });
    const m = new InputMatrix(fw, units);
    expect(readLongEvidenceFast(table, fw, units, m, {}, new FirstEvidenceRows(m.present.length))).toBe(true);
    const general = buildInputs(fw, units, { evidence: parseCsvTable(sampleText('evidence.csv'), { file: 'evidence.csv' }) });
    expect(plain(m)).toEqual(plain(general));
    expect(m.sources.size).toBeGreaterThan(100);
  });

  const FW = csv('code,title,max,method,rule,params,groups', '1,A,,,,,', '1.1,x,10,appraisal,points,,', '1.2,y,1,appraisal,yesno,,', '1.3,z,5,appraisal,ratio,target=100,a', '2,B,,,,,', '2.1,s,10,survey,survey,,');
  const UNITS = csv('unit,name,group', 'a,A,a', 'b,B,b', 'Sở,S,a');
  const cellArb = fc.oneof(fc.constantFrom('', ' ', '1', '0', '2.5', '10', '11', 'NA', 'na', '1,5', '"1.5"', '"x""y"', 'có', '-1', ' 3 ', '"', 'a"b', '5.', '1e2'), fc.string({ maxLength: 3 }));
  const clean = fc.tuple(
    fc.constantFrom('a', 'b', 'Sở', '"a"', ' b '),
    fc.constantFrom('1.1', '1.2'),
    fc.constantFrom('', '0', '1', 'NA', '"1"'),
    fc.constantFrom('', '0', '1', 'NA'),
    fc.constantFrom('', 'BC 1', '"x, y"', '"a ""b"""'),
    fc.constant(''),
  );
  const messy = fc.tuple(fc.constantFrom('a', 'b', 'Sở', 'So\u031B', 'c', '', ' a', '"b"'), fc.constantFrom('1.1', '1.2', '1.3', '2.1', '1', '9.9', ''), cellArb, cellArb, cellArb, fc.constantFrom('', ',', ',,', ',x'));
  const lineArb = fc.oneof({ arbitrary: clean, weight: 4 }, { arbitrary: messy, weight: 1 });

  it('agrees with the general path on random files: same matrix, or the same errors', () => {
    let finished = 0;
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.boolean(), (lines, eol, bom, blankLine) => {
        const body = lines.map(([u, c, s, a, e, extra]) => `${u},${c},${s},${a},${e}${extra}`);
        if (blankLine) body.splice(Math.min(1, body.length), 0, '');
        const text = `${bom ? '\uFEFF' : ''}unit,criterion,self,appraised,evidence${eol}${body.join(eol)}${eol}`;
        const { fast, general } = both(FW, UNITS, text);
        expect(fast).toEqual(general);
        if (fast.ok) finished++;
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 400) },
    );
    // Files that read cleanly are common enough that both outcomes are exercised.
    expect(finished).toBeGreaterThan(20);
  });
});

describe('evidence references kept only when an output shows them', () => {
  it('sources: false gives the same matrix without the per-cell references (fast and general path)', () => {
    const fw = buildFramework(parseCsvTable(sampleText('framework.csv'), { file: 'framework.csv' }));
    const units = buildUnits(parseCsvTable(sampleText('units.csv'), { file: 'units.csv' }));
    for (const evidence of [() => csvRowSource(sampleText('evidence.csv'), { file: 'evidence.csv' }), () => parseCsvTable(sampleText('evidence.csv'), { file: 'evidence.csv' })]) {
      const kept = buildInputs(fw, units, { evidence: evidence() });
      const dropped = buildInputs(fw, units, { evidence: evidence() }, { sources: false });
      expect(kept.sources.size).toBeGreaterThan(100);
      expect(dropped.sources.size).toBe(0);
      expect({ ...plain(dropped), sources: [] }).toEqual({ ...plain(kept), sources: [] });
    }
  });
});
