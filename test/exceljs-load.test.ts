/**
 * Writing a workbook under Node loads exceljs's streaming writer and what it needs, not all of
 * exceljs (src/xlsx/load-exceljs.ts: the reader, unzipper and the CSV code took ~190 ms more of
 * every `--format xlsx` run): the built library, in a fresh process, writes the sample's workbook
 * with the writer alone — and, with all of exceljs loaded first, the very same bytes.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');

/** Runs the built library in a fresh Node: the sample's workbook, its SHA-256 and the exceljs files loaded. */
function workbookIn(fresh: boolean): { sha: string; bytes: number; loaded: string[] } {
  const script = `
    import { createRequire } from 'node:module';
    import { createHash } from 'node:crypto';
    const require = createRequire(${JSON.stringify(join(ROOT, 'package.json'))});
    ${fresh ? '' : "require('exceljs');"}
    const { createRound, sample, score } = await import(${JSON.stringify(join(ROOT, 'dist', 'index.js'))});
    const { renderXlsx } = await import(${JSON.stringify(join(ROOT, 'dist', 'xlsx.js'))});
    const bytes = await renderXlsx(score(createRound(sample())));
    const loaded = Object.keys(require.cache).filter((f) => f.includes('/node_modules/exceljs/')).map((f) => f.slice(f.indexOf('/node_modules/exceljs/') + 22));
    console.log(JSON.stringify({ sha: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, loaded }));
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('exceljs loaded for writing', () => {
  it('is the streaming writer and what it needs, never the reader; the workbook is the one written with all of exceljs', () => {
    const alone = workbookIn(true);
    expect(alone.loaded).toContain('lib/stream/xlsx/workbook-writer.js');
    expect(alone.loaded).not.toContain('lib/stream/xlsx/workbook-reader.js');
    expect(alone.loaded).not.toContain('lib/exceljs.nodejs.js');
    expect(alone.loaded).not.toContain('lib/doc/workbook.js');
    expect(alone.bytes).toBeGreaterThan(10_000);
    const whole = workbookIn(false);
    expect(whole.loaded).toContain('lib/stream/xlsx/workbook-reader.js');
    expect(whole.sha).toBe(alone.sha);
  }, 60_000);
});
