/**
 * Display names of leagues and groups (docs/spec.md §3): the units file's optional `rankGroupName`
 * (`tên khối`) and `groupName` (`tên nhóm`) columns name a league or group for the reports people
 * read ("Khối sở" for `so`). Every unit of a league that gives a name must give the same one (after
 * NFC and outer spaces); a league no unit names keeps its id.
 */
import { problem, type Issue } from '../errors.js';
import type { Unit, Units } from './units.js';

/** League and group display names by id (only those the units file gives). */
export interface UnitLabels {
  /** League id → its name. */
  leagues: ReadonlyMap<string, string>;
  /** Group id → its name. */
  groups: ReadonlyMap<string, string>;
}

/** What a label names. */
export type LabelKind = 'rankGroup' | 'group';

/**
 * Collects labels row by row and reports a second, different label for the same league or group
 * (`conflicting-label`), naming the first row.
 */
export class LabelBook {
  readonly #seen = new Map<string, { label: string; row: number | undefined }>();

  /** Records `label` (already NFC, trimmed; '' = none) for `id`; returns an issue when it differs from the first one given. */
  note(kind: LabelKind, id: string, label: string, row: number | undefined): Pick<Issue, 'code' | 'key' | 'params' | 'message' | 'value' | 'expected'> | undefined {
    if (label === '') return undefined;
    const key = `${kind}\u0000${id}`;
    const first = this.#seen.get(key);
    if (!first) {
      this.#seen.set(key, { label, row });
      return undefined;
    }
    if (first.label === label) return undefined;
    return { ...problem('conflicting-label', { what: kind === 'rankGroup' ? 'league' : 'group', id, first: first.label, firstRow: first.row ?? 0 }), value: label };
  }
}

/** The league and group names the units carry. */
export function unitLabels(units: Units | readonly Unit[]): UnitLabels {
  const list = Array.isArray(units) ? (units as readonly Unit[]) : (units as Units).list;
  const leagues = new Map<string, string>();
  const groups = new Map<string, string>();
  for (const u of list) {
    if (u.rankGroupName && !leagues.has(u.rankGroup)) leagues.set(u.rankGroup, u.rankGroupName);
    if (u.groupName && !groups.has(u.group)) groups.set(u.group, u.groupName);
  }
  return { leagues, groups };
}
