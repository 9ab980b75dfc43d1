/**
 * The `parindex` program: every command is registered here. Command modules import heavy
 * libraries (exceljs) only inside their actions, so start-up stays fast.
 * Exit 0 on success, 1 on bad input, 2 on bad usage, 3 on an internal error.
 */
import { Command, CommanderError } from 'commander';
import { registerCheck } from './commands/check.js';
import { registerCompare } from './commands/compare.js';
import { registerExplain } from './commands/explain.js';
import { registerSensitivity } from './commands/sensitivity.js';
import { registerScore } from './commands/score.js';
import { registerSipas } from './commands/sipas.js';
import { registerTemplate } from './commands/template.js';
import { EXIT_USAGE, reportError } from './run.js';
import { VERSION } from '../version.js';

/** Builds the program (exported for tests). */
export function buildProgram(): Command {
  const program = new Command('parindex').description('Exact scoring and ranking of PAR INDEX and SIPAS rounds').version(VERSION).showHelpAfterError().exitOverride();
  registerScore(program);
  registerSipas(program);
  registerCheck(program);
  registerExplain(program);
  registerSensitivity(program);
  registerCompare(program);
  registerTemplate(program);
  return program;
}

/** Runs the CLI with `argv` (node, script, …args) and returns the exit code. */
export async function main(argv: string[] = process.argv): Promise<number> {
  const program = buildProgram();
  program.commands.forEach((c) => c.exitOverride());
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0) return 0;
      return EXIT_USAGE;
    }
    return reportError(e);
  }
}
