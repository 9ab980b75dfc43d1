/**
 * A survey definition (docs/spec.md §5): a tree of nodes by dotted code whose leaves are questions. Each
 * question reads one responses column; each node has a weight among its siblings; a parent is the
 * weighted mean of its children or the share of one question inside it (`overall:<code>`); a
 * question may be optional (a valid form may leave it blank). Built from a table (CSV, xlsx sheet
 * `questions`, JSON rows) and checked as a whole.
 */
import { IssueList, ParIndexError, problem, type Issue } from '../errors.js';
import { FIELDS, foldHeader } from '../table/headers.js';
import { jsonRowsToTable } from '../table/json.js';
import { cellLocation, type Table } from '../table/table.js';
import { parseExact } from '../numbers/decimal-text.js';
import { Exact } from '../numbers/exact.js';
import { readRows } from '../criteria/rows.js';
import { parentCode } from '../criteria/schemas.js';
import { QuestionRowSchema } from './schemas.js';

/** How a parent node's share is formed. */
export type Aggregate =
  | {
      /** The weighted mean of the children that did not drop out. */
      kind: 'mean';
    }
  | {
      /** The share of one question inside the node (`overall:<code>`). */
      kind: 'overall';
      /** Code of that question. */
      question: string;
    };

/** One node of a survey definition. */
export interface SipasNode {
  /** Dotted code, unique. */
  code: string;
  /** Title as written ('' when none). */
  title: string;
  /** Parent code; undefined for top-level nodes. */
  parent?: string;
  /** Child codes in file order. */
  children: string[];
  /** True for questions (nodes without children). */
  isLeaf: boolean;
  /** Weight among its siblings (> 0; default 1). */
  weight: Exact;
  /** Weight as written ('' when blank). */
  weightText: string;
  /** Questions: a valid form may leave it blank. */
  optional: boolean;
  /** Parents: how the node is formed (default mean). */
  aggregate: Aggregate;
  /** Aggregate as written ('' when blank). */
  aggregateText: string;
  /** Questions: the responses column (default = code). */
  column?: string;
  /** Column as written ('' when blank, i.e. the code). */
  columnText: string;
  /** Questions: position in {@link SipasDefinition.questions}; -1 on parents. */
  question: number;
  /** Source row (header = 1). */
  row?: number;
}

/** A validated survey definition. */
export interface SipasDefinition {
  /** Built-in name, when it is one. */
  name?: string;
  /** Every node in file order (pre-order when written as a tree). */
  nodes: SipasNode[];
  /** Nodes by code. */
  byCode: ReadonlyMap<string, SipasNode>;
  /** Questions (leaves) in file order; their position is the question index. */
  questions: SipasNode[];
  /** Top-level nodes in file order. */
  top: SipasNode[];
  /** Where it came from. */
  source?: {
    /** File name as given. */
    file?: string;
    /** Sheet name, for workbooks. */
    sheet?: string;
  };
}

/** Folded header names of the responses' own fields (`form`, `unit` and their aliases). */
function reservedColumns(): Set<string> {
  const out = new Set<string>();
  for (const f of FIELDS.responses) for (const n of [f.name, ...(f.aliases ?? [])]) out.add(foldHeader(n));
  return out;
}

/** A responses column name as the header binding compares it: NFC, case ignored. */
function columnKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** True when `code` is `ancestor` or lies below it. */
function isInside(code: string, ancestor: string): boolean {
  return code === ancestor || code.startsWith(`${ancestor}.`);
}

/**
 * Builds a survey definition from a `questions` table. Every problem is collected and thrown
 * together as a {@link ParIndexError}: duplicate or orphan codes, weights ≤ 0, `optional` or
 * `column` on a parent, `aggregate` on a question, an `overall:` target that is not a question
 * inside its node, two questions reading one column (names compared after NFC, ignoring case, as
 * the responses header is bound), a column named like `unit` or `form`.
 */
export function buildSurveyDefinition(table: Table, opts: { name?: string } = {}): SipasDefinition {
  const issues = new IssueList();
  const rows = readRows(table, FIELDS.questions, QuestionRowSchema, issues, 'survey definition');
  type R = (typeof rows)[number];
  const at = (r: R | undefined, field: keyof R['cols'], fields: ReturnType<typeof problem>, value: string | undefined): Issue => ({
    ...cellLocation(table, r?.source.row, r ? r.cols[field] : -1),
    ...fields,
    value,
  });

  const byCode = new Map<string, SipasNode>();
  const rowOf = new Map<string, R>();
  const nodes: SipasNode[] = [];
  for (const r of rows) {
    const v = r.value;
    const first = byCode.get(v.code);
    if (first) {
      issues.add(at(r, 'code', problem('duplicate-code/question', { code: v.code, first: first.row ?? 0 }), v.code));
      continue;
    }
    let weight = Exact.ONE;
    if (v.weight !== undefined) {
      const w = parseExact(v.weight)!;
      if (w.sign() <= 0) issues.add(at(r, 'weight', problem('bad-weight', { code: v.code }), v.weight));
      else weight = w;
    }
    let aggregate: Aggregate = { kind: 'mean' };
    if (v.aggregate !== undefined) {
      const m = /^overall:\s*(.+)$/i.exec(v.aggregate.trim());
      aggregate = m ? { kind: 'overall', question: m[1].trim() } : { kind: 'mean' };
    }
    const node: SipasNode = {
      code: v.code,
      title: v.title,
      parent: parentCode(v.code),
      children: [],
      isLeaf: true,
      weight,
      weightText: v.weight ?? '',
      optional: v.optional ?? false,
      aggregate,
      aggregateText: v.aggregate ?? '',
      columnText: v.column?.trim() ?? '',
      question: -1,
      row: r.source.row,
    };
    byCode.set(v.code, node);
    rowOf.set(v.code, r);
    nodes.push(node);
  }

  for (const n of nodes) {
    if (n.parent === undefined) continue;
    const p = byCode.get(n.parent);
    if (!p) {
      issues.add(at(rowOf.get(n.code), 'code', problem('orphan-code/question', { code: n.code, parent: n.parent }), n.code));
      continue;
    }
    p.children.push(n.code);
    p.isLeaf = false;
  }
  if (nodes.length === 0 && issues.issues.length === 0) {
    issues.add({ file: table.file, sheet: table.sheet, ...problem('empty-definition') });
  }

  const questions: SipasNode[] = [];
  const byColumn = new Map<string, SipasNode>();
  const reserved = reservedColumns();
  for (const n of nodes) {
    const r = rowOf.get(n.code);
    if (!n.isLeaf) {
      if (n.optional) issues.add(at(r, 'optional', problem('optional-on-parent', { code: n.code }), 'true'));
      if (n.columnText) issues.add(at(r, 'column', problem('column-on-parent', { code: n.code }), n.columnText));
      if (n.aggregate.kind === 'overall') {
        const target = byCode.get(n.aggregate.question);
        if (!target || !isInside(target.code, n.code) || target.code === n.code) {
          issues.add(at(r, 'aggregate', problem('bad-overall/not-inside', { aggregate: n.aggregateText, code: n.code }), n.aggregateText));
        } else if (!target.isLeaf) {
          issues.add(at(r, 'aggregate', problem('bad-overall/not-question', { target: target.code, code: n.code }), n.aggregateText));
        }
      }
      continue;
    }
    if (n.aggregateText) issues.add(at(r, 'aggregate', problem('aggregate-on-question', { code: n.code }), n.aggregateText));
    n.column = n.columnText || n.code;
    n.question = questions.length;
    questions.push(n);
    // Columns are bound ignoring case (after NFC), so two names differing only so are one column.
    const key = columnKey(n.column);
    const first = byColumn.get(key);
    if (first) {
      issues.add(at(r, n.columnText ? 'column' : 'code', problem('duplicate-column/questions', { first: first.code, code: n.code, column: n.column, firstColumn: first.column! }), n.column));
    } else byColumn.set(key, n);
    if (reserved.has(foldHeader(n.column))) {
      issues.add(at(r, n.columnText ? 'column' : 'code', problem('reserved-column', { code: n.code, column: n.column }), n.column));
    }
  }

  issues.throwIfAny();
  return {
    name: opts.name,
    nodes,
    byCode,
    questions,
    top: nodes.filter((n) => n.parent === undefined),
    source: { file: table.file, sheet: table.sheet },
  };
}

/** Builds a survey definition from parsed JSON: `{ "questions": [rows] }` or a bare array of rows. */
export function parseSurveyDefinition(json: unknown, source: { file?: string } = {}): SipasDefinition {
  if (Array.isArray(json)) return buildSurveyDefinition(jsonRowsToTable(json, source));
  if (json && typeof json === 'object' && Array.isArray((json as { questions?: unknown }).questions)) {
    return buildSurveyDefinition(jsonRowsToTable((json as { questions: unknown[] }).questions, source));
  }
  throw new ParIndexError({ ...source, ...problem('bad-json/definition'), value: typeof json });
}

/** The definition as rows (header first) in the definition file's columns, for writing out. */
export function surveyDefinitionRows(def: SipasDefinition): string[][] {
  const rows: string[][] = [['code', 'title', 'column', 'weight', 'optional', 'aggregate']];
  for (const n of def.nodes) {
    rows.push([n.code, n.title, n.isLeaf ? n.columnText : '', n.weightText, n.optional ? 'true' : '', n.isLeaf ? '' : n.aggregateText]);
  }
  return rows;
}
