/**
 * A whole input silently absent is an error (docs/spec.md §3). Reproduction: 0.1 scored the sample
 * without --survey at exit 0, nothing on stderr — every survey criterion 0, Sở Tài chính 89.83 →
 * 65.01. Now: an error naming what is absent, unless zeros are meant (--allow-missing, library
 * `missing: 'zero'`); other missing inputs are summarised on stderr; `check` lists each one.
 */
import { describe, expect, it } from 'vitest';
import { createRound, type ParIndexError, sample, score } from '../src/index.js';
import { runCli } from './support/cli.js';
import { SAMPLE } from './support/round.js';

const files = (f: string) => `${SAMPLE}/${f}`;
const noSurvey = ['--framework', files('framework.csv'), '--units', files('units.csv'), '--evidence', files('evidence.csv')];

describe('a whole input absent', () => {
  it('CLI: no --survey while survey criteria apply is exit 1 naming them; --allow-missing scores them 0', async () => {
    const r = await runCli(['score', ...noSurvey, '--format', 'csv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no survey results for any unit: the \d+ survey criteria \(.*8\.1.*\) would score 0 everywhere.*\[no-survey-input\]/);
    expect(r.stdout).toBe('');
    const allowed = await runCli(['score', ...noSurvey, '--allow-missing', '--format', 'csv']);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout.split('\n')[1]).toMatch(/^so,\d+,tai-chinh,Sở Tài chính,so,65\.01,/);
    // What is still missing is summarised on stderr: counts and the first few unit × criterion.
    expect(allowed.stderr).toMatch(/^parindex: missing inputs scored 0: \d+ \(unit × criterion\) in 52 units: .* × \d/);
  });

  it('a criterion with no row for any unit is an error; bonus/penalty criteria are exempt', async () => {
    const t = sample();
    const evidence = { ...t.evidence, rows: t.evidence.rows.filter((r) => r.cells[1] !== '1.1.1' && r.cells[1] !== '1.7') };
    const e = (() => {
      try {
        score(createRound({ ...t, evidence }));
      } catch (err) {
        return err as ParIndexError;
      }
      throw new Error('expected an error');
    })();
    expect(e.issues.map((i) => [i.code, i.column])).toEqual([['absent-criterion', '1.1.1']]);
    expect(e.issues[0].message).toMatch(/has no evidence row for any of the 52 units/);
    const zero = score(createRound({ ...t, evidence }), { missing: 'zero' });
    expect(zero.units.find((u) => u.unit === 'tai-chinh')!.missing).toBeGreaterThan(0);
  });

  it('library: a round without survey results fails unless missing: "zero"', () => {
    const t = sample();
    const round = createRound({ framework: t.framework, units: t.units, evidence: t.evidence });
    expect(() => score(round)).toThrow(expect.objectContaining({ code: 'no-survey-input' }));
    expect(
      score(round, { missing: 'zero' })
        .units.find((u) => u.unit === 'tai-chinh')!
        .index!.toFixed(2),
    ).toBe('65.01');
    expect(score(createRound(t)).units[0].index!.toFixed(2)).toBe('89.83');
  });

  it('check lists every missing input, one per line', async () => {
    const r = await runCli(['check', ...noSurvey, '--survey', files('survey.csv')]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ok: .* (\d+) applicable inputs missing/);
    const n = Number(/(\d+) applicable inputs missing/.exec(lines[0])![1]);
    expect(lines.slice(1)).toHaveLength(n);
    expect(lines.slice(1).every((l) => /^ {2}missing: unit "[^"]+", criterion "[\d.]+"/.test(l))).toBe(true);
  });

  it('check names the template row of each missing input (sheet, row, column) where the workbook has one', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const out = `${mkdtempSync(`${tmpdir()}/parindex-check-`)}/mau.xlsx`;
    expect((await runCli(['template', '--framework', 'hanoi-2021', '--units', files('units.csv'), '--out', out])).code).toBe(0);
    // The blank template is every criterion absent: an error, unless zeros are meant.
    expect((await runCli(['check', '--framework', 'hanoi-2021', '--units', files('units.csv'), '--evidence', out, '--survey', files('survey.csv')])).code).toBe(1);
    const r = await runCli(['check', '--framework', 'hanoi-2021', '--units', files('units.csv'), '--evidence', out, '--survey', files('survey.csv'), '--allow-missing']);
    expect(r.code).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.includes('unit "tai-chinh", criterion "1.1.1"'));
    expect(line).toMatch(/— blank row at .*mau\.xlsx, sheet "Đánh giá [^"]+", row \d+, column "Điểm thẩm định" \([A-Z]+\)$/);
  });
});
