/**
 * Options shared by CLI commands, and their checking (a bad value is a usage error, exit 2).
 * What each option does is said in src/i18n/labels/cli-help.ts (both languages; put on the
 * program by ./localize.ts).
 */
import { type Command, Option } from 'commander';
import { type Band, parseBands } from '../criteria/bands.js';
import { RANK_ON, ROUNDING_MODES, TIE_MODES } from '../criteria/schemas.js';
import { ParIndexError } from '../errors.js';
import type { Lang } from '../i18n/lang.js';
import { NUMBER_STYLES, type NumberStyle } from '../i18n/number-style.js';
import { CSV_STYLES, type CsvStyle, type Presentation } from '../report/presentation.js';
import type { ScoreOptions } from '../scoring/score.js';
import type { SipasParCliOptions } from './commands/sipas.js';
import { nearestName } from '../text/nearest.js';
import { UsageError } from './run.js';

/** Parses a whole number option. */
export function intOption(name: string, min = 0, max = 20) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new UsageError('usage/whole-number', { flag: name, min, max, value });
    return Number(value);
  };
}

/** Adds the output options: --format, --out, --decimals, --rounding, --number-style, --csv-style. */
export function addOutputOptions(cmd: Command, formats: readonly string[]): Command {
  return cmd
    .addOption(new Option('--format <format>').choices([...formats]).default('table'))
    .addOption(new Option('--out <file>'))
    .addOption(new Option('--decimals <n>').argParser(intOption('--decimals')))
    .addOption(new Option('--rounding <mode>').choices([...ROUNDING_MODES]))
    .addOption(new Option('--number-style <style>').choices([...NUMBER_STYLES]))
    .addOption(new Option('--csv-style <style>').choices([...CSV_STYLES]));
}

/** Adds --bom: a UTF-8 byte order mark before CSV output, so Excel reads Vietnamese text. */
export function addBomOption(cmd: Command): Command {
  return cmd.addOption(new Option('--bom'));
}

/** CLI option values of how an output is presented (`--lang` is on every command, set by ./localize.ts). */
export interface PresentationCliOptions {
  /** --lang, defaulted to the language chosen from the arguments and environment. */
  lang?: Lang;
  /** --number-style. */
  numberStyle?: NumberStyle;
  /** --csv-style. */
  csvStyle?: CsvStyle;
}

/** The language and number style of an output people read. `--csv-style vi` writes decimal commas in CSV whatever `--number-style` says. */
export function presentationOf(o: PresentationCliOptions): Required<Presentation> {
  return { lang: o.lang ?? 'vi', numberStyle: o.numberStyle ?? 'en' };
}

/** Formats with a title and page layout (`--title` applies to these only). */
export const REPORT_FORMATS: readonly string[] = ['xlsx', 'html'];

/** `--title` (and `--previous`) go with a report format only: with another, a usage error (exit 2) rather than ignored. */
export function checkReportOnly(o: { format: string }, flags: readonly (readonly [string, unknown])[]): void {
  for (const [flag, v] of flags) if (v !== undefined && !REPORT_FORMATS.includes(o.format)) throw new UsageError('usage/report-only', { flag, format: o.format });
}

/** Output formats that are binary (a workbook): they need --out, or stdout redirected to a file. */
export const BINARY_FORMATS: readonly string[] = ['xlsx'];

/**
 * Usage checks on where output goes (exit 2, before any input is read): --bom and --csv-style only
 * with CSV (or a workbook whose audit may go to CSV: `auditCsv`); a binary workbook is not written
 * to a terminal.
 */
export function checkOutputTarget(o: { format: string; out?: string; bom?: boolean; csvStyle?: CsvStyle }, stdoutIsTTY = Boolean(process.stdout.isTTY), auditCsv = false): void {
  // `score --format xlsx` may write its audit as CSV (`auditCsv`: --audit csv, or by size): --bom and --csv-style apply to it.
  const csv = o.format === 'csv' || auditCsv;
  if (o.bom && !csv) throw new UsageError('usage/bom-not-csv', { format: o.format });
  if (o.csvStyle !== undefined && !csv) throw new UsageError('usage/csv-style-not-csv', { format: o.format });
  if (BINARY_FORMATS.includes(o.format) && !o.out && stdoutIsTTY) throw new UsageError('usage/binary-to-terminal', { format: o.format });
}

/** Where `score --format xlsx` puts its audit (`--audit`). */
export const AUDIT_CHOICES = ['sheet', 'csv', 'none'] as const;

/** A value of `--audit`. */
export type AuditChoice = (typeof AUDIT_CHOICES)[number];

/** Reads --audit: one of {@link AUDIT_CHOICES}, else a usage error naming the nearest. */
function auditOption(value: string): AuditChoice {
  const v = value.trim().toLowerCase();
  if ((AUDIT_CHOICES as readonly string[]).includes(v)) return v as AuditChoice;
  const suggestion = nearestName(value, AUDIT_CHOICES);
  throw new UsageError('usage/choice-nearest', { option: '--audit', value, choices: AUDIT_CHOICES.join(', '), suggestion: suggestion ? `"${suggestion}"` : '' });
}

/** Adds --audit (sheet, csv or none): where the results workbook's audit goes. */
export function addAuditOption(cmd: Command): Command {
  return cmd.addOption(new Option('--audit <where>').choices([...AUDIT_CHOICES]).argParser(auditOption));
}

/**
 * Usage checks of --audit (exit 2, before any input is read): it goes with `--format xlsx` only;
 * `csv` needs `--out` (the CSV is named from it); --bom and --csv-style, which shape the audit CSV,
 * do not go with `--audit sheet` or `none`.
 */
export function checkAuditOption(o: { format: string; out?: string; audit?: AuditChoice; bom?: boolean; csvStyle?: CsvStyle }): void {
  if (o.audit === undefined) return;
  if (o.format !== 'xlsx') throw new UsageError('usage/xlsx-only', { flag: '--audit', format: o.format });
  if (o.audit === 'csv' && !o.out) throw new UsageError('usage/audit-csv-needs-out');
  if (o.audit !== 'csv' && o.bom) throw new UsageError('usage/csv-option-audit', { flag: '--bom', audit: o.audit });
  if (o.audit !== 'csv' && o.csvStyle !== undefined) throw new UsageError('usage/csv-option-audit', { flag: '--csv-style', audit: o.audit });
}

/** Adds the score inputs: --framework, --units, --evidence, --survey and number reading. */
export function addScoreInputOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--framework <file>'))
    .addOption(new Option('--units <file>'))
    .addOption(new Option('--evidence <file...>'))
    .addOption(new Option('--survey <file>'))
    .addOption(new Option('--decimal-comma'))
    .addOption(new Option('--strict'))
    .addOption(new Option('--allow-missing'))
    .addOption(new Option('--sipas-questions <file|name>'))
    .addOption(new Option('--sipas-responses <file>'))
    .addOption(new Option('--sipas-criterion <code>'))
    .addOption(new Option('--sipas-null <as>').choices(['missing', 'na']))
    .addOption(new Option('--sipas-skip-bad-rows'));
}

/** Parses --bands when the options are read (a bad value is a usage error with the problems found, before any input is read). */
function bandsOption(value: string): Band[] {
  try {
    return parseBands(value);
  } catch (e) {
    if (e instanceof ParIndexError) throw new UsageError('usage/bad-option-value', { flag: '--bands', value }, e.issues);
    throw e;
  }
}

/** Adds the ranking options: --ties, --rank-on, --bands, --clamp. */
export function addRankOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--ties <mode>').choices([...TIE_MODES]))
    .addOption(new Option('--rank-on <what>').choices([...RANK_ON]))
    .addOption(new Option('--bands <bands>').argParser(bandsOption))
    .addOption(new Option('--clamp'));
}

/** CLI option values of a score run. */
export interface ScoreCliOptions extends SipasParCliOptions, PresentationCliOptions {
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
  if (missing.length) throw new UsageError('usage/missing-options', { options: missing.map((n) => `--${n.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(', ') });
}
