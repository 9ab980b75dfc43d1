/**
 * What a leaf rule is (docs/spec.md §2): one object per rule, in one file per rule, registered in
 * `index.ts`. Everything the rest of parindex needs to know about a rule is a member of its object —
 * how its params are read and checked, how a cell is read, the exact points of an input, how the
 * fast kernel computes those points in integers, what the evidence template says and checks, and
 * how a leaf of the rule counts (which side, which total, whether it has a max). Nothing else in src/
 * switches over rule names, so a seventh rule is one new file (plus its name below, its entry in the
 * registry and its tests); the compiler points at the few exhaustive switches that must learn it
 * (the decimal.js reference, which is written independently on purpose).
 */
import type { NumberTextOptions } from '../../numbers/decimal-text.js';
import type { Exact } from '../../numbers/exact.js';
import type { CellFaultParams, Expects } from '../../i18n/en/criteria.js';
import type { LeafParams, ParamsProblem } from '../params.js';

/** The names of the leaf rules, in the order the docs list them. */
export const RULE_NAMES = ['points', 'yesno', 'ratio', 'tiers', 'survey', 'adjust'] as const;
/** A leaf rule's name. */
export type RuleName = (typeof RULE_NAMES)[number];

/** What a rule reads of a leaf criterion (a `Criterion` is one). */
export interface RuleLeaf {
  /** Max of the leaf (0 for a leaf without a max). */
  readonly max: Exact;
  /** Max as written (undefined = blank). */
  readonly givenMax?: Exact;
  /** Parsed params. */
  readonly params: LeafParams;
  /** Params as written. */
  readonly paramsText: string;
}

/**
 * A cell as read: blank, not applicable, or an exact value (yes/no read as 1/0) with its canonical
 * text (point decimal) and, from the same single parse, `units / 10^scale` (for
 * `InputMatrix.setScaled`).
 */
export type CellInput = { kind: 'blank' } | { kind: 'na' } | { kind: 'value'; value: Exact; text: string; units: number | bigint; scale: number };

/**
 * Why a cell was rejected: the fault and what the rule expects (the params of the catalogues'
 * `bad-input` and `bad-score` messages), and the same in English words.
 */
export interface CellProblem {
  /**
   * The code when it is not the reader's usual one (`bad-input`, `bad-score`): `bad-number`
   * for a `.` under `--decimal-comma` (then without `params`).
   */
  code?: 'bad-number';
  /** The fault and what the rule expects (absent on a `bad-number` problem). */
  params?: CellFaultParams;
  /** What is wrong with the cell, e.g. `points outside 0..2` (English). */
  problem: string;
  /** What the rule expects instead (English). */
  expected: string;
}

/** Params as parsed for a leaf: the params (empty when unreadable) and every problem found. */
export interface ParamsResult {
  /** The params (`{}` when the cell could not be read). */
  params: LeafParams;
  /** Problems, each located by the framework builder on the params cell. */
  problems: ParamsProblem[];
}

/**
 * How a leaf of a rule counts (docs/spec.md §2–4). The one statement of a leaf's meaning,
 * `leafOutcome` (`outcome.ts`), reads these flags; so do the kernels and the checks.
 */
export interface RuleScoring {
  /**
   * Where its input comes from: `evidence` rows (a self and an appraised cell; appraised else self)
   * or `survey` results (one score, kept on the appraised side, counting the same on the self side).
   * A `survey` rule goes with `method: survey` and the other rules with `method: appraisal`.
   */
  source: 'evidence' | 'survey';
  /** The total its points go to: appraisal points, survey points or bonus/penalty points. */
  total: 'appraisal' | 'survey' | 'adjust';
  /**
   * The leaf has a max, which counts in the applicable max. `false` (adjust): the framework's max cell
   * must be blank, and the leaf never counts in any max.
   */
  hasMax: boolean;
  /** An applicable leaf with no input row counts as missing (adjust: a missing row is simply 0). */
  countsMissing: boolean;
}

/**
 * The fast kernel's integer form of a leaf (`src/scoring/kernel.ts`): its points times the round's
 * common denominator `D`, computed from `x`, the input as an integer at the round's input scale `S`
 * (`x = input × 10^S`). Every number is a whole number; the kernel checks that they and every product
 * it forms stay safe integers, and otherwise scores the round on the bigint path.
 */
export type KernelForm =
  /** `x × factor` (points, adjust, survey). */
  | { op: 'linear'; factor: bigint }
  /** `points` when `x ≠ 0`, else 0 (yes/no). */
  | { op: 'nonzero'; points: bigint }
  /** `min(x × mul, cap) × factor` (a ratio capped at its target). */
  | { op: 'capped'; mul: bigint; cap: bigint; factor: bigint }
  /** The points of the first step `x × mul` meets (`>` strict, else `>=`), else `otherwise` (tiers). */
  | { op: 'steps'; mul: bigint; steps: readonly { strict: boolean; threshold: bigint; points: bigint }[]; otherwise: bigint };

/** How the evidence template validates a leaf's input cells. */
export type TemplateValidation =
  /** A drop-down list of these values (exact numbers are written as numeric cells). */
  | { kind: 'list'; values: readonly (string | Exact)[] }
  /** A custom Excel formula on the top-left input cell `ref`. */
  | { kind: 'formula'; formula: (ref: string) => string };

/** What the evidence template shows and checks for a leaf of a rule. */
export interface RuleTemplate {
  /** A few Vietnamese words naming the rule on the instructions sheet (`points = số điểm`). */
  label: string;
  /** The input a council types, in Vietnamese (the hint column and the validation message). */
  hint(leaf: RuleLeaf): string;
  /**
   * How a leaf of the rule is scored, in a Vietnamese sentence with its own numbers and no rule
   * code or params syntax (the template's "Cách chấm" column): `Có: 1 điểm; không: 0 điểm`.
   */
  describe(leaf: RuleLeaf): string;
  /** The data validation of the input cells. */
  validation(leaf: RuleLeaf): TemplateValidation;
  /** Number format of the input cells (default: none). */
  numFmt?: string;
}

/** One leaf rule. Every member is pure; the object is frozen in the registry. */
export interface LeafRule<N extends RuleName = RuleName> {
  /** The rule's name, as written in a framework's `rule` column. */
  readonly name: N;
  /** What the rule does, in one sentence (docs/spec.md §2). */
  readonly description: string;
  /** How a leaf of this rule counts. */
  readonly scoring: RuleScoring;
  /**
   * Reads and checks the `params` cell of a leaf (`leaf.max`/`leaf.givenMax` as read so far); its
   * numbers are read as `opts` says (`decimalComma`).
   */
  parseParams(text: string, leaf: Pick<RuleLeaf, 'max' | 'givenMax'>, opts?: NumberTextOptions): ParamsResult;
  /** What a cell of this rule must hold, for error messages (the catalogues word it: `expectsText`). */
  expects(leaf: RuleLeaf): Expects;
  /** Reads a cell's trimmed, non-blank text (`NA` included) into an input, or a problem. */
  read(leaf: RuleLeaf, text: string, opts: NumberTextOptions): CellInput | CellProblem;
  /**
   * The plain values the rule takes as written: a cell holding a plain decimal `v ≥ 0` (digits, at
   * most one decimal separator) with `lo ≤ v ≤ hi` (`null`: no bound) is read by {@link read} as
   * that number, exactly as `readNumber` reads it. The byte reader (`src/criteria/input-bytes.ts`)
   * stores such cells without calling `read`; every other cell goes through `read`. Absent when no
   * plain number is simply itself (yes/no words, lists of allowed points).
   */
  plainRange?(leaf: RuleLeaf): { lo: Exact | null; hi: Exact | null } | undefined;
  /** The exact points a valid input value earns. */
  points(leaf: RuleLeaf, value: Exact): Exact;
  /** Upper bound of |points| for any valid input whose magnitude is at most `maxInput`. */
  bound(leaf: RuleLeaf, maxInput: number): Exact;
  /**
   * The kernel's denominator: for inputs read at scale `S`, the points of every valid input are whole
   * multiples of `1 / (10^scale × factor)`.
   */
  denominator(leaf: RuleLeaf, S: number): { scale: number; factor: bigint };
  /** The kernel's integer form over `D`, a multiple of `10^scale × factor` from {@link denominator}. */
  kernel(leaf: RuleLeaf, D: bigint, S: number): KernelForm;
  /** The evidence template's hint and validation. */
  readonly template: RuleTemplate;
  /** How an input value is shown in the results workbook (default: its exact text). */
  inputLabel?(value: Exact): string;
}
