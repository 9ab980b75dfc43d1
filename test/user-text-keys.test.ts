/**
 * User text is data (issue: names that are object keys). A league, group or area coded like an
 * `Object.prototype` member (`__proto__`, `constructor`, `toString`, `hasOwnProperty`) is kept in
 * every output, and integer-like ids keep the order of first appearance. 0.1 lost a `__proto__`
 * league from the table, HTML, xlsx and JSON (`"leagues":{}`), printed nothing when every unit was
 * in it, and `compare` on that JSON exited 3.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare, createRound, explain, renderCsv, renderText, resultFromJson, score, sensitivity } from '../src/index.js';
import { listXlsxSheets } from '../src/xlsx/read.js';
import { runCli } from './support/cli.js';

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

function files(dir: string, league: string) {
  // Areas `__proto__` and `10` then `2` (integer-like, not in numeric order); units in league `league`.
  const fw = ['code,title,max,method,rule,params,groups', '__proto__,Lĩnh vực A,,,,,', '__proto__.1,a,2,,points,,', '10,Lĩnh vực B,,,,,', '10.1,b,3,,points,,', '2,Lĩnh vực C,,,,,', '2.1,c,1,,yesno,,'];
  const units = ['unit,name,group,rankGroup', `10,Mười,${league},${league}`, `2,Hai,${league},${league}`, `constructor,C,toString,${league}`];
  const ev = ['unit,criterion,self,appraised', '10,__proto__.1,2,2', '10,10.1,3,1', '10,2.1,có,có', '2,__proto__.1,1,1', '2,10.1,3,2', '2,2.1,không,không', 'constructor,__proto__.1,2,2', 'constructor,10.1,3,3', 'constructor,2.1,có,có'];
  for (const [f, lines] of [
    ['fw.csv', fw],
    ['units.csv', units],
    ['ev.csv', ev],
  ] as const)
    writeFileSync(join(dir, f), `${lines.join('\n')}\n`);
  return ['--framework', join(dir, 'fw.csv'), '--units', join(dir, 'units.csv'), '--evidence', join(dir, 'ev.csv')];
}

describe('names that are object keys, and integer-like ids', () => {
  for (const league of NAMES) {
    it(`league "${league}": every output keeps it, in order; compare and sensitivity work`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'parindex-keys-'));
      const args = files(dir, league);
      const json = await runCli(['score', ...args, '--format', 'json']);
      expect(json.code).toBe(0);
      const doc = JSON.parse(json.stdout);
      // Units by league then rank: constructor 6/6, 10 4/6, 2 3/6.
      expect(doc.units.map((u: { unit: string; rank: number }) => [u.unit, u.rank])).toEqual([
        ['constructor', 1],
        ['10', 2],
        ['2', 3],
      ]);
      expect(Object.keys(doc.leagues)).toEqual([league]);
      expect(doc.leagues[league]).toEqual({ count: 3, mean: '72.22', min: '50.00', max: '100.00' });
      expect(Object.keys(doc.groups).sort()).toEqual([...new Set([league, 'toString'])].sort());
      expect(Object.keys(doc.units[0].areas).sort()).toEqual(['10', '2', '__proto__']);
      expect(doc.units[1].areas['__proto__']).toEqual({ points: '2.00', max: '2.00' });

      const table = await runCli(['score', ...args]);
      expect(table.stdout).toContain(league);
      expect(table.stdout).toMatch(/constructor[\s\S]*Mười[\s\S]*Hai/);
      const csv = await runCli(['score', ...args, '--format', 'csv']);
      expect(csv.stdout.split('\n')[1]).toMatch(new RegExp(`^${league},1,constructor,`));
      expect(csv.stdout.split('\n')[0]).toContain('area __proto__ points');
      const html = await runCli(['score', ...args, '--format', 'html']);
      expect(html.stdout).toContain(league);
      const out = join(dir, 'r.xlsx');
      expect((await runCli(['score', ...args, '--format', 'xlsx', '--out', out])).code).toBe(0);
      const sheets = listXlsxSheets(readFileSync(out)).map((s) => s.name);
      expect(sheets.join('|')).toContain(league);

      writeFileSync(join(dir, 'r.json'), json.stdout);
      const cmp = await runCli(['compare', join(dir, 'r.json'), join(dir, 'r.json'), '--format', 'json']);
      expect(cmp.code).toBe(0);
      expect(Object.keys(JSON.parse(cmp.stdout).leagues)).toEqual([league]);
      const sens = await runCli(['sensitivity', ...args, '--runs', '3', '--format', 'json']);
      expect(sens.code).toBe(0);
      expect(Object.keys(JSON.parse(sens.stdout).leagues)).toEqual([league]);

      // The library: Maps, and the JSON round trip.
      const round = createRound({
        framework: [
          { code: '__proto__', title: 'A' },
          { code: '__proto__.1', title: 'a', max: 2 },
        ],
        units: [
          { unit: '10', group: league },
          { unit: '2', group: league },
        ],
        evidence: [
          { unit: '10', criterion: '__proto__.1', appraised: 1 },
          { unit: '2', criterion: '__proto__.1', appraised: 2 },
        ],
      });
      const r = score(round);
      expect([...r.leagues.keys()]).toEqual([league]);
      expect(r.units.map((u) => u.unit)).toEqual(['2', '10']);
      expect(renderCsv(resultFromJson(JSON.stringify(r)))).toBe(renderCsv(r));
      expect(renderText(r)).toContain(league);
      expect(compare(r, r).leagues.get(league)?.compared).toBe(2);
      expect(sensitivity(r, { runs: 2 }).leagues.get(league)?.units).toBe(2);
      expect(explain(r, '10').rank).toBe(2);
    });
  }
});
