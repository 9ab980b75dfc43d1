/**
 * A framework thousands of levels deep (a hostile or generated file) is read and scored without
 * recursion: before, 9,000 levels overflowed the stack and exited 3 ("Maximum call stack size
 * exceeded", a bug) instead of scoring or naming a problem in the file (issue 13 item 2).
 */
import { describe, expect, it } from 'vitest';
import { type FrameworkRow, createRound, score, explain, safe } from '../src/index.js';
import { MAX_FRAMEWORK_DEPTH } from '../src/criteria/framework.js';

/** A chain 1 → 1.1 → 1.1.1 … `depth` levels, max 100 throughout, one yesno leaf at the bottom. */
function chain(depth: number) {
  const framework: FrameworkRow[] = [];
  let code = '1';
  for (let d = 1; d <= depth; d++) {
    const leaf = d === depth;
    framework.push({ code, title: `Mức ${d}`, max: '100', method: leaf ? 'appraisal' : undefined, rule: leaf ? 'yesno' : undefined });
    code = `${code}.1`;
  }
  const leafCode = String(framework[depth - 1].code);
  return {
    framework,
    units: [
      { unit: 'a', name: 'Sở A', group: 'so' },
      { unit: 'b', name: 'Sở B', group: 'so' },
    ],
    evidence: [
      { unit: 'a', criterion: leafCode, self: '1', appraised: '1' },
      { unit: 'b', criterion: leafCode, self: '1', appraised: '0' },
    ],
  };
}

describe('a very deep framework', () => {
  it('9,000 levels: refused as bad input at the first criterion past 32 levels (before: a stack overflow, exit 3)', () => {
    const r = safe(() => score(createRound(chain(9000))));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    const code33 = Array.from({ length: 33 }, () => '1').join('.');
    expect(r.issues[0]).toMatchObject({ code: 'framework-too-deep', row: 34, column: 'code', value: code33, params: { code: code33, max: MAX_FRAMEWORK_DEPTH } });
  });

  it('parents after their children in the file: the depth is still found, without recursion', () => {
    const round = chain(40);
    round.framework.reverse();
    const r = safe(() => createRound(round));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].code).toBe('framework-too-deep');
  });

  it('32 levels (the limit) score exactly: a 100, b 0, and explain walks every level', () => {
    const result = score(createRound(chain(MAX_FRAMEWORK_DEPTH)));
    const json = JSON.parse(JSON.stringify(result));
    const byId = new Map(json.units.map((u: { unit: string; index: string }) => [u.unit, u.index]));
    expect(byId.get('a')).toBe('100.00');
    expect(byId.get('b')).toBe('0.00');
    expect(() => explain(result, 'b')).not.toThrow();
  });
});
