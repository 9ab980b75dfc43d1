/**
 * The program in one language: every command, argument and option described from
 * src/i18n/labels/cli-help.ts, commander's own words (headings, placeholders, choices and default
 * notes, the help and version options, the help command) and commander's errors (unknown option,
 * missing argument, bad choice, …) from the usage catalogue, and `--lang` on every command, its
 * default the language already chosen (so every action reads it as `o.lang`).
 */
import { type Argument, type Command, Help, Option } from 'commander';
import { SENSITIVITY_DEFAULTS } from '../analysis/sensitivity.js';
import { cliHelp, type HelpValues } from '../i18n/labels/cli-help.js';
import { LANGS, type Lang } from '../i18n/lang.js';
import { addLimitOption } from './limit-option.js';
import { SURVEY_BUILTINS } from '../sipas/builtins.js';
import { usageMessage } from './run.js';

const VALUES: HelpValues = {
  surveys: SURVEY_BUILTINS.join(', '),
  runs: SENSITIVITY_DEFAULTS.runs,
  seed: SENSITIVITY_DEFAULTS.seed,
  spread: SENSITIVITY_DEFAULTS.spread.toString(),
  revert: SENSITIVITY_DEFAULTS.revert.toString(),
};

/** The words of one option of `command` (`command.attribute`, else `attribute`); undefined when the labels have none. */
export function optionHelp(command: string, attribute: string, lang: Lang): string | undefined {
  const o = cliHelp[lang].options;
  const text = o[`${command}.${attribute}`] ?? o[attribute];
  return typeof text === 'function' ? text(VALUES) : text;
}

/** The words of one argument of `command`; undefined when the labels have none. */
export function argumentHelp(command: string, argument: string, lang: Lang): string | undefined {
  return cliHelp[lang].arguments[`${command}.${argument}`];
}

/** Every command of the program, the program first. */
export function allCommands(program: Command): Command[] {
  return [program, ...program.commands.flatMap((c) => allCommands(c))];
}

/** The long flag of an option's flags (`--format <format>` → `--format`). */
function longFlag(flags: string): string {
  return /--[^\s,|<[]+/.exec(flags)?.[0] ?? flags;
}

/**
 * A commander error message (`error: unknown option '--x'` …) in the CLI's words, by its code;
 * `parindex: ` first, as every CLI error. A message of a shape not known here stays as it is.
 */
export function commanderMessage(message: string, code: string | undefined, lang: Lang): string {
  const say = (key: Parameters<typeof usageMessage>[0], params: Record<string, string | number>) => `parindex: ${usageMessage(key, params, lang)}`;
  let m: RegExpExecArray | null;
  switch (code) {
    case 'commander.unknownOption':
      if ((m = /^error: unknown option '(.*?)'(?:\n\(Did you mean (.*)\?\))?$/s.exec(message))) return say('usage/unknown-option', { option: m[1], suggestion: m[2] ?? '' });
      break;
    case 'commander.unknownCommand':
      if ((m = /^error: unknown command '(.*?)'(?:\n\(Did you mean (.*)\?\))?$/s.exec(message))) return say('usage/unknown-command', { command: m[1], suggestion: m[2] ?? '' });
      break;
    case 'commander.missingArgument':
      if ((m = /^error: missing required argument '(.*)'$/s.exec(message))) return say('usage/missing-argument', { argument: m[1] });
      break;
    case 'commander.optionMissingArgument':
      if ((m = /^error: option '(.*)' argument missing$/s.exec(message))) return say('usage/option-missing-argument', { option: longFlag(m[1]) });
      break;
    case 'commander.missingMandatoryOptionValue':
      if ((m = /^error: required option '(.*)' not specified$/s.exec(message))) return say('usage/missing-mandatory', { option: longFlag(m[1]) });
      break;
    case 'commander.invalidArgument':
      if ((m = /^error: option '(.*?)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/s.exec(message))) return say('usage/invalid-choice', { option: longFlag(m[1]), value: m[2], choices: m[3] });
      if ((m = /^error: command-argument value '(.*)' is invalid for argument '(.*?)'\. Allowed choices are (.*)\.$/s.exec(message))) return say('usage/invalid-choice', { option: `<${m[2]}>`, value: m[1], choices: m[3] });
      if ((m = /^error: option '(.*?)' argument '(.*)' is invalid\./s.exec(message))) return say('usage/invalid-value', { option: longFlag(m[1]), value: m[2] });
      if ((m = /^error: command-argument value '(.*)' is invalid for argument '(.*?)'\./s.exec(message))) return say('usage/invalid-value', { option: `<${m[2]}>`, value: m[1] });
      break;
    case 'commander.excessArguments':
      if ((m = /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/s.exec(message))) return say('usage/excess-arguments', { command: m[1] ?? 'parindex', expected: Number(m[2]), received: Number(m[3]) });
      break;
    case 'commander.conflictingOption':
      if ((m = /^error: (?:option|environment variable) '(.*?)' cannot be used with/s.exec(message))) return say('usage/conflicting-option', { option: longFlag(m[1]) });
      break;
  }
  return message;
}

/** Commander's help in the CLI's words: headings, `[options]`/`[command]` and the choices/default notes. */
function helpConfiguration(lang: Lang): Partial<Help> {
  const w = cliHelp[lang];
  const placeholders = (text: string) => text.replace(/\[options\]/g, w.placeholders.options).replace(/\[command\]/g, w.placeholders.command);
  const extras = (description: string, info: string[]) => (info.length ? `${description ? `${description} ` : ''}(${info.join('; ')})` : description);
  const choices = (list: readonly string[] | undefined) => (list ? [`${w.extra.choices}: ${list.map((c) => JSON.stringify(c)).join(', ')}`] : []);
  return {
    styleTitle: (title: string) => w.headings[title] ?? title,
    commandUsage(this: Help, cmd: Command) {
      return placeholders(Help.prototype.commandUsage.call(this, cmd));
    },
    subcommandTerm(this: Help, cmd: Command) {
      return placeholders(Help.prototype.subcommandTerm.call(this, cmd));
    },
    optionDescription(option: Option) {
      const info = choices(option.argChoices);
      const showDefault = option.defaultValue !== undefined && (option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean'));
      if (showDefault) info.push(`${w.extra.default}: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`);
      if (option.presetArg !== undefined && option.optional) info.push(`${w.extra.preset}: ${JSON.stringify(option.presetArg)}`);
      if (option.envVar !== undefined) info.push(`${w.extra.env}: ${option.envVar}`);
      return extras(option.description, info);
    },
    argumentDescription(argument: Argument) {
      const info = choices(argument.argChoices);
      if (argument.defaultValue !== undefined) info.push(`${w.extra.default}: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`);
      return extras(argument.description, info);
    },
  };
}

/**
 * Puts the program in `lang`: descriptions of every command, argument and option, commander's
 * words and errors, and `--lang` on every command. Call after every command is registered.
 */
export function localizeProgram(program: Command, lang: Lang): Command {
  const w = cliHelp[lang];
  const config = helpConfiguration(lang);
  for (const cmd of allCommands(program)) {
    const name = cmd === program ? '' : cmd.name();
    if (!cmd.options.some((o) => o.long === '--lang')) cmd.addOption(new Option('--lang <lang>').choices([...LANGS]).default(lang));
    if (cmd !== program) addLimitOption(cmd);
    cmd.description(name ? (w.commands[name] ?? cmd.description()) : w.program);
    for (const o of cmd.options) o.description = optionHelp(name, o.attributeName(), lang) ?? o.description;
    for (const a of cmd.registeredArguments) a.description = argumentHelp(name, a.name(), lang) ?? a.description;
    cmd.helpOption('-h, --help', optionHelp(name, 'help', lang));
    cmd.configureHelp(config);
    const error = cmd.error.bind(cmd);
    cmd.error = (message: string, options?: { code?: string; exitCode?: number }) => error(commanderMessage(message, options?.code, lang), options);
  }
  program.helpCommand(`help [${w.placeholders.commandName}]`, w.helpCommand);
  return program;
}
