/**
 * docs/errors.md lists every error code the code base can emit, and nothing else: the source of
 * src/ is parsed (TypeScript's parser, comments never count) for the codes an issue can carry, and
 * each must be a backticked heading or table entry of docs/errors.md; each code documented there must
 * still be emitted somewhere (no stale entries). The patterns found in src/:
 *
 * - an object literal with a `code` property and a `message` or `problem` (or a spread that brings one):
 *   `{ code: 'bad-json', message, … }`, `{ code: 'bad-json', ...t }`; the value may be a string, a
 *   conditional (`code === 'ENOENT' ? 'file-not-found' : 'unreadable-file'`) or `??`/`||`;
 * - a helper that puts its `code` parameter into such an object (`{ ...at, code, message }`), called
 *   with a literal: `fail(issues, at, 'duplicate-row', …)`, `at(r, 'code', 'orphan-code', …)`;
 * - a message from the catalogues, `problem('bad-number/max-under-comma', …)`: the code is the key's part before `/`;
 * - a template literal (`${rule}-max`): each needs a resolver below that lists what it can give.
 *
 * The checks are pure functions, so the last tests show they catch a code missing from the doc and a
 * stale one: the test cannot pass by checking nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const SRC = join(ROOT, 'src');
const DOC = join(ROOT, 'docs', 'errors.md');

/** What an error code looks like: lower-case words joined by `-` (`bad-number`, `out-is-input`). */
const CODE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Where each code is emitted: `src/…:line`. */
type Found = Map<string, string[]>;

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, d.name);
    if (d.isDirectory()) out.push(...tsFiles(p));
    else if (d.name.endsWith('.ts') && !d.name.endsWith('.d.ts')) out.push(p);
  }
  return out.sort();
}

/**
 * Codes a template literal code can take, by its text. `${rule}-max`: a max given on a leaf whose
 * rule has no max (src/criteria/framework.ts), i.e. every rule file with `hasMax: false`.
 */
const TEMPLATE_RESOLVERS: Record<string, () => string[]> = {
  '`${rule}-max`': () => {
    const dir = join(SRC, 'criteria', 'rules');
    const names: string[] = [];
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8');
      const name = /\bname:\s*'([a-z]+)'/.exec(text);
      if (name && /hasMax:\s*false/.test(text)) names.push(`${name[1]}-max`);
    }
    return names;
  },
};

function propName(n: ts.ObjectLiteralElementLike): string | undefined {
  if ((ts.isPropertyAssignment(n) || ts.isShorthandPropertyAssignment(n)) && (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name))) return n.name.text;
  return undefined;
}

/** True for an object literal shaped like an issue or a cell problem: it has `code`, and `message`, `problem` or a spread. */
function isIssueObject(o: ts.ObjectLiteralExpression): boolean {
  const names = o.properties.map(propName);
  return names.includes('code') && (names.includes('message') || names.includes('problem') || o.properties.some(ts.isSpreadAssignment));
}

/** The string values an expression can take (literals through `?:`, `??`, `||` and parentheses); templates by source text. */
function literalValues(e: ts.Expression, sf: ts.SourceFile, templates: string[]): string[] {
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
  if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e)) return literalValues(e.expression, sf, templates);
  if (ts.isConditionalExpression(e)) return [...literalValues(e.whenTrue, sf, templates), ...literalValues(e.whenFalse, sf, templates)];
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    return [...literalValues(e.left, sf, templates), ...literalValues(e.right, sf, templates)];
  }
  if (ts.isTemplateExpression(e)) templates.push(e.getText(sf));
  return [];
}

type FunctionLike = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration;

/** The name a function is called by: its own, or the variable or property it is assigned to. */
function functionName(f: FunctionLike): string | undefined {
  if ((ts.isFunctionDeclaration(f) || ts.isMethodDeclaration(f)) && f.name && ts.isIdentifier(f.name)) return f.name.text;
  const p = f.parent;
  if (p && ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  if (p && ts.isPropertyAssignment(p) && ts.isIdentifier(p.name)) return p.name.text;
  return undefined;
}

/** Index of a parameter named `code` that the function puts into an issue object (`{ code, … }` or `code: code`), or -1. */
function codeParameter(f: FunctionLike): number {
  const i = f.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === 'code');
  if (i < 0 || !f.body) return -1;
  let used = false;
  const visit = (n: ts.Node): void => {
    if (used) return;
    if (ts.isObjectLiteralExpression(n) && isIssueObject(n)) {
      for (const p of n.properties) {
        if (ts.isShorthandPropertyAssignment(p) && p.name.text === 'code') used = true;
        if (ts.isPropertyAssignment(p) && propName(p) === 'code' && ts.isIdentifier(p.initializer) && p.initializer.text === 'code') used = true;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(f.body);
  return used ? i : -1;
}

/** Every code emitted by the given sources (path → text), with where; `templates` collects template codes. */
function scanSources(sources: ReadonlyMap<string, string>): { found: Found; templates: Map<string, string[]>; odd: string[] } {
  const found: Found = new Map();
  const templates = new Map<string, string[]>();
  const odd: string[] = [];
  const parsed = [...sources].map(([path, text]) => ({ path, sf: ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS) }));
  // Helpers with a code parameter: per file, and exported ones by name across files.
  const helpers = new Map<string, Map<string, number>>();
  const exported = new Map<string, number>();
  for (const { path, sf } of parsed) {
    const own = new Map<string, number>();
    const visit = (n: ts.Node): void => {
      if (ts.isFunctionDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isMethodDeclaration(n)) {
        const name = functionName(n);
        const i = codeParameter(n);
        if (name && i >= 0) {
          own.set(name, i);
          if (ts.isFunctionDeclaration(n) && n.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) exported.set(name, i);
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
    helpers.set(path, own);
  }
  const add = (code: string, path: string, sf: ts.SourceFile, n: ts.Node) => {
    const where = `${path}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
    if (code === '') return; // a placeholder filled in by a spread (`{ ...at(…), code: '', message: '' }`)
    if (!CODE.test(code)) {
      odd.push(`${where}: "${code}"`);
      return;
    }
    found.set(code, [...(found.get(code) ?? []), where]);
  };
  for (const { path, sf } of parsed) {
    const own = helpers.get(path)!;
    const visit = (n: ts.Node): void => {
      const tpl: string[] = [];
      if (ts.isObjectLiteralExpression(n) && isIssueObject(n)) {
        for (const p of n.properties) {
          if (ts.isPropertyAssignment(p) && propName(p) === 'code') for (const v of literalValues(p.initializer, sf, tpl)) add(v, path, sf, p);
        }
      }
      if (ts.isCallExpression(n)) {
        const callee = n.expression;
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.name) ? callee.name.text : undefined;
        const i = name === undefined ? undefined : (own.get(name) ?? exported.get(name));
        const arg = i === undefined ? undefined : n.arguments[i];
        if (arg) for (const v of literalValues(arg, sf, tpl)) add(v, path, sf, arg);
        // A message from the catalogues: `problem('bad-number/max-under-comma', …)` emits `bad-number`.
        if (name === 'problem' && n.arguments[0]) for (const v of literalValues(n.arguments[0], sf, tpl)) add(v.split('/')[0], path, sf, n.arguments[0]);
      }
      for (const t of tpl) templates.set(t, [...(templates.get(t) ?? []), `${path}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`]);
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return { found, templates, odd };
}

/** The codes a doc lists: backticked codes in headings, and in the first cell of table rows. */
function documentedCodes(markdown: string): Set<string> {
  const codes = new Set<string>();
  let fence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence) continue;
    const heading = /^#{1,6}\s/.test(line);
    const cell = /^\|\s*([^|]*)\|/.exec(line);
    const text = heading ? line : cell ? cell[1] : '';
    for (const m of text.matchAll(/`([^`]+)`/g)) if (CODE.test(m[1])) codes.add(m[1]);
  }
  return codes;
}

/** Emitted codes missing from the doc, and documented codes no longer emitted. */
function compareCodes(emitted: ReadonlySet<string>, documented: ReadonlySet<string>): { undocumented: string[]; stale: string[] } {
  return { undocumented: [...emitted].filter((c) => !documented.has(c)).sort(), stale: [...documented].filter((c) => !emitted.has(c)).sort() };
}

function readSources(): Map<string, string> {
  return new Map(tsFiles(SRC).map((f) => [relative(ROOT, f).split('\\').join('/'), readFileSync(f, 'utf8')]));
}

/** Every code src/ can emit: literals, helper calls and resolved templates. */
function emittedCodes(): { codes: Set<string>; found: Found; unresolved: string[]; odd: string[] } {
  const { found, templates, odd } = scanSources(readSources());
  const codes = new Set(found.keys());
  const unresolved: string[] = [];
  for (const [t, where] of templates) {
    const resolve = TEMPLATE_RESOLVERS[t];
    if (!resolve) {
      unresolved.push(`${t} at ${where.join(', ')}`);
      continue;
    }
    for (const c of resolve()) codes.add(c);
  }
  return { codes, found, unresolved, odd };
}

describe('docs/errors.md lists every error code', () => {
  const emitted = emittedCodes();
  const list = [...emitted.codes].sort().join(', ');

  it('every code in src/ is understood (no template without a resolver, no odd value)', () => {
    expect(emitted.unresolved, `template codes need a resolver in TEMPLATE_RESOLVERS; codes found: ${list}`).toEqual([]);
    expect(emitted.odd, `code values that do not look like codes; codes found: ${list}`).toEqual([]);
  });

  it('the scan finds each kind of pattern (a literal, a conditional, a helper call, a template)', () => {
    for (const c of ['bad-json', 'file-not-found', 'unreadable-file', 'merged-cells', 'duplicate-row', 'orphan-code', 'adjust-max', 'internal-error']) {
      expect(emitted.codes.has(c), `"${c}" not found; codes found: ${list}`).toBe(true);
    }
    expect(emitted.codes.size).toBeGreaterThan(60);
  });

  it('every emitted code is documented, and every documented code is still emitted', () => {
    const documented = documentedCodes(readFileSync(DOC, 'utf8'));
    const { undocumented, stale } = compareCodes(emitted.codes, documented);
    const where = undocumented.map((c) => `${c} (${(emitted.found.get(c) ?? ['a template']).join(', ')})`);
    expect({ undocumented: where, stale }, `undocumented: emitted in src/ but not a backticked heading or table entry of docs/errors.md; stale: in docs/errors.md but no longer emitted by src/. Codes found in src/: ${list}`).toEqual({
      undocumented: [],
      stale: [],
    });
  });

  it('the checks catch a code missing from the doc and a stale one', () => {
    const doc = readFileSync(DOC, 'utf8');
    const documented = documentedCodes(doc);
    expect(documented.has('duplicate-row')).toBe(true);
    const without = doc
      .split('\n')
      .filter((l) => !l.includes('`duplicate-row`'))
      .join('\n');
    expect(compareCodes(emitted.codes, documentedCodes(without)).undocumented).toContain('duplicate-row');
    expect(compareCodes(emitted.codes, documentedCodes(`${doc}\n### \`no-such-code\`\n`)).stale).toContain('no-such-code');
    // And the scan sees a new code in each pattern.
    const probe = scanSources(
      new Map([
        [
          'probe.ts',
          [
            "throw new ParIndexError({ code: 'probe-literal', message: 'm' });",
            "const x = { code: ok ? 'probe-then' : 'probe-else', message };",
            "return { code: 'probe-problem', problem: 'not a number', expected };",
            'function fail(issues, at, code, message) { issues.add({ ...at, code, message }); }',
            "fail(issues, at, 'probe-helper', 'm');",
            "// { code: 'probe-comment', message: 'm' }",
            "const criterion = { code: '1.1', title: 'not an error' };",
          ].join('\n'),
        ],
      ]),
    );
    expect([...probe.found.keys()].sort()).toEqual(['probe-else', 'probe-helper', 'probe-literal', 'probe-problem', 'probe-then']);
  });
});
