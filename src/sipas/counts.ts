/**
 * The only state SIPAS keeps while reading forms (docs/spec.md §5): per unit, the number of forms, valid,
 * invalid and skipped forms, and per question how many valid forms gave each answer (0–5), from
 * which the forms answering 1–5 and 4–5 follow.
 * Memory depends on units × questions, never on the number of forms.
 */
import { SATISFIED_FROM } from './answers.js';
import type { SipasDefinition } from './definition.js';

/** Number of answer codes per question in a histogram: 0 (no answer) and 1–5. */
export const ANSWER_CODES = 6;

/** Counters of one unit (or of the pooled `ALL` row). */
export class UnitCounts {
  /** Unit id. */
  readonly id: string;
  /** Forms read for the unit (valid + invalid; skipped forms count here and in invalid). */
  forms = 0;
  /** Forms answering every non-optional question. */
  valid = 0;
  /** Forms not valid, skipped ones included. */
  invalid = 0;
  /** Forms dropped for a bad value (`skipBadRows`). */
  skipped = 0;
  /**
   * Answers of the valid forms: `histogram[q * 6 + v]` = valid forms whose answer to question `q`
   * is `v` (0 = no answer, 1–5).
   */
  readonly histogram: Float64Array;

  /** Zero counters for unit `id` over `questions` questions. */
  constructor(id: string, questions: number) {
    this.id = id;
    this.histogram = new Float64Array(questions * ANSWER_CODES);
  }

  /** Valid forms answering question `q` with 1–5. */
  answered(q: number): number {
    const h = this.histogram;
    const b = q * ANSWER_CODES;
    return h[b + 1] + h[b + 2] + h[b + 3] + h[b + 4] + h[b + 5];
  }

  /** Valid forms answering question `q` with 4 or 5 (satisfied). */
  satisfied(q: number): number {
    const h = this.histogram;
    const b = q * ANSWER_CODES;
    let n = 0;
    for (let v = SATISFIED_FROM; v < ANSWER_CODES; v++) n += h[b + v];
    return n;
  }
}

/** Counters of every unit of one survey, in order of first appearance (or of the units list). */
export class SurveyCounts {
  /** Number of questions. */
  readonly questions: number;
  /** Indices of the questions a valid form must answer. */
  readonly required: Int32Array;
  /** Per question: 1 when a valid form must answer it. */
  readonly requiredMask: Uint8Array;
  /** Counters per unit, by unit index. */
  readonly units: UnitCounts[] = [];
  /**
   * Unit index by id: by its NFC form, and by each other spelling met (an id in NFD is the same
   * unit as in NFC, so one unit's forms are never split over two rows).
   */
  readonly unitIndex = new Map<string, number>();
  /** True when the units are fixed in advance (an unknown unit is then an error). */
  readonly fixed: boolean;

  /** Counters for `definition`; with `unitIds`, only those units are accepted. */
  constructor(definition: SipasDefinition, unitIds?: readonly string[]) {
    this.questions = definition.questions.length;
    this.required = Int32Array.from(definition.questions.filter((q) => !q.optional).map((q) => q.question));
    this.requiredMask = Uint8Array.from(definition.questions.map((q) => (q.optional ? 0 : 1)));
    this.fixed = unitIds !== undefined;
    for (const id of unitIds ?? []) this.register(id);
  }

  private register(id: string): number {
    const i = this.units.length;
    this.units.push(new UnitCounts(id, this.questions));
    const key = id.normalize('NFC');
    if (!this.unitIndex.has(key)) this.unitIndex.set(key, i);
    if (key !== id && !this.unitIndex.has(id)) this.unitIndex.set(id, i);
    return i;
  }

  /**
   * Index of unit `id` (compared after NFC), registering it when units are not fixed — under its
   * NFC form; -1 for an unknown unit and for `ALL` (any case), which names the pooled row. A units
   * list keeps its ids as written.
   */
  unitOf(id: string): number {
    const i = this.unitIndex.get(id);
    if (i !== undefined) return i;
    const key = id.normalize('NFC');
    if (key !== id) {
      const j = this.unitIndex.get(key);
      if (j !== undefined) {
        // Remember this spelling: its next forms are found at once.
        if (this.unitIndex.size < 1 << 20) this.unitIndex.set(id, j);
        return j;
      }
    }
    return this.fixed || key.toUpperCase() === 'ALL' ? -1 : this.register(key);
  }

  /**
   * Counts one form of unit `u`. `answers[q]` is 0 (no answer) or 1–5; a `skipped` form (a bad
   * value under skipBadRows) counts in forms, invalid and skipped only.
   */
  addForm(u: number, answers: Uint8Array, skipped: boolean): void {
    const c = this.units[u];
    if (skipped) {
      c.forms++;
      c.invalid++;
      c.skipped++;
      return;
    }
    const req = this.required;
    for (let k = 0; k < req.length; k++) {
      if (answers[req[k]] === 0) {
        c.forms++;
        c.invalid++;
        return;
      }
    }
    this.addValid(u, answers);
  }

  /** Counts a form of unit `u` already known to be valid. */
  addValid(u: number, answers: Uint8Array): void {
    const c = this.units[u];
    c.forms++;
    c.valid++;
    const h = c.histogram;
    for (let q = 0, b = 0; q < answers.length; q++, b += ANSWER_CODES) h[b + answers[q]]++;
  }

  /** Counts a form of unit `u` already known to be invalid (a required question unanswered). */
  addInvalid(u: number): void {
    const c = this.units[u];
    c.forms++;
    c.invalid++;
  }

  /** The pooled counters over every unit (the `ALL` row). */
  pooled(id = 'ALL'): UnitCounts {
    const all = new UnitCounts(id, this.questions);
    for (const c of this.units) {
      all.forms += c.forms;
      all.valid += c.valid;
      all.invalid += c.invalid;
      all.skipped += c.skipped;
      for (let k = 0; k < c.histogram.length; k++) all.histogram[k] += c.histogram[k];
    }
    return all;
  }
}
