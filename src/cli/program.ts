/**
 * The `parindex` program: every command is registered here. Command modules import heavy
 * libraries (exceljs) only inside their actions, so start-up stays fast.
 * Exit 0 on success, 1 on bad input, 2 on bad usage, 3 on an internal error.
 * The language (`--lang`, else the environment) is chosen before the program is built, so the
 * help, commander's errors and every message come in it (./localize.ts, ./lang.ts).
 */
import { Command, CommanderError } from 'commander';
import type { Lang } from '../i18n/lang.js';
import { VERSION } from '../version.js';
import { registerCheck } from './commands/check.js';
import { registerCompare } from './commands/compare.js';
import { registerExplain } from './commands/explain.js';
import { registerScore } from './commands/score.js';
import { registerServe } from './commands/serve.js';
import { registerSensitivity } from './commands/sensitivity.js';
import { registerSipas } from './commands/sipas.js';
import { registerTemplate } from './commands/template.js';
import { cliLang } from './lang.js';
import { localizeProgram } from './localize.js';
import { applyLimitsBeforeAction } from './limit-option.js';
import { EXIT_USAGE, reportError } from './run.js';

/** Builds the program in a language (exported for tests). */
export function buildProgram(lang: Lang = 'vi'): Command {
  const program = new Command('parindex').version(VERSION).showHelpAfterError().exitOverride();
  registerScore(program);
  registerSipas(program);
  registerCheck(program);
  registerExplain(program);
  registerSensitivity(program);
  registerCompare(program);
  registerTemplate(program);
  registerServe(program);
  applyLimitsBeforeAction(program);
  return localizeProgram(program, lang);
}

/**
 * Runs the CLI with `argv` (node, script, …args) and returns the exit code. `env` gives the
 * language when no `--lang` is given (`PARINDEX_LANG`, `LC_ALL`, `LC_MESSAGES`, `LANG`).
 */
export async function main(argv: string[] = process.argv, env: Readonly<Record<string, string | undefined>> = process.env): Promise<number> {
  const lang = cliLang(argv.slice(2), env);
  const program = buildProgram(lang);
  program.commands.forEach((c) => c.exitOverride());
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0) return 0;
      return EXIT_USAGE;
    }
    return reportError(e, lang);
  }
}
