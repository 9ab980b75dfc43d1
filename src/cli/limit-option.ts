/**
 * `--limit key=value` (repeatable, every command): the bounds of src/node/limits.ts for this run.
 * An unknown key or a value that is not a whole number ≥ 1 is a usage error (exit 2) naming the
 * nearest key.
 */
import { type Command, Option } from 'commander';
import { LIMIT_KEYS, type LimitKey, setInputLimits, withLimits } from '../node/limits.js';
import { nearestName } from '../text/nearest.js';
import { UsageError } from './run.js';

/** Reads one `key=value` into the limits given so far. */
export function parseLimit(value: string, previous: ReadonlyMap<LimitKey, number> | undefined): Map<LimitKey, number> {
  const out = new Map(previous ?? []);
  const eq = value.indexOf('=');
  const key = (eq < 0 ? value : value.slice(0, eq)).trim();
  if (!(LIMIT_KEYS as readonly string[]).includes(key)) {
    throw new UsageError('usage/limit-key', { key, keys: LIMIT_KEYS.join(', '), suggestion: nearestName(key, LIMIT_KEYS) ?? '' });
  }
  const text = eq < 0 ? '' : value.slice(eq + 1).trim();
  if (!/^[1-9]\d{0,15}$/.test(text) || !Number.isSafeInteger(Number(text))) throw new UsageError('usage/limit-value', { key, value: text });
  out.set(key as LimitKey, Number(text));
  return out;
}

/** Adds `--limit` to a command (if missing). */
export function addLimitOption(cmd: Command): void {
  if (!cmd.options.some((o) => o.long === '--limit')) cmd.addOption(new Option('--limit <key=value>').argParser(parseLimit));
}

/** Before each command's action: the limits it was given, or the defaults. */
export function applyLimitsBeforeAction(program: Command): void {
  program.hook('preAction', (_program, action) => {
    const given = action.opts().limit as ReadonlyMap<LimitKey, number> | undefined;
    setInputLimits(given ? withLimits(given) : undefined);
  });
}
