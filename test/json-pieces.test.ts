/**
 * The score JSON written piece by piece (`scoreResultJsonPieces`, what `parindex score --format
 * json` streams) is byte for byte `JSON.stringify(scoreResultJson(result), null, 2)` and a line end:
 * on the sample (the published figures in it), with a unit count past one piece, odd names and
 * league ids, and another rounding.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreResultJson, scoreResultJsonPieces } from '../src/scoring/result-json.js';
import { csv, SAMPLE, sampleText, scoreCsv } from './support/round.js';

const whole = (r: Parameters<typeof scoreResultJson>[0], f?: Parameters<typeof scoreResultJson>[1]) => `${JSON.stringify(scoreResultJson(r, f), null, 2)}\n`;

describe('scoreResultJsonPieces', () => {
  it('the sample: the expected document, in pieces', () => {
    const r = scoreCsv(sampleText('framework.csv'), sampleText('units.csv'), sampleText('evidence.csv'), sampleText('survey.csv'));
    const text = [...scoreResultJsonPieces(r)].join('');
    expect(text).toBe(whole(r));
    const doc = JSON.parse(text);
    expect(doc.units.find((u: { unit: string }) => u.unit === 'tai-chinh').index).toBe('89.83');
    expect(JSON.parse(readFileSync(join(SAMPLE, 'expected-score.json'), 'utf8')).units.length).toBe(doc.units.length);
  });

  it('1,300 units (three pieces), names with quotes and line breaks, a league "__proto__", three decimals half-even', () => {
    const units = ['unit,name,group,rankGroup'];
    const evidence = ['unit,criterion,self,appraised'];
    for (let i = 0; i < 1300; i++) {
      const group = i % 3 === 0 ? '__proto__' : i % 3 === 1 ? 'b x' : 'c';
      units.push(`u${i},"Tên ""${i}""\n ${'đ'.repeat(i % 5)}",${group},${group}`);
      evidence.push(`u${i},1.1,${i % 11},${(i * 7) % 11}`, `u${i},1.2,${i % 2},${(i + 1) % 2}`);
    }
    const r = scoreCsv(csv('code,title,max,method,rule,params,groups', '1,A,,,,,', '1.1,x,10,appraisal,points,,', '1.2,y,3,appraisal,yesno,,'), `${units.join('\n')}\n`, `${evidence.join('\n')}\n`, undefined, {
      decimals: 3,
      rounding: 'half-even',
    });
    const pieces = [...scoreResultJsonPieces(r)];
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.join('')).toBe(whole(r));
    expect(JSON.parse(pieces.join('')).units).toHaveLength(1300);
  });
});
