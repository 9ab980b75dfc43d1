/**
 * Unit ids, groups and leagues are compared after NFC (issue: Unicode). 0.1 refused evidence
 * written in NFD for a unit visibly in the units file, and accepted the NFC and NFD forms of one id
 * as two units.
 */
import { describe, expect, it } from 'vitest';
import { createRound, ParIndexError, score } from '../src/index.js';

const NFC = 'sơn-tây';
const NFD = NFC.normalize('NFD');
const FW = [
  { code: '1', title: 'A' },
  { code: '1.1', title: 'a', max: 2, groups: 'thị-xã'.normalize('NFD') },
];

describe('ids after NFC', () => {
  it('evidence in NFD names the unit written in NFC (and the group in NFD matches the framework)', () => {
    expect(NFD).not.toBe(NFC);
    const r = score(createRound({ framework: FW, units: [{ unit: NFC, name: 'Thị xã Sơn Tây', group: 'thị-xã' }], evidence: [{ unit: NFD, criterion: '1.1', self: 2, appraised: 1 }] }));
    expect(r.units[0].unit).toBe(NFC);
    expect(r.units[0].index!.toString()).toBe('50');
  });
  it('the NFC and NFD forms of one id in the units file are one unit twice: a located duplicate', () => {
    try {
      createRound({
        framework: FW,
        units: [
          { unit: NFC, group: 'thị-xã' },
          { unit: NFD, group: 'thị-xã' },
        ],
      });
      throw new Error('expected an error');
    } catch (e) {
      expect(e).toBeInstanceOf(ParIndexError);
      expect((e as ParIndexError).issues[0]).toMatchObject({ code: 'duplicate-unit', row: 3, column: 'unit' });
      expect((e as ParIndexError).issues[0].message).toMatch(/another Unicode form/);
    }
  });
  it('leagues in NFC and NFD are one league', () => {
    const r = score(
      createRound({
        framework: [
          { code: '1', title: 'A' },
          { code: '1.1', title: 'a', max: 2 },
        ],
        units: [
          { unit: 'a', group: 'g', rankGroup: 'quận' },
          { unit: 'b', group: 'g', rankGroup: 'quận'.normalize('NFD') },
        ],
        evidence: [
          { unit: 'a', criterion: '1.1', appraised: 2 },
          { unit: 'b', criterion: '1.1', appraised: 1 },
        ],
      }),
    );
    expect([...r.leagues.keys()]).toEqual(['quận']);
    expect(r.units.map((u) => u.rank)).toEqual([1, 2]);
  });
});
