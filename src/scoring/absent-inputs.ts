/**
 * A whole input silently absent (docs/spec.md §3): no survey results while survey criteria apply,
 * or a criterion (bonus and penalty `adjust` criteria excepted) with no input for any unit it
 * applies to. Each scores 0 for every unit — 25–30 points of every index for a forgotten survey
 * file — so it is an error unless the caller says zeros are meant (`--allow-missing`, library
 * `missing: 'zero'`). Other missing inputs (a unit's row here and there) are only counted and
 * summarised.
 */
import { appliesTo } from '../criteria/framework.js';
import { ruleOf } from '../criteria/rules/index.js';
import type { InputMatrix } from '../criteria/inputs.js';
import { type Issue, type Location, problem } from '../errors.js';

/** What is missing from a round's inputs. */
export interface MissingReport {
  /** Whole inputs absent (errors unless zeros are allowed). */
  absent: Issue[];
  /** Every applicable (unit, criterion) with no input, adjust criteria excepted. */
  cells: { unit: string; criterion: string; survey: boolean; at?: Location }[];
}

/**
 * Finds the absent inputs and the missing cells of a round, in one walk over the applicable
 * (unit, criterion) cells, unit by unit in input order (the order `--strict` reports them in).
 */
export function missingReport(inputs: InputMatrix): MissingReport {
  const cells: MissingReport['cells'] = [];
  const rules = inputs.leaves.map((c) => ruleOf(c).scoring);
  const applicable = new Int32Array(inputs.leaves.length);
  const present = new Int32Array(inputs.leaves.length);
  inputs.units.forEach((u, ui) =>
    inputs.leaves.forEach((c, j) => {
      // Bonus and penalty criteria: no row is 0, never missing.
      if (!rules[j].countsMissing || !appliesTo(c, u.group)) return;
      applicable[j]++;
      const cell = inputs.cell(ui, j);
      if (inputs.present[cell]) {
        present[j]++;
        return;
      }
      const survey = rules[j].source === 'survey';
      const at = inputs.blankRows.get(cell);
      cells.push(at ? { unit: u.id, criterion: c.code, survey, at } : { unit: u.id, criterion: c.code, survey });
    }),
  );
  const absentLeaves = inputs.leaves.flatMap((c, j) => (applicable[j] > 0 && present[j] === 0 ? [{ code: c.code, title: c.title, survey: rules[j].source === 'survey', units: applicable[j] }] : []));
  const surveyLeaves = inputs.leaves.filter((_, j) => rules[j].source === 'survey');
  const absentSurvey = absentLeaves.filter((l) => l.survey);
  const absent: Issue[] = [];
  if (surveyLeaves.length > 0 && absentSurvey.length === surveyLeaves.length) {
    absent.push({ ...problem('no-survey-input', { count: surveyLeaves.length, codes: surveyLeaves.map((c) => c.code).join(', ') }), value: '' });
  } else {
    for (const l of absentSurvey) absent.push(absentIssue(l));
  }
  for (const l of absentLeaves.filter((x) => !x.survey)) absent.push(absentIssue(l));
  return { absent, cells };
}

function absentIssue(l: { code: string; title: string; units: number; survey: boolean }): Issue {
  return { column: l.code, ...problem('absent-criterion', { code: l.code, title: l.title, survey: l.survey, units: l.units }), value: l.code };
}

/** The missing cells as located `missing-input` issues: what `--strict` (library `strict: true`) refuses. */
export function missingInputIssues(cells: MissingReport['cells']): Issue[] {
  return cells.map((c) => ({ ...problem('missing-input', { unit: c.unit, criterion: c.criterion, survey: c.survey }), value: '' }));
}
