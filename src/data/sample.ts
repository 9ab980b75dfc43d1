/**
 * The embedded Hà Nội 2021-shaped sample (illustrative criteria, real unit names; see
 * `data/hanoi-2021/README.md`), shipped inside the package so `parindex demo` and the built-in
 * framework work wherever the package is installed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFramework, type Framework } from '../criteria/framework.js';
import { buildUnits, type Units } from '../criteria/units.js';
import { parseCsvTable } from '../io/csv.js';
import type { Table } from '../io/table.js';

/** Names of the built-in samples. */
export const SAMPLES = ['hanoi-2021'] as const;
/** A built-in sample name. */
export type SampleName = (typeof SAMPLES)[number];

/** Folder holding a built-in sample's files (found by walking up from this module). */
export function sampleDir(name: SampleName = 'hanoi-2021'): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'data', name);
    if (existsSync(join(candidate, 'framework.csv'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`parindex: the built-in sample "${name}" is missing from the installed package`);
}

/** Path of one file of a built-in sample. */
export function samplePath(file: string, name: SampleName = 'hanoi-2021'): string {
  return join(sampleDir(name), file);
}

/** Reads one CSV file of a built-in sample as a table. */
export function sampleTable(file: string, name: SampleName = 'hanoi-2021'): Table {
  return parseCsvTable(readFileSync(samplePath(file, name), 'utf8'), { file: `${name}/${file}` });
}

/** The built-in Hà Nội 2021-shaped framework (8 areas, 56 leaves, every rule). */
export function hanoi2021Framework(): Framework {
  return buildFramework(sampleTable('framework.csv'));
}

/** The 52 units of the Hà Nội sample (22 sở, 30 district-level units). */
export function hanoi2021Units(): Units {
  return buildUnits(sampleTable('units.csv'));
}

/** Every table of a built-in sample: framework, units, evidence, survey results. */
export function sampleTables(name: SampleName = 'hanoi-2021'): { framework: Table; units: Table; evidence: Table; survey: Table } {
  return {
    framework: sampleTable('framework.csv', name),
    units: sampleTable('units.csv', name),
    evidence: sampleTable('evidence.csv', name),
    survey: sampleTable('survey.csv', name),
  };
}
