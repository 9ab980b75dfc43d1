/**
 * `parindex score --format json` end to end, as the benchmark runs it: the built binary on a
 * generated round large enough to take every fast path in several pieces (evidence read in 1 MiB
 * reads into two buffers, units straight from their cells, the document written as bytes in chunks
 * of 1 MiB while the file takes the one before) gives, to a file and to a pipe, exactly the bytes of
 * the library's document built by the reference paths (tables of rows, the schema, `buildInputs`,
 * `JSON.stringify`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInputs } from '../src/criteria/evidence.js';
import { buildFramework } from '../src/criteria/framework.js';
import { unitsFromRows } from '../src/criteria/units.js';
import { scoreResultJson } from '../src/scoring/result-json.js';
import { scoreMatrix } from '../src/scoring/score.js';
import { parseCsvTable } from '../src/table/csv.js';
import { type WrittenRound, writeSyntheticRound } from '../src/testing/write-round.js';

const CLI = join(__dirname, '..', 'dist', 'cli.js');
let dir: string;
let round: WrittenRound;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parindex-e2e-json-'));
  round = await writeSyntheticRound(join(dir, 'round'), { units: 2500, criteria: 60, seed: 7 });
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The JSON document by the reference paths: every file a table of rows, units through the schema. */
function referenceDocument(): string {
  const table = (path: string) => parseCsvTable(readFileSync(path, 'utf8'), { file: path });
  const { files } = round;
  const fw = buildFramework(table(files.framework));
  const units = unitsFromRows(table(files.units));
  const inputs = buildInputs(fw, units, { evidence: table(files.evidence), survey: table(files.survey) });
  return `${JSON.stringify(scoreResultJson(scoreMatrix(fw, units, inputs)), null, 2)}\n`;
}

describe('parindex score --format json, the built binary', () => {
  it('writes the reference document, to a file and to a pipe', () => {
    const { files } = round;
    // Several reads of evidence, several chunks of output.
    expect(statSync(files.evidence).size).toBeGreaterThan(2 << 20);
    const args = [CLI, 'score', '--framework', files.framework, '--units', files.units, '--evidence', files.evidence, '--survey', files.survey, '--allow-missing', '--format', 'json'];
    const out = join(dir, 'result.json');
    const toFile = spawnSync('node', [...args, '--out', out], { encoding: 'utf8' });
    expect(toFile.status, toFile.stderr).toBe(0);
    const toPipe = spawnSync('node', args, { maxBuffer: 1 << 28 });
    expect(toPipe.status, String(toPipe.stderr)).toBe(0);
    const expected = Buffer.from(referenceDocument(), 'utf8');
    expect(expected.length).toBeGreaterThan(1 << 20);
    expect(readFileSync(out).equals(expected)).toBe(true);
    expect(toPipe.stdout.equals(expected)).toBe(true);
    expect(JSON.parse(expected.toString('utf8')).units).toHaveLength(2500);
  }, 120_000);
});
