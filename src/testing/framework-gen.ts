/**
 * Synthetic criteria frameworks of any size (docs/spec.md §2): areas → criteria → sub-criteria, every
 * rule (points with and without `allowed`, yesno, ratio with several targets, tiers with `>` and
 * `>=`, survey, bonus and penalty `adjust`), and group variants (one leaf per group set, as the
 * department and district criteria of a real framework). Maxima are quarter points, so sums are
 * exact and parents carry the sum of their children.
 */
import type { Rule } from '../criteria/framework.js';
import { SeededRandom } from './random.js';

/** Header of a framework file. */
export const FRAMEWORK_HEADER = ['code', 'title', 'max', 'method', 'rule', 'params', 'groups'] as const;

/** One generated leaf or parent, as the cells of a framework row. */
export interface FrameworkRowSpec {
  code: string;
  title: string;
  /** Max in quarter points (undefined = blank cell). */
  maxQ?: number;
  method: '' | 'appraisal' | 'survey';
  rule: '' | Rule;
  params: string;
  groups: string;
}

/** Options of {@link generateFrameworkRows}. */
export interface FrameworkGenOptions {
  /** Number of leaf criteria (every leaf is one input per unit). */
  criteria: number;
  /** Sets of unit groups that group variants split on; fewer than two sets = no variants. */
  groupSets: readonly (readonly string[])[];
  /** Seed. */
  seed: number;
  /**
   * `coprime`: every appraisal leaf (not survey, not adjust) is a `ratio` leaf whose target is a
   * distinct prime number of tenths (50.3, 50.9, 52.1, …), so no two targets share a factor and the
   * lcm of the targets grows with every leaf — the shape that used to push a round off the fast
   * path. Default `mixed`: every rule, the usual targets.
   */
  targets?: 'mixed' | 'coprime';
}

/** The first `n` primes from `from` on. */
export function primesFrom(from: number, n: number): number[] {
  const out: number[] = [];
  for (let k = Math.max(2, Math.floor(from)); out.length < n; k++) {
    let prime = true;
    for (let d = 2; d * d <= k; d++) {
      if (k % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) out.push(k);
  }
  return out;
}

/** Rewrites appraisal leaves as ratio leaves with distinct prime targets in tenths (see {@link FrameworkGenOptions.targets}). */
function coprimeRatios(rows: FrameworkRowSpec[]): FrameworkRowSpec[] {
  const parents = new Set(rows.map((r) => r.code.slice(0, Math.max(0, r.code.lastIndexOf('.')))));
  const leaves = rows.filter((r) => !parents.has(r.code) && r.rule !== 'survey' && r.rule !== 'adjust');
  const primes = primesFrom(503, leaves.length);
  const target = new Map(leaves.map((r, i) => [r.code, primes[i]]));
  return rows.map((r) => {
    const p = target.get(r.code);
    return p === undefined ? r : { ...r, title: `Tỷ lệ ${r.code} (%)`, rule: 'ratio', params: `target=${Math.floor(p / 10)}.${p % 10}` };
  });
}

const AREA_TITLES = [
  'Công tác chỉ đạo, điều hành CCHC',
  'Xây dựng và tổ chức thực hiện văn bản QPPL',
  'Cải cách thủ tục hành chính',
  'Cải cách tổ chức bộ máy hành chính',
  'Xây dựng và nâng cao chất lượng đội ngũ CBCCVC',
  'Cải cách tài chính công',
  'Xây dựng, phát triển chính quyền điện tử, chính quyền số',
  'Tác động của CCHC và mức độ hài lòng của người dân, tổ chức',
  'Hiện đại hóa hành chính',
  'Công tác kiểm tra, giám sát CCHC',
];

/** Max of a quarter count as decimal text (`6` → `1.5`). */
export function quarterText(q: number): string {
  const whole = Math.trunc(q / 4);
  const frac = Math.abs(q % 4);
  const sign = q < 0 && whole === 0 ? '-' : '';
  return frac === 0 ? `${whole}` : `${sign}${whole}.${['', '25', '5', '75'][frac]}`;
}

function leafRow(rng: SeededRandom, code: string, kind: 'appraisal' | 'survey' | 'bonus' | 'penalty', groups: string): FrameworkRowSpec {
  if (kind === 'survey') {
    return { code, title: `Đánh giá ${code} (điều tra xã hội học)`, maxQ: 4 * rng.pick([2, 3, 4, 8]), method: 'survey', rule: 'survey', params: '', groups };
  }
  if (kind === 'bonus') return { code, title: `Điểm thưởng ${code}`, method: 'appraisal', rule: 'adjust', params: 'min=0 max=1', groups };
  if (kind === 'penalty') return { code, title: `Điểm trừ ${code}`, method: 'appraisal', rule: 'adjust', params: 'min=-2 max=0', groups };
  const r = rng.float();
  if (r < 0.3) {
    const maxQ = rng.pick([4, 6, 8, 10, 12]);
    const allowed = maxQ === 4 && rng.chance(0.4);
    return { code, title: `Tiêu chí ${code}`, maxQ, method: 'appraisal', rule: 'points', params: allowed ? 'allowed=0;0.5;1' : '', groups };
  }
  if (r < 0.5) return { code, title: `Tiêu chí ${code} (có/không)`, maxQ: rng.pick([2, 4, 6, 8]), method: 'appraisal', rule: 'yesno', params: '', groups };
  if (r < 0.72) {
    return { code, title: `Tỷ lệ ${code} (%)`, maxQ: rng.pick([4, 8, 10, 12]), method: 'appraisal', rule: 'ratio', params: rng.pick(['', '', 'target=100', 'target=30', 'target=95', 'target=80']), groups };
  }
  const maxQ = 4 * rng.pick([1, 2, 3]);
  const m = quarterText(maxQ);
  const h = quarterText(maxQ / 2);
  const q = quarterText(maxQ / 4);
  const params = rng.pick([`>90:${m} | >=70:${h} | else:0`, `>=100:${m} | >=90:${h} | >=70:${q}`, `>50:${m} | >=30:${h} | >=20:${q} | else:0`, `>98:${m} | >=98:${h} | else:0`]);
  return { code, title: `Mức độ ${code} (%)`, maxQ, method: 'appraisal', rule: 'tiers', params, groups };
}

/**
 * Generates the rows of a framework with `criteria` leaves. Areas hold about 20 leaves each (at
 * most 10 areas); about a quarter of the criteria have sub-criteria; areas with 8 or more leaves
 * have one adjust leaf (bonus or penalty) and about 10% survey leaves; with two or more group sets,
 * about 10% of the leaves are group variants.
 */
export function generateFrameworkRows(opts: FrameworkGenOptions): FrameworkRowSpec[] {
  const total = Math.max(1, Math.floor(opts.criteria));
  const rng = new SeededRandom(opts.seed, 0x5eed);
  const nAreas = Math.min(10, Math.max(1, Math.round(total / 20)));
  const sets = opts.groupSets.filter((s) => s.length > 0);
  const rows: FrameworkRowSpec[] = [];
  for (let a = 0; a < nAreas; a++) {
    const count = Math.floor(total / nAreas) + (a < total % nAreas ? 1 : 0);
    const areaCode = `${a + 1}`;
    const areaAt = rows.length;
    rows.push({ code: areaCode, title: AREA_TITLES[a % AREA_TITLES.length], method: '', rule: '', params: '', groups: '' });
    let sumQ = 0;
    let variants = false;
    let left = count;
    let child = 0;
    const adjust = count >= 8 ? 1 : 0;
    const surveys = count >= 5 ? Math.max(1, Math.round(count * 0.1)) : 0;
    let surveysLeft = surveys;
    while (left > adjust) {
      child++;
      const code = `${areaCode}.${child}`;
      const room = left - adjust;
      if (sets.length >= 2 && room >= sets.length && rng.chance(0.1)) {
        // Group variants: one leaf per group set, e.g. 2.1 for sở and 2.2 for quận/huyện.
        child--;
        for (const set of sets) {
          child++;
          rows.push(leafRow(rng, `${areaCode}.${child}`, 'appraisal', set.join(';')));
          left--;
        }
        variants = true;
        continue;
      }
      if (room >= 3 && rng.chance(0.25)) {
        const n = Math.min(room, rng.int(2, 4));
        const parentAt = rows.length;
        rows.push({ code, title: `Nhóm tiêu chí ${code}`, method: '', rule: '', params: '', groups: '' });
        let subQ = 0;
        for (let k = 1; k <= n; k++) {
          const leaf = leafRow(rng, `${code}.${k}`, 'appraisal', '');
          subQ += leaf.maxQ ?? 0;
          rows.push(leaf);
        }
        rows[parentAt].maxQ = subQ;
        sumQ += subQ;
        left -= n;
        continue;
      }
      const kind = surveysLeft > 0 && (rng.chance(surveys / Math.max(1, room)) || surveysLeft >= room) ? 'survey' : 'appraisal';
      if (kind === 'survey') surveysLeft--;
      const leaf = leafRow(rng, code, kind, '');
      sumQ += leaf.maxQ ?? 0;
      rows.push(leaf);
      left--;
    }
    if (adjust) {
      child++;
      rows.push(leafRow(rng, `${areaCode}.${child}`, a % 2 === 0 ? 'bonus' : 'penalty', ''));
    }
    if (!variants) rows[areaAt].maxQ = sumQ;
  }
  return opts.targets === 'coprime' ? coprimeRatios(rows) : rows;
}

/** A generated framework row as the cells of a CSV row (see {@link FRAMEWORK_HEADER}). */
export function frameworkRowCells(r: FrameworkRowSpec): string[] {
  return [r.code, r.title, r.maxQ === undefined ? '' : quarterText(r.maxQ), r.method, r.rule, r.params, r.groups];
}
