/**
 * Options shared by CLI commands, and their checking (a bad value is a usage error, exit 2).
 */
import { Option, type Command } from 'commander';
import { ROUNDING_MODES, TIE_MODES, RANK_ON } from '../criteria/schemas.js';
import { ParIndexError } from '../errors.js';
import { parseBands, type Band } from '../criteria/bands.js';
import type { ScoreOptions } from '../scoring/score.js';
import { UsageError } from './run.js';
import type { SipasParCliOptions } from './commands/sipas.js';

/** Parses a whole number option. */
export function intOption(name: string, min = 0, max = 20) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new UsageError(`${name} takes a whole number from ${min} to ${max}, not "${value}"`);
    return Number(value);
  };
}

/** Adds the output options: --format, --out, --decimals, --rounding. */
export function addOutputOptions(cmd: Command, formats: readonly string[]): Command {
  return cmd
    .addOption(new Option('--format <format>', 'output format').choices([...formats]).default('table'))
    .option('--out <file>', 'write to this file (atomically) instead of stdout')
    .option('--decimals <n>', 'decimals at output (default 2)', intOption('--decimals'))
    .addOption(new Option('--rounding <mode>', 'rounding at output').choices([...ROUNDING_MODES]));
}

/** Adds --bom: a UTF-8 byte order mark before CSV output, so Excel reads Vietnamese text. */
export function addBomOption(cmd: Command): Command {
  return cmd.option('--bom', 'start CSV output with a UTF-8 BOM (for Excel)');
}

/** Output formats that are binary (a workbook): they need --out, or stdout redirected to a file. */
export const BINARY_FORMATS: readonly string[] = ['xlsx'];

/**
 * Usage checks on where output goes (exit 2, before any input is read): --bom only with CSV; a
 * binary workbook is not written to a terminal.
 */
export function checkOutputTarget(o: { format: string; out?: string; bom?: boolean }, stdoutIsTTY = Boolean(process.stdout.isTTY)): void {
  if (o.bom && o.format !== 'csv') throw new UsageError(`--bom applies to --format csv only, not "${o.format}"`);
  if (BINARY_FORMATS.includes(o.format) && !o.out && stdoutIsTTY) {
    throw new UsageError(`--format ${o.format} writes a binary workbook: give --out FILE.${o.format} (or redirect stdout to a file)`);
  }
}

/** Adds the score inputs: --framework, --units, --evidence, --survey and number reading. */
export function addScoreInputOptions(cmd: Command): Command {
  return cmd
    .option('--framework <file>', 'criteria framework (.csv, .json, .xlsx) or a built-in name (hanoi-2021)')
    .option('--units <file>', 'units file (.csv, .json, .xlsx)')
    .option('--evidence <file...>', 'evidence file(s), long or wide layout')
    .option('--survey <file>', 'survey results file (unit, criterion, score)')
    .option('--decimal-comma', 'text numbers use "," as the decimal point (12,5); a "." in them is an error')
    .option('--strict', 'a missing input is an error instead of 0')
    .option('--allow-missing', 'a whole input absent (no survey results; a criterion with no row for any unit) scores 0 instead of being an error')
    .option('--sipas-questions <file|name>', 'SIPAS survey definition or built-in (sipas-2017, sipas-2023) scored into --sipas-criterion')
    .option('--sipas-responses <file>', "SIPAS survey forms; each unit's SIPAS index becomes the score of --sipas-criterion")
    .option('--sipas-criterion <code>', 'the survey criterion fed by SIPAS (e.g. 8.1)')
    .addOption(new Option('--sipas-null <as>', 'a unit without a SIPAS index: missing (scored 0) or na (not applicable)').choices(['missing', 'na']))
    .option('--sipas-skip-bad-rows', 'drop SIPAS forms holding a bad value instead of stopping');
}

/** Parses --bands when the options are read (a bad value is a usage error, before any input is read). */
function bandsOption(value: string): Band[] {
  try {
    return parseBands(value);
  } catch (e) {
    if (e instanceof ParIndexError) throw new UsageError(`--bands: ${e.issues.map((i) => i.message).join('; ')}; expected bands such as "A>=90; B>=80; C>=70"`);
    throw e;
  }
}

/** Adds the ranking options: --ties, --rank-on, --bands, --clamp. */
export function addRankOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--ties <mode>', 'tie handling').choices([...TIE_MODES]))
    .addOption(new Option('--rank-on <what>', 'rank on exact or printed values').choices([...RANK_ON]))
    .option('--bands <bands>', 'bands, e.g. "A>=90; B>=80; C>=70"', bandsOption)
    .option('--clamp', 'clamp index and selfIndex to [0, 100] after adjustments');
}

/** CLI option values of a score run. */
export interface ScoreCliOptions extends SipasParCliOptions {
  framework?: string;
  units?: string;
  evidence?: string[];
  survey?: string;
  decimalComma?: boolean;
  strict?: boolean;
  allowMissing?: boolean;
  format: string;
  out?: string;
  /** CSV output starts with a UTF-8 BOM. */
  bom?: boolean;
  decimals?: number;
  rounding?: ScoreOptions['rounding'];
  ties?: ScoreOptions['ties'];
  rankOn?: ScoreOptions['rankOn'];
  /** Parsed --bands. */
  bands?: Band[];
  clamp?: boolean;
}

/** Library options from CLI options (undefined where a flag was not given, so settings apply). */
export function scoreOptionsOf(o: ScoreCliOptions): ScoreOptions {
  return { decimals: o.decimals, rounding: o.rounding, ties: o.ties, rankOn: o.rankOn, bands: o.bands, clamp: o.clamp || undefined, strict: o.strict };
}

/** Throws a usage error naming the missing required options. */
export function requireOptions(o: Record<string, unknown>, names: string[]): void {
  const missing = names.filter((n) => o[n] === undefined);
  if (missing.length) throw new UsageError(`missing ${missing.map((n) => `--${n.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(', ')}`);
}
