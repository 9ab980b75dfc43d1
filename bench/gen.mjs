/**
 * Writes a deterministic synthetic round as CSV files (library: syntheticRound / writeSyntheticRound).
 *
 *   npm run gen -- --preset hanoi|city|national [--out DIR]
 *   npm run gen -- --units N --criteria M --forms F [--seed S] [--out DIR]
 *
 * Files: framework.csv, units.csv, evidence.csv, survey.csv, and with forms > 0 sipas-questions.csv
 * (the sipas-2017 definition) and sipas-responses.csv. Everything is streamed, so 5,000,000 forms
 * need no more memory than 5,000. Default folder: bench/out/gen/<preset or NuxMcxFf>.
 * Score it:  node dist/cli.js score --framework DIR/framework.csv --units DIR/units.csv \
 *              --evidence DIR/evidence.csv --survey DIR/survey.csv
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { count, parseArgs } from './lib/args.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = parseArgs(process.argv.slice(2), { booleans: ['help'] });
// parseArgs reads only `--` options: `-h` stays a positional argument.
if (args.help === true || args._.includes('-h')) {
  process.stdout.write('usage: npm run gen -- [--preset hanoi|city|national] [--units N] [--criteria M] [--forms F] [--seed S] [--out DIR]\n');
  process.exit(0);
}
const P = await import(pathToFileURL(resolve(args.dist ?? join(here, '..', 'build', 'internal.js'))).href);
if (args.preset !== undefined && !P.PRESETS.includes(args.preset)) {
  process.stderr.write(`gen: unknown preset "${args.preset}" (one of ${P.PRESETS.join(', ')})\n`);
  process.exit(2);
}
const spec = {
  preset: args.preset,
  units: args.units === undefined ? undefined : count(args.units),
  criteria: args.criteria === undefined ? undefined : count(args.criteria),
  forms: args.forms === undefined ? undefined : count(args.forms),
  seed: args.seed === undefined ? 1 : count(args.seed),
};
const round = P.syntheticRound(spec);
const name = spec.preset ?? `${round.unitList.length}u${round.criteria}c${round.forms}f`;
const out = resolve(args.out ?? join(here, 'out', 'gen', name));
process.stderr.write(`gen: ${round.describe()} → ${out}\n`);
const t = performance.now();
const w = await P.writeSyntheticRound(out, round);
const mb = (w.bytes / 2 ** 20).toFixed(1);
process.stdout.write(
  `wrote ${Object.values(w.files).length} files, ${mb} MB in ${((performance.now() - t) / 1000).toFixed(1)} s: ` +
    `${w.rows.evidence} evidence rows, ${w.rows.survey} survey rows, ${w.rows.forms} SIPAS forms\n` +
    Object.entries(w.files)
      .map(([k, v]) => `  ${k.padEnd(15)} ${v}\n`)
      .join(''),
);
