/**
 * Messages between the page and its scoring worker. Everything crossing is structured-clone data:
 * file bytes (copies: the user's files are never touched), issues (plain objects), the result as
 * its JSON document, rendered HTML and file bytes for download.
 */
import type { Issue, Lang } from '../../src/index.js';

/** What a dropped file is used as. */
export type FileKind = 'framework' | 'units' | 'evidence' | 'survey' | 'questions' | 'responses' | 'previous' | 'ignore';

export const FILE_KINDS: readonly FileKind[] = ['framework', 'units', 'evidence', 'survey', 'questions', 'responses', 'previous', 'ignore'];

/** A file handed to the worker: its name and a copy of its bytes. */
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
  | { rid: number; t: 'render'; lang: Lang }
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

/** What scoring produced. */
export interface Scored {
  /** The JSON document of the result (`JSON.stringify(result)`). */
  json: string;
  /** The HTML report (its charts are shown in the ranking view). */
  html: string;
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
  | { rid: number; t: 'rendered'; html: string; sipasHtml?: string }
  | { rid: number; t: 'file'; name: string; mime: string; bytes: Uint8Array }
  | { rid: number; t: 'failed'; message: string; issues?: Issue[] };
