/**
 * A closed stdout ends the run quietly (issue: hardening, pipes). 0.1 printed a Node stack trace
 * (EPIPE) for `parindex score … --format csv | head -1` once the output passed the pipe's buffer.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(__dirname, '..', 'dist', 'cli.js');

describe('a closed stdout', () => {
  it('score … | head -1 prints the first line, nothing on stderr, exit 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parindex-epipe-'));
    const n = 20_000; // ~1.5 MB of CSV: far past a pipe's buffer
    writeFileSync(join(dir, 'fw.csv'), 'code,title,max,method,rule,params,groups\n1,A,,,,,\n1.1,a,10,,points,,\n');
    writeFileSync(join(dir, 'units.csv'), `unit,name,group\n${Array.from({ length: n }, (_, i) => `u${i},Đơn vị số ${i},g`).join('\n')}\n`);
    writeFileSync(join(dir, 'ev.csv'), `unit,criterion,self,appraised\n${Array.from({ length: n }, (_, i) => `u${i},1.1,${i % 11},${i % 11}`).join('\n')}\n`);
    const cmd = `set -o pipefail; PARINDEX_LANG=en node ${JSON.stringify(CLI)} score --framework fw.csv --units units.csv --evidence ev.csv --format csv | head -1`;
    const r = spawnSync('bash', ['-c', cmd], { cwd: dir, encoding: 'utf8' });
    expect(r.stdout).toMatch(/^rankGroup,rank,unit,/);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
