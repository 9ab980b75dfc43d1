/**
 * Settings (SPEC §2): `decimals`, `rounding`, `ties`, `rankOn`, `bands`, `clamp`. A JSON framework's
 * `settings` object or an xlsx `settings` sheet sets them; CLI flags and library options override
 * them; defaults fill the rest.
 */
import { IssueList, ParIndexError } from '../errors.js';
import { FIELDS } from '../io/headers.js';
import type { Table } from '../io/table.js';
import { cellLocation } from '../io/table.js';
import type { RoundingMode } from '../numbers/exact.js';
import { parseBands, type Band } from '../scoring/bands.js';
import { readRows } from './rows.js';
import { SettingsSchema, type SettingsInput } from './schemas.js';
import { z } from 'zod';

/** How ties share ranks. */
export type TieMode = 'competition' | 'dense' | 'ordinal';

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

/** The defaults of SPEC §2. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  decimals: 2,
  rounding: 'half-up',
  ties: 'competition',
  rankOn: 'exact',
  bands: [],
  clamp: false,
});

/** Validates a settings object (JSON framework `settings`, or options). Throws with located issues. */
export function parseSettingsRecord(obj: unknown, source: { file?: string; sheet?: string } = {}): SettingsInput {
  const parsed = SettingsSchema.safeParse(obj);
  if (parsed.success) {
    if (parsed.data.bands !== undefined) parseBands(parsed.data.bands, source);
    return parsed.data;
  }
  throw new ParIndexError(
    parsed.error.issues.map((zi) => ({
      ...source,
      column: zi.path.length ? `settings.${zi.path.join('.')}` : 'settings',
      code: zi.code === 'unrecognized_keys' ? 'unknown-setting' : 'bad-setting',
      message: zi.code === 'unrecognized_keys' ? `unknown setting ${(zi as { keys?: string[] }).keys?.join(', ')}` : `bad setting "${zi.path.join('.')}"`,
      value: zi.path.length ? String((obj as Record<string, unknown>)?.[String(zi.path[0])]) : undefined,
      expected: zi.code === 'unrecognized_keys' ? 'decimals, rounding, ties, rankOn, bands or clamp' : zi.message,
    })),
  );
}

/** Reads a `settings` sheet of key/value rows. */
export function parseSettingsTable(table: Table): SettingsInput {
  const issues = new IssueList();
  const rows = readRows(table, FIELDS.settings, z.object({ key: z.string().min(1, 'a setting name'), value: z.string() }), issues, 'settings sheet');
  issues.throwIfAny();
  const obj: Record<string, string> = {};
  const known = Object.keys(SettingsSchema.shape);
  for (const r of rows) {
    const key = known.find((k) => k.toLowerCase() === r.value.key.trim().toLowerCase());
    if (!key) {
      issues.add({ ...cellLocation(table, r.source.row, r.cols.key), code: 'unknown-setting', message: 'unknown setting', value: r.value.key, expected: known.join(', ') });
      continue;
    }
    obj[key] = r.value.value.trim();
  }
  issues.throwIfAny();
  for (const k of Object.keys(obj)) if (obj[k] === '') delete obj[k];
  return parseSettingsRecord(obj, { file: table.file, sheet: table.sheet });
}

/** Merges settings: defaults ← framework settings ← overrides (later wins; undefined ignored). */
export function resolveSettings(...layers: (Partial<SettingsInput> | Partial<Settings> | undefined)[]): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS, bands: [] };
  for (const layer of layers) {
    if (!layer) continue;
    for (const [k, v] of Object.entries(layer)) {
      if (v === undefined) continue;
      if (k === 'bands') out.bands = typeof v === 'string' ? parseBands(v) : (v as Band[]);
      else (out as unknown as Record<string, unknown>)[k] = v;
    }
  }
  return out;
}
