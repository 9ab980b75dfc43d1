/**
 * The embedded Hà Nội 2021-shaped sample (illustrative criteria, real unit names; see
 * `data/hanoi-2021/README.md`), compiled into the package as text (`hanoi-2021.ts`), so the demo,
 * the built-in framework and `sample()` work in every bundle and runtime, with no file system.
 */
import { buildFramework, type Framework } from '../criteria/framework.js';
import { buildUnits, type Units } from '../criteria/units.js';
import { parseCsvTable } from '../table/csv.js';
import type { Table } from '../table/table.js';
import { EVIDENCE_CSV, FRAMEWORK_CSV, SURVEY_CSV, UNITS_CSV } from './hanoi-2021.js';

/** Names of the built-in samples. */
export const SAMPLES = ['hanoi-2021'] as const;
/**
 * A built-in sample name.
 *
 * @useDeclaredType
 */
export type SampleName = (typeof SAMPLES)[number];

const TEXTS = { 'framework.csv': FRAMEWORK_CSV, 'units.csv': UNITS_CSV, 'evidence.csv': EVIDENCE_CSV, 'survey.csv': SURVEY_CSV } as const;

/** Reads one CSV file of a built-in sample as a table (named `hanoi-2021/<file>` in errors). */
export function sampleTable(file: keyof typeof TEXTS, name: SampleName = 'hanoi-2021'): Table {
  return parseCsvTable(TEXTS[file], { file: `${name}/${file}` });
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
