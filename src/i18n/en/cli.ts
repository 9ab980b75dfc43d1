/**
 * English messages of src/cli/: the usage errors (exit 2), ours and commander's. Keys are
 * `usage/<what>`; params are the option names and values given.
 */
import type { Fragment } from '../catalogue.js';

export const cli = {
  // Our own option checks.
  'usage/whole-number': { message: (p: { flag: string; min: number; max: number; value: string }) => `${p.flag} takes a whole number from ${p.min} to ${p.max}, not "${p.value}"` },
  'usage/limit-key': { message: (p: { key: string; keys: string; suggestion: string }) => `--limit has no key "${p.key}"${p.suggestion ? ` (did you mean ${p.suggestion}?)` : ''}; keys: ${p.keys}` },
  'usage/limit-value': { message: (p: { key: string; value: string }) => `--limit ${p.key}= takes a whole number ≥ 1, not "${p.value}"` },
  'usage/bad-option-value': { message: (p: { flag: string; value: string }) => `${p.flag} cannot take "${p.value}"` },
  'usage/missing-options': { message: (p: { options: string }) => `missing ${p.options}` },
  'usage/bom-not-csv': { message: (p: { format: string }) => `--bom applies to --format csv only, not "${p.format}"` },
  'usage/report-only': { message: (p: { flag: string; format: string }) => `${p.flag} applies to --format xlsx and html only, not "${p.format}"` },
  'usage/csv-style-not-csv': { message: (p: { format: string }) => `--csv-style applies to --format csv only, not "${p.format}"` },
  'usage/xlsx-only': { message: (p: { flag: string; format: string }) => `${p.flag} applies to --format xlsx only, not "${p.format}"` },
  'usage/audit-csv-needs-out': { message: () => '--audit csv writes the audit to a CSV file beside the workbook: give --out FILE.xlsx' },
  'usage/csv-option-audit': { message: (p: { flag: string; audit: string }) => `${p.flag} applies to CSV output: with --format xlsx, to the audit CSV (--audit csv), not --audit ${p.audit}` },
  'usage/choice-nearest': { message: (p: { option: string; value: string; choices: string; suggestion: string }) => `${p.option} takes one of ${p.choices}, not "${p.value}"${p.suggestion ? ` (did you mean ${p.suggestion}?)` : ''}` },
  'usage/binary-to-terminal': { message: (p: { format: string }) => `--format ${p.format} writes a binary workbook: give --out FILE.${p.format} (or redirect stdout to a file)` },
  'usage/spread-needs-weights': { message: () => '--spread applies to --mode weights; use --revert with --mode appraisal' },
  'usage/revert-needs-appraisal': { message: () => '--revert applies to --mode appraisal' },
  'usage/print-definition-name': { message: (p: { names: string; value: string }) => `--print-definition takes one of ${p.names}, not "${p.value}"` },
  'usage/print-definition-format': { message: (p: { format: string }) => `--print-definition writes CSV; --format ${p.format} does not apply` },
  'usage/sipas-together': { message: () => '--sipas-questions, --sipas-responses and --sipas-criterion go together' },
  'usage/sipas-extras-alone': { message: () => '--sipas-null and --sipas-skip-bad-rows apply only with --sipas-questions, --sipas-responses and --sipas-criterion' },
  'usage/out-not-xlsx': { message: (p: { out: string }) => `--out must name an .xlsx file, not "${p.out}"` },
  // Commander's errors, by its error code.
  'usage/unknown-option': { message: (p: { option: string; suggestion: string }) => `unknown option "${p.option}"${p.suggestion ? ` (did you mean ${p.suggestion}?)` : ''}` },
  'usage/unknown-command': { message: (p: { command: string; suggestion: string }) => `unknown command "${p.command}"${p.suggestion ? ` (did you mean ${p.suggestion}?)` : ''}` },
  'usage/missing-argument': { message: (p: { argument: string }) => `missing the argument <${p.argument}>` },
  'usage/option-missing-argument': { message: (p: { option: string }) => `option ${p.option} needs a value` },
  'usage/missing-mandatory': { message: (p: { option: string }) => `option ${p.option} is required` },
  'usage/invalid-choice': { message: (p: { option: string; value: string; choices: string }) => `${p.option} takes one of ${p.choices}, not "${p.value}"` },
  'usage/invalid-value': { message: (p: { option: string; value: string }) => `${p.option} cannot take "${p.value}"` },
  'usage/excess-arguments': { message: (p: { command: string; expected: number; received: number }) => `too many arguments for "${p.command}": expected ${p.expected}, got ${p.received}` },
  'usage/conflicting-option': { message: (p: { option: string }) => `option ${p.option} cannot be used with another option given` },
} satisfies Fragment;

/** A key of the CLI's usage messages. */
export type CliMessageKey = keyof typeof cli;
