/**
 * A deterministic synthetic PAR round at any scale: framework, units, evidence (self and
 * appraised, with NA, blank appraisals, missing rows and adjustment rows) and survey results. Rows
 * are generated lazily, unit by unit, each unit from its own random stream, so a national round
 * (10,000 communes × 160 criteria) can be written or loaded without holding its text in memory, and
 * the same seed always gives the same files.
 */
import { IssueList, type Location } from '../errors.js';
import { buildFramework, type Framework } from '../criteria/framework.js';
import { addEvidence, addSurveyResults, FirstEvidenceRows, type EvidenceRecord } from '../criteria/evidence.js';
import { buildUnits, type Units } from '../criteria/units.js';
import { makeTable, type Table } from '../table/table.js';
import { formatScaled } from '../numbers/exact.js';
import { InputMatrix } from '../criteria/inputs.js';
import { FRAMEWORK_HEADER, frameworkRowCells, generateFrameworkRows, type FrameworkRowSpec } from './framework-gen.js';
import { mixedShape, presetShape, type PresetName, type RoundShape } from './presets.js';
import { SeededRandom } from './random.js';

/** What to generate. A preset fixes the units; `units`, `criteria` and `forms` override it. */
export interface SyntheticSpec {
  /** `hanoi` (52 units), `city` (600) or `national` (10,063). */
  preset?: PresetName;
  /** Number of units (without a preset: 40% `so`, 60% `huyen`). */
  units?: number;
  /** Number of leaf criteria. */
  criteria?: number;
  /** Number of SIPAS forms (used by the file writer). */
  forms?: number;
  /** Seed (default 1). */
  seed?: number;
  /** `coprime`: every appraisal leaf a ratio leaf with a distinct prime target (see `FrameworkGenOptions.targets`). */
  targets?: 'mixed' | 'coprime';
}

/** A generated unit. */
export interface SyntheticUnit {
  id: string;
  name: string;
  group: string;
  rankGroup: string;
}

/** Header of a long-layout evidence file. */
export const EVIDENCE_HEADER = ['unit', 'criterion', 'self', 'appraised', 'evidence', 'note'] as const;
/** Header of a survey results file. */
export const SURVEY_HEADER = ['unit', 'criterion', 'score'] as const;
/** Header of a units file. */
export const UNITS_HEADER = ['unit', 'name', 'group', 'rankGroup'] as const;

/** Decimal text of `n / 100` with two places (`9635` → `96.35`). */
const hundredths = (n: number): string => formatScaled(BigInt(n), 2);

const YES_TOKENS = ['1', '1', '1', 'có', 'x', 'Đạt', 'yes'];
const NO_TOKENS = ['0', 'không', 'no', 'Không đạt'];

/** Units of a shape, in file order. */
export function shapeUnits(shape: RoundShape, units?: number): SyntheticUnit[] {
  const out: SyntheticUnit[] = [];
  for (const b of shape.blocks) {
    const width = Math.max(2, String(b.count).length);
    for (let i = 1; i <= b.count; i++) {
      const n = String(i).padStart(width, '0');
      out.push({ id: `${b.prefix}-${n}`, name: `${b.label} ${n}`, group: b.group, rankGroup: b.league });
    }
  }
  return units === undefined ? out : out.slice(0, units);
}

/** A synthetic round; see {@link syntheticRound}. */
export class SyntheticRound {
  /** Seed used. */
  readonly seed: number;
  /** Leaves in the framework. */
  readonly criteria: number;
  /** SIPAS forms to write. */
  readonly forms: number;
  /** Framework rows. */
  readonly frameworkRows: readonly FrameworkRowSpec[];
  /** Units in file order. */
  readonly unitList: readonly SyntheticUnit[];
  private readonly leafRows: readonly FrameworkRowSpec[];

  constructor(spec: SyntheticSpec = {}) {
    this.seed = spec.seed ?? 1;
    const shape: RoundShape = spec.preset ? presetShape(spec.preset) : mixedShape(spec.units ?? 52);
    this.criteria = spec.criteria ?? shape.criteria;
    this.forms = spec.forms ?? shape.forms;
    this.unitList = shapeUnits(shape, spec.preset && spec.units !== undefined ? spec.units : undefined);
    this.frameworkRows = generateFrameworkRows({ criteria: this.criteria, groupSets: shape.groupSets, seed: this.seed, targets: spec.targets });
    const parents = new Set(this.frameworkRows.map((r) => r.code.slice(0, Math.max(0, r.code.lastIndexOf('.')))));
    this.leafRows = this.frameworkRows.filter((r) => !parents.has(r.code));
  }

  /** The framework as a table (as read from `framework.csv`). */
  frameworkTable(): Table {
    return makeTable(
      [...FRAMEWORK_HEADER],
      this.frameworkRows.map((r, i) => ({ row: i + 2, cells: frameworkRowCells(r) })),
      { file: 'framework.csv' },
    );
  }

  /** The units as a table. */
  unitsTable(): Table {
    return makeTable(
      [...UNITS_HEADER],
      this.unitList.map((u, i) => ({ row: i + 2, cells: [u.id, u.name, u.group, u.rankGroup] })),
      { file: 'units.csv' },
    );
  }

  /** The framework, built and checked like a file would be. */
  framework(): Framework {
    return buildFramework(this.frameworkTable());
  }

  /** The units, built and checked. */
  units(): Units {
    return buildUnits(this.unitsTable());
  }

  private applies(leaf: FrameworkRowSpec, group: string): boolean {
    return leaf.groups === '' || leaf.groups.split(';').includes(group);
  }

  /** A value for a leaf's rule, as a council would type it. */
  private value(rng: SeededRandom, leaf: FrameworkRowSpec, quality: number): string {
    const rule = leaf.rule;
    switch (rule) {
      case 'points':
        if (leaf.params) return rng.pick(['0', '0.5', '1', '1', '1']);
        return hundredths(Math.round(rng.int(Math.floor(quality * 100), 100) * (leaf.maxQ ?? 0) * 0.25));
      case 'yesno':
        return rng.chance(quality) ? rng.pick(YES_TOKENS) : rng.pick(NO_TOKENS);
      case 'ratio':
        return rng.chance(0.3) ? String(rng.int(Math.floor(quality * 100), 120)) : hundredths(rng.int(Math.floor(quality * 10000), 12000));
      case 'tiers':
        return rng.chance(0.3) ? String(rng.int(0, 110)) : hundredths(rng.int(Math.floor(quality * 8000), 11000));
      case 'adjust':
        return leaf.params.startsWith('min=0') ? rng.pick(['0', '0', '0.5', '1']) : rng.pick(['0', '0', '-0.5', '-1', '-2']);
      case 'survey': // survey scores are survey rows, not evidence
      case '': // a parent
        return '0';
      default: {
        const _exhaustive: never = rule;
        throw new Error(`syntheticRound: no value generator for rule ${String(_exhaustive)}`);
      }
    }
  }

  /**
   * Evidence rows (`unit, criterion, self, appraised, evidence, note`) unit by unit, in framework
   * order. About 1% of applicable rows are missing, 2% are NA, 4% are not appraised (self stands),
   * 20% are appraised differently from the self-assessment; adjust rows appear for a third of the
   * units.
   */
  *evidenceRows(): Generator<string[]> {
    for (let u = 0; u < this.unitList.length; u++) {
      const unit = this.unitList[u];
      const rng = new SeededRandom(this.seed, u + 1);
      const quality = 0.55 + 0.4 * rng.float();
      const adjusts = rng.chance(1 / 3);
      for (const leaf of this.leafRows) {
        if (leaf.rule === 'survey' || !this.applies(leaf, unit.group)) continue;
        if (leaf.rule === 'adjust') {
          if (adjusts) yield [unit.id, leaf.code, this.value(rng, leaf, quality), this.value(rng, leaf, quality), `QĐ ${rng.int(1, 999)}/QĐ-UBND`, ''];
          continue;
        }
        const r = rng.float();
        if (r < 0.01) continue;
        if (r < 0.03) {
          yield [unit.id, leaf.code, 'NA', 'NA', '', 'Không phát sinh'];
          continue;
        }
        const self = this.value(rng, leaf, quality);
        const evidence = rng.chance(0.5) ? `BC ${rng.int(1, 999)}/BC-${unit.id.toUpperCase()}` : '';
        if (r < 0.07) {
          yield [unit.id, leaf.code, self, '', evidence, 'Chưa thẩm định, giữ điểm tự chấm'];
          continue;
        }
        const appraised = r < 0.27 ? this.value(rng, leaf, quality * 0.8) : self;
        yield [unit.id, leaf.code, self, appraised, evidence, ''];
      }
    }
  }

  /** Survey results rows (`unit, criterion, score`): 2% NA, 1% missing, scores 40.00–100.00. */
  *surveyRows(): Generator<string[]> {
    for (let u = 0; u < this.unitList.length; u++) {
      const unit = this.unitList[u];
      const rng = new SeededRandom(this.seed, 0x40000000 + u);
      for (const leaf of this.leafRows) {
        if (leaf.rule !== 'survey' || !this.applies(leaf, unit.group)) continue;
        const r = rng.float();
        if (r < 0.01) continue;
        yield [unit.id, leaf.code, r < 0.03 ? 'NA' : hundredths(rng.int(4000, 10000))];
      }
    }
  }

  /** The survey results as a table. */
  surveyTable(): Table {
    let row = 1;
    const rows: { row: number; cells: string[] }[] = [];
    for (const cells of this.surveyRows()) rows.push({ row: ++row, cells });
    return makeTable([...SURVEY_HEADER], rows, { file: 'survey.csv' });
  }

  /**
   * The checked input matrix, filled straight from the generated rows in batches (every cell is
   * read and checked by the same code as a file's rows, without holding the evidence text). Throws
   * like {@link buildInputs} if a row were bad (the generator makes none).
   */
  inputs(fw: Framework = this.framework(), units: Units = this.units()): InputMatrix {
    const issues = new IssueList();
    const matrix = new InputMatrix(fw, units);
    const at: Location = { file: 'evidence.csv' };
    const atAll = (): Location => at;
    const seen = new FirstEvidenceRows(matrix.present.length);
    seen.nextTable('evidence.csv');
    let batch: EvidenceRecord[] = [];
    let row = 1;
    for (const c of this.evidenceRows()) {
      batch.push({ unit: c[0], criterion: c[1], self: c[2], appraised: c[3], evidence: c[4], note: c[5], row: ++row, at: atAll });
      if (batch.length === 65536) {
        addEvidence(matrix, fw, units, batch, issues, {}, seen);
        batch = [];
      }
    }
    addEvidence(matrix, fw, units, batch, issues, {}, seen);
    addSurveyResults(matrix, fw, units, this.surveyTable(), issues);
    issues.throwIfAny();
    return matrix;
  }

  /** Unit ids, for spreading SIPAS forms. */
  unitIds(): string[] {
    return this.unitList.map((u) => u.id);
  }

  /** A one-line description: units, leaves, forms. */
  describe(): string {
    const areas = this.frameworkRows.filter((r) => !r.code.includes('.')).length;
    return `${this.unitList.length} units, ${this.leafRows.length} leaf criteria in ${areas} areas, ${this.forms} SIPAS forms (seed ${this.seed})`;
  }
}

/**
 * A deterministic synthetic round: `syntheticRound({ preset: 'national' })`,
 * `syntheticRound({ units: 10_000, criteria: 160, seed: 7 })`. The same spec always gives the
 * same rows.
 */
export function syntheticRound(spec: SyntheticSpec = {}): SyntheticRound {
  return new SyntheticRound(spec);
}
