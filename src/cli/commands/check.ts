/**
 * `parindex check`: reads and checks every input as `score` would, lists every problem, scores
 * nothing. Exit 0 when clean, 1 with the problems.
 */
import type { Command } from 'commander';
import { formatLocation, ParIndexError, type Issue } from '../../errors.js';
import { cliWords } from '../../i18n/labels/cli.js';
import { loadRound } from '../../node/round.js';
import { missingInputIssues, missingReport } from '../../scoring/absent-inputs.js';
import { addScoreInputOptions, requireOptions, type ScoreCliOptions } from '../options.js';
import { addSipasInputOptions, applySipasOptions, checkSipasFromOptions, checkSipasParOptions } from './sipas.js';

/** Registers check. */
export function registerCheck(program: Command): void {
  const cmd = program.command('check');
  addSipasInputOptions(addScoreInputOptions(cmd));
  cmd.action(async (o: ScoreCliOptions & { questions?: string; responses?: string; skipBadRows?: boolean }) => {
    // Survey inputs, score inputs, or both: each set given is checked in full (--units serves both).
    const survey = o.questions !== undefined || o.responses !== undefined;
    const scoreInputs = o.framework !== undefined || o.evidence !== undefined || o.survey !== undefined || !survey;
    if (scoreInputs) {
      requireOptions(o as unknown as Record<string, unknown>, ['framework', 'units']);
      checkSipasParOptions(o);
    }
    // Both sets are read even when the first has problems, so every problem is listed at once.
    const checks = [...(survey ? [() => checkSipasFromOptions(o)] : []), ...(scoreInputs ? [() => checkRound(o)] : [])];
    const lines: string[] = [];
    const issues: Issue[] = [];
    for (const check of checks) {
      try {
        lines.push(await check());
      } catch (e) {
        if (!(e instanceof ParIndexError)) throw e;
        issues.push(...e.issues);
      }
    }
    if (issues.length) throw new ParIndexError(issues);
    process.stdout.write(lines.map((l) => `${l}\n`).join(''));
  });
}

/** Checks a PAR round's inputs; returns the one-line summary. */
async function checkRound(o: ScoreCliOptions): Promise<string> {
  const round = await loadRound({ framework: o.framework!, units: o.units!, evidence: o.evidence, survey: o.survey }, { decimalComma: o.decimalComma });
  await applySipasOptions(round, o);
  const report = missingReport(round.inputs);
  const missing = report.cells;
  if (o.strict && missing.length > 0) throw new ParIndexError(missingInputIssues(missing));
  if (report.absent.length && !o.allowMissing) throw new ParIndexError(report.absent);
  const lang = o.lang ?? 'vi';
  const w = cliWords[lang];
  const head = w.checkRound({
    criteria: round.framework.criteria.length,
    leaves: round.framework.leaves.length,
    units: round.units.list.length,
    rows: round.inputs.present.reduce((a, b) => a + b, 0),
    missing: missing.length,
  });
  // Every missing input, one per line, so a clerk can fill them in.
  return [head, ...report.cells.map((c) => `  ${w.missingCell({ unit: c.unit, criterion: c.criterion, survey: c.survey, at: c.at ? formatLocation(c.at, { lang }) : '' })}`)].join('\n');
}
