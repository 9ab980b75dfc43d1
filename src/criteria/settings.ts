/**
 * Settings (docs/spec.md §2): `decimals`, `rounding`, `ties`, `rankOn`, `bands`, `clamp`. A JSON framework's
 * `settings` object or an xlsx `settings` sheet sets them; CLI flags and library options override
 * them; defaults fill the rest.
 */
import { IssueList, ParIndexError, problem, type Location } from '../errors.js';
import { FIELDS } from '../table/headers.js';
import type { Table } from '../table/table.js';
import { cellLocation } from '../table/table.js';
import { Exact, type RoundingMode } from '../numbers/exact.js';
import { orderBands, parseBands, type Band } from './bands.js';
import { readRows } from './rows.js';
import { SettingsSchema, type SettingsInput } from './schemas.js';
import * as z from 'zod/mini';

import type { TieMode } from '../order/ranking.js';

export type { TieMode };

/** Every setting resolved. */
export interface Settings {
  /** Decimals at output (default 2). */
  decimals: number;
  /** Rounding at output (default half-up). */
  rounding: RoundingMode;
  /** Tie handling (default competition). */
  ties: TieMode;
  /** Rank on exact values (default) or on the printed, rounded values. */
  rankOn: 'exact' | 'rounded';
  /** Bands from highest lower bound down (default none). */
  bands: Band[];
  /** Clamp index and selfIndex to [0, 100] after adjustments (default false). */
  clamp: boolean;
}

/** The defaults of docs/spec.md §2. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  decimals: 2,
  rounding: 'half-up',
  ties: 'competition',
  rankOn: 'exact',
  bands: [],
  clamp: false,
});

/** Names of the settings (docs/spec.md §2). */
const SETTING_NAMES = Object.keys(SettingsSchema.shape) as (keyof SettingsInput)[];

/** True for a well-formed band object (a library caller may pass parsed bands instead of text). */
function isBand(b: unknown): b is Band {
  const x = b as Band | null;
  return typeof x === 'object' && x !== null && typeof x.label === 'string' && x.min instanceof Exact && typeof x.strict === 'boolean';
}

/**
 * Checks one setting's value with {@link SettingsSchema}; `at` locates it. Returns the parsed value,
 * or undefined after recording an issue. `bands` is parsed into bands (text; or, when
 * `allowBandList`, an array of bands, copied in {@link bandOf}'s order).
 */
function checkSetting(key: keyof SettingsInput, value: unknown, at: Location, issues: IssueList, allowBandList: boolean): unknown {
  if (key === 'bands') {
    if (allowBandList && Array.isArray(value)) {
      if (value.every(isBand)) return orderBands([...value]);
      issues.add({ ...at, ...problem('bad-setting/bands-list'), value: String(value) });
      return undefined;
    }
  }
  const parsed = SettingsSchema.shape[key].safeParse(value);
  if (!parsed.success) {
    // What each setting takes is worded by the catalogues (by its name), not by the schema's message.
    issues.add({ ...at, ...problem('bad-setting', { key }), value: typeof value === 'string' ? value : String(value) });
    return undefined;
  }
  if (key !== 'bands') return parsed.data;
  try {
    return parseBands(parsed.data as string, { file: at.file, sheet: at.sheet });
  } catch (e) {
    if (!(e instanceof ParIndexError)) throw e;
    for (const issue of e.issues) issues.add({ ...issue, ...at });
    return undefined;
  }
}

/**
 * Checks every key of a settings object in one pass (unknown names, bad values and bad bands are
 * reported together). `at(key)` locates a key's value.
 */
function checkSettings(obj: Record<string, unknown>, at: (key: string) => Location, issues: IssueList, allowBandList: boolean): Partial<Settings> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (!(SETTING_NAMES as string[]).includes(k)) {
      issues.add({ ...at(k), ...problem('unknown-setting', { key: k, known: SETTING_NAMES.join(', ') }), value: k });
      continue;
    }
    if (v === undefined) continue;
    const parsed = checkSetting(k as keyof SettingsInput, v, at(k), issues, allowBandList);
    if (parsed !== undefined) out[k] = parsed;
  }
  return out as Partial<Settings>;
}

/**
 * Validates a settings object (a JSON framework's `settings`). Every problem — unknown name, bad
 * value, bad bands — is collected and thrown together, located at column `settings.<name>`.
 */
export function parseSettingsRecord(obj: unknown, source: { file?: string; sheet?: string } = {}): SettingsInput {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    throw new ParIndexError({ ...source, column: 'settings', ...problem('bad-setting/not-object'), value: Array.isArray(obj) ? '[…]' : String(obj) });
  }
  const issues = new IssueList();
  checkSettings(obj as Record<string, unknown>, (k) => ({ ...source, column: `settings.${k}` }), issues, false);
  issues.throwIfAny();
  // The settings as written (bands stay text); every value has passed the schema.
  return SettingsSchema.parse(obj);
}

/**
 * Reads a `settings` sheet of key/value rows. Each problem is located at its row: an unknown name
 * at the key cell, a bad value (bands included) at the value cell; all are reported together.
 */
export function parseSettingsTable(table: Table): SettingsInput {
  const issues = new IssueList();
  const rows = readRows(table, FIELDS.settings, z.object({ key: z.string().check(z.minLength(1, 'setting-name')), value: z.string() }), issues, 'settings sheet');
  const obj: Record<string, string> = {};
  const firstRow = new Map<string, number>();
  for (const r of rows) {
    const key = SETTING_NAMES.find((k) => k.toLowerCase() === r.value.key.trim().toLowerCase());
    if (!key) {
      issues.add({ ...cellLocation(table, r.source.row, r.cols.key), ...problem('unknown-setting/sheet', { known: SETTING_NAMES.join(', ') }), value: r.value.key });
      continue;
    }
    const first = firstRow.get(key);
    if (first !== undefined) {
      issues.add({ ...cellLocation(table, r.source.row, r.cols.key), ...problem('duplicate-setting', { key, first }), value: r.value.key });
      continue;
    }
    firstRow.set(key, r.source.row);
    const value = r.value.value.trim();
    if (value === '') continue;
    if (checkSetting(key, value, cellLocation(table, r.source.row, r.cols.value), issues, false) !== undefined) obj[key] = value;
  }
  issues.throwIfAny();
  return SettingsSchema.parse(obj);
}

/**
 * Merges settings: defaults ← framework settings ← overrides (later wins; undefined ignored). Every
 * layer is checked with {@link SettingsSchema} (an override's `bands` may also be parsed bands);
 * bad values throw a {@link ParIndexError} whose issues name the option (`column` = its name).
 */
export function resolveSettings(...layers: (Partial<SettingsInput> | Partial<Settings> | undefined)[]): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS, bands: [] };
  const issues = new IssueList();
  const checked = layers.map((layer) => (layer ? checkSettings(layer as Record<string, unknown>, (k) => ({ column: k }), issues, true) : {}));
  issues.throwIfAny();
  for (const layer of checked) Object.assign(out, layer);
  return out;
}
