/**
 * Shapes of synthetic rounds: which units a round has (groups and leagues) and which groups the
 * framework's group variants split on. Presets follow the real scales: Hà Nội (52 units: 22 sở and
 * 30 district-level units), a whole city with its communes (~600 units) and a national round
 * (63 provinces and 10,000 communes). Any other size uses a two-group mix.
 */

/** A named preset. */
export type PresetName = 'hanoi' | 'city' | 'national';

/** Names of the presets. */
export const PRESETS: readonly PresetName[] = ['hanoi', 'city', 'national'];

/** A block of units of one group, ranked in one league. */
export interface UnitBlock {
  /** Unit group (decides which criteria apply). */
  group: string;
  /** League (rankGroup). */
  league: string;
  /** How many units. */
  count: number;
  /** Id prefix (`so` → `so-001`). */
  prefix: string;
  /** Display-name prefix (`Sở` → `Sở 001`). */
  label: string;
}

/** The unit make-up of a round and its default framework size. */
export interface RoundShape {
  /** Unit blocks in file order. */
  blocks: UnitBlock[];
  /** Sets of groups that group-variant criteria split on (one variant leaf per set). */
  groupSets: string[][];
  /** Leaves in the framework unless told otherwise. */
  criteria: number;
  /** SIPAS forms unless told otherwise. */
  forms: number;
}

/** The unit make-up of a preset. */
export function presetShape(name: PresetName): RoundShape {
  switch (name) {
    case 'hanoi':
      return {
        blocks: [
          { group: 'so', league: 'so', count: 22, prefix: 'so', label: 'Sở' },
          { group: 'quan', league: 'quan-huyen', count: 12, prefix: 'quan', label: 'Quận' },
          { group: 'thixa', league: 'quan-huyen', count: 1, prefix: 'thixa', label: 'Thị xã' },
          { group: 'huyen', league: 'quan-huyen', count: 17, prefix: 'huyen', label: 'Huyện' },
        ],
        groupSets: [['so'], ['quan', 'thixa', 'huyen']],
        criteria: 60,
        forms: 10_000,
      };
    case 'city':
      return {
        blocks: [
          { group: 'so', league: 'so', count: 30, prefix: 'so', label: 'Sở' },
          { group: 'quan', league: 'quan-huyen', count: 12, prefix: 'quan', label: 'Quận' },
          { group: 'thixa', league: 'quan-huyen', count: 1, prefix: 'thixa', label: 'Thị xã' },
          { group: 'huyen', league: 'quan-huyen', count: 17, prefix: 'huyen', label: 'Huyện' },
          { group: 'phuong', league: 'xa-phuong', count: 180, prefix: 'phuong', label: 'Phường' },
          { group: 'xa', league: 'xa-phuong', count: 360, prefix: 'xa', label: 'Xã' },
        ],
        groupSets: [['so'], ['quan', 'thixa', 'huyen'], ['phuong', 'xa']],
        criteria: 120,
        forms: 100_000,
      };
    case 'national':
      return {
        blocks: [
          { group: 'tinh', league: 'tinh', count: 63, prefix: 'tinh', label: 'Tỉnh' },
          { group: 'xa', league: 'xa', count: 10_000, prefix: 'xa', label: 'Xã' },
        ],
        groupSets: [['tinh'], ['xa']],
        criteria: 160,
        forms: 1_000_000,
      };
  }
}

/**
 * The unit make-up for `units` units without a preset: 40% departments (`so`) and 60% districts
 * (`huyen`), each group its own league; 160 criteria and no SIPAS forms unless told otherwise.
 */
export function mixedShape(units: number): RoundShape {
  const so = Math.max(units >= 2 ? 1 : units, Math.round(units * 0.4));
  return {
    blocks: [
      { group: 'so', league: 'so', count: so, prefix: 'so', label: 'Sở' },
      { group: 'huyen', league: 'huyen', count: units - so, prefix: 'huyen', label: 'Huyện' },
    ].filter((b) => b.count > 0),
    groupSets: [['so'], ['huyen']],
    criteria: 160,
    forms: 0,
  };
}
