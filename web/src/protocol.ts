/**
 * Messages between the page and its scoring worker. Everything crossing is structured-clone data:
 * file bytes (read from the user's files into buffers of their own, which are transferred, not
 * copied: the files themselves are never touched), issues (plain objects), the ranking's rows as the
 * result's JSON writes them, the charts, rendered HTML (the report when it is asked for) and file
 * bytes for download.
 */
import type { Issue, Lang } from '../../src/index.js';

/** What a dropped file is used as. */
export type FileKind = 'framework' | 'units' | 'evidence' | 'survey' | 'questions' | 'responses' | 'previous' | 'ignore';

export const FILE_KINDS: readonly FileKind[] = ['framework', 'units', 'evidence', 'survey', 'questions', 'responses', 'previous', 'ignore'];

/** A file handed to the worker: its name and its bytes (a buffer read for the worker and transferred to it). */
export interface FileData {
  id: string;
  name: string;
  bytes: Uint8Array;
}

/** Where a part of the round comes from. */
export type Source = 'files' | 'sample' | 'none';

export interface ScoreRequest {
  files: (FileData & { kind: FileKind })[];
  sources: { framework: Source; units: Source; evidence: Source; survey: Source };
  /** Score the clean part: drop evidence and survey rows with problems, score missing inputs as 0. */
  partial: boolean;
  /** Numbers in the CSV files are written with a decimal comma (`12,5`, Excel in a Vietnamese locale); as the CLI's `--decimal-comma`. */
  decimalComma: boolean;
  /** The survey criterion taking each unit's SIPAS index ('' = none). */
  sipasCriterion: string;
  lang: Lang;
}

export type ToWorker =
  | { rid: number; t: 'classify'; files: FileData[] }
  | { rid: number; t: 'score'; req: ScoreRequest }
  | { rid: number; t: 'explain'; unit: string }
  | { rid: number; t: 'sensitivity'; runs: number; mode: 'weights' | 'appraisal' }
  | { rid: number; t: 'compare'; file: FileData; lang: Lang }
  | { rid: number; t: 'render'; lang: Lang; report: boolean; charts: boolean }
  | { rid: number; t: 'download'; what: DownloadKind; lang: Lang };

export type DownloadKind = 'xlsx' | 'html' | 'csv' | 'json' | 'template' | 'survey-template' | 'compare-html' | 'sipas-html';

/** A file's kind as recognised from its content (the core's `classifyInput`). */
export interface Classified {
  id: string;
  kind: FileKind;
  /** The format by content. */
  format: 'csv' | 'json' | 'xlsx' | null;
  /** Every kind the content fits (several when it is ambiguous). */
  candidates: FileKind[];
  /** Why the kind is ambiguous or unknown (worded on the page with `formatIssue`). */
  issue?: Issue;
}

/** One applicable leaf of the explained unit, self vs appraised. */
export interface LeafSide {
  code: string;
  title: string;
  area: string;
  self: string | null;
  appraised: string | null;
  status: string;
  points: string;
  max: string;
  lost: string;
}

/** The SIPAS part of a scored run. */
export interface SipasView {
  json: unknown;
  html: string;
}

/** One unit of the ranking: the fields of its row in the result's JSON document (same texts). */
export interface RankRow {
  unit: string;
  name: string;
  rankGroup: string;
  index: string | null;
  selfIndex: string | null;
  rank: number | null;
  band: string | null;
  missing: number;
}

/** What scoring produced. */
export interface Scored {
  /** The units as the result's JSON orders them (by league, then rank, then id). */
  units: RankRow[];
  /** League id → its count and mean, as in the result's JSON. */
  summaries: Record<string, { count: number; mean: string | null }>;
  /**
   * The report's chart figures (inline SVG written by the core, in `<figure>`s), shown in the ranking
   * view; null for a large round (their SVG grows with the units): drawn when the clerk asks.
   */
  charts: string[] | null;
  /** League id → display name, in report order. */
  leagues: [string, string][];
  /** Survey criteria (for putting SIPAS in). */
  surveyCriteria: [string, string][];
  /** Partial scoring: the problems of the rows left out. */
  dropped: Issue[];
  /** Missing cells scored 0. */
  missing: { cells: number; units: number };
  sipas?: SipasView;
  /** Problems of the SIPAS files (scored without SIPAS). */
  sipasIssues?: Issue[];
}

export type FromWorker =
  | { rid: number; t: 'progress'; step: 'read' | 'check' | 'score' | 'sipas' | 'render'; done: number; total: number }
  | { rid: number; t: 'classified'; items: Classified[] }
  | { rid: number; t: 'scored'; scored: Scored }
  | { rid: number; t: 'issues'; issues: Issue[]; partialUnavailable: boolean }
  | { rid: number; t: 'explained'; json: unknown; leaves: LeafSide[] }
  | { rid: number; t: 'sensitivity'; json: unknown }
  | { rid: number; t: 'compared'; json: unknown; html: string }
  | { rid: number; t: 'rendered'; charts?: string[]; html?: string; sipasHtml?: string }
  | { rid: number; t: 'file'; name: string; mime: string; bytes: Uint8Array }
  | { rid: number; t: 'failed'; message: string; issues?: Issue[] };
