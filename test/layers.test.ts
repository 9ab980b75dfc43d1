/**
 * The layers of src/ hold (docs/architecture.md): dependency-cruiser with .dependency-cruiser.cjs
 * finds no violation in src/, and the same rules catch a deliberately wrong tree (an upward import,
 * a Node built-in in the core, a cycle), so the check cannot pass by checking nothing.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const BIN = join(ROOT, 'node_modules', '.bin', 'depcruise');

function cruise(cwd: string) {
  const r = spawnSync(BIN, ['src', '--config', CONFIG, '--output-type', 'json'], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  const out = JSON.parse(r.stdout) as { summary: { violations: { rule: { name: string }; from: string; to: string }[]; totalCruised: number } };
  return out.summary;
}

describe('layers (dependency-cruiser)', () => {
  it('src/ has no violation', () => {
    const r = cruise(ROOT);
    expect(r.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
    expect(r.totalCruised).toBeGreaterThan(100);
  });

  it('the rules catch an upward import, a Node built-in in the core and a cycle', () => {
    const r = cruise(join(ROOT, 'test', 'fixtures', 'layers'));
    const names = new Set(r.violations.map((v) => v.rule.name));
    expect(names).toEqual(new Set(['criteria-layer', 'core-imports-no-node-builtin', 'no-circular']));
  });
});
