/**
 * A survey definition (docs/spec.md §5): a tree of nodes by dotted code whose leaves are questions. Each
 * question reads one responses column; each node has a weight among its siblings; a parent is the
 * weighted mean of its children or the share of one question inside it (`overall:<code>`); a
 * question may be optional (a valid form may leave it blank). Built from a table (CSV, xlsx sheet
 * `questions`, JSON rows) and checked as a whole.
 */
import { IssueList, ParIndexError, type Issue } from '../errors.js';
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
  const at = (r: R | undefined, field: keyof R['cols'], code: string, message: string, value: string | undefined, expected: string): Issue => ({
    ...cellLocation(table, r?.source.row, r ? r.cols[field] : -1),
    code,
    message,
    value,
    expected,
  });

  const byCode = new Map<string, SipasNode>();
  const rowOf = new Map<string, R>();
  const nodes: SipasNode[] = [];
  for (const r of rows) {
    const v = r.value;
    const first = byCode.get(v.code);
    if (first) {
      issues.add(at(r, 'code', 'duplicate-code', `code "${v.code}" appears twice (first on row ${first.row})`, v.code, 'each code once'));
      continue;
    }
    let weight = Exact.ONE;
    if (v.weight !== undefined) {
      const w = parseExact(v.weight)!;
      if (w.sign() <= 0) issues.add(at(r, 'weight', 'bad-weight', `weight of "${v.code}" is not above 0`, v.weight, 'a number > 0 (blank = 1)'));
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
      issues.add(at(rowOf.get(n.code), 'code', 'orphan-code', `"${n.code}" has no parent "${n.parent}" in the survey definition`, n.code, `a row for "${n.parent}" (the parent of "${n.code}")`));
      continue;
    }
    p.children.push(n.code);
    p.isLeaf = false;
  }
  if (nodes.length === 0 && issues.issues.length === 0) {
    issues.add({ file: table.file, sheet: table.sheet, code: 'empty-definition', message: 'the survey definition has no questions', expected: 'one row per node and question' });
  }

  const questions: SipasNode[] = [];
  const byColumn = new Map<string, SipasNode>();
  const reserved = reservedColumns();
  for (const n of nodes) {
    const r = rowOf.get(n.code);
    if (!n.isLeaf) {
      if (n.optional) issues.add(at(r, 'optional', 'optional-on-parent', `"${n.code}" has children, so it cannot be optional (mark its questions instead)`, 'true', 'blank on a parent'));
      if (n.columnText) issues.add(at(r, 'column', 'column-on-parent', `"${n.code}" has children, so it reads no column`, n.columnText, 'blank on a parent'));
      if (n.aggregate.kind === 'overall') {
        const target = byCode.get(n.aggregate.question);
        if (!target || !isInside(target.code, n.code) || target.code === n.code) {
          issues.add(at(r, 'aggregate', 'bad-overall', `"${n.aggregateText}" does not name a question inside "${n.code}"`, n.aggregateText, `overall:<code of a question below ${n.code}>`));
        } else if (!target.isLeaf) {
          issues.add(at(r, 'aggregate', 'bad-overall', `"${target.code}" is not a question (it has children)`, n.aggregateText, `overall:<code of a question below ${n.code}>`));
        }
      }
      continue;
    }
    if (n.aggregateText) issues.add(at(r, 'aggregate', 'aggregate-on-question', `"${n.code}" is a question, so it takes no aggregate`, n.aggregateText, 'blank on a question'));
    n.column = n.columnText || n.code;
    n.question = questions.length;
    questions.push(n);
    // Columns are bound ignoring case (after NFC), so two names differing only so are one column.
    const key = columnKey(n.column);
    const first = byColumn.get(key);
    if (first) {
      issues.add(
        at(
          r,
          n.columnText ? 'column' : 'code',
          'duplicate-column',
          `questions "${first.code}" and "${n.code}" both read column "${n.column}"${first.column === n.column ? '' : ` ("${first.column}" is the same column: case is ignored)`}`,
          n.column,
          'one column per question',
        ),
      );
    } else byColumn.set(key, n);
    if (reserved.has(foldHeader(n.column))) {
      issues.add(at(r, n.columnText ? 'column' : 'code', 'reserved-column', `question "${n.code}" would read column "${n.column}", which names the responses' form or unit`, n.column, 'a column name other than form or unit'));
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
  throw new ParIndexError({ ...source, code: 'bad-json', message: 'a survey definition JSON must be an array of rows or an object with "questions"', value: typeof json, expected: '{"questions": [...]}' });
}

/** The definition as rows (header first) in the definition file's columns, for writing out. */
export function surveyDefinitionRows(def: SipasDefinition): string[][] {
  const rows: string[][] = [['code', 'title', 'column', 'weight', 'optional', 'aggregate']];
  for (const n of def.nodes) {
    rows.push([n.code, n.title, n.isLeaf ? n.columnText : '', n.weightText, n.optional ? 'true' : '', n.isLeaf ? '' : n.aggregateText]);
  }
  return rows;
}
