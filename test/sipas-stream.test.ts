/**
 * The streaming readers against a simple in-memory reference, on random response files: the byte
 * tokenizer (fed in random chunks) == the csv-parse stream == a reference that parses the whole
 * text with csv-parse/sync and counts with plain loops. Files vary delimiter, line ends, BOM,
 * quoting, column order, blank and white-space rows, short and long rows (errors, or skipped forms
 * with --skip-bad-rows), Vietnamese unit ids, answers with spaces, bad values (with and without
 * --skip-bad-rows) and unknown units.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParIndexError } from '../src/errors.js';
import { parseCsvTable } from '../src/table/csv.js';
import { Exact } from '../src/numbers/exact.js';
import { buildSurveyDefinition, type SipasDefinition, type SipasNode } from '../src/sipas/definition.js';
import { surveyResultJsonText } from '../src/report/sipas-json.js';
import { scoreSurvey, type SurveyFileOptions as SurveyOptions } from '../src/node/sipas-file.js';
import { csv } from './support/round.js';

const DEF = buildSurveyDefinition(parseCsvTable(csv('code,title,column,weight,optional,aggregate', '1,,,2,,', '1.1,,q1,,,', '1.2,,q2,3,,', '2,,,,,overall:2.2', '2.1,,q3,,,', '2.2,,q4,,,', '3,,,,,', '3.1,,q5,,true,', '3.2,,q6,0.5,true,')));
const QUESTION_COLUMNS = DEF.questions.map((q) => q.column!);
const UNITS = ['u1', 'u2', 'Sở Nội vụ', 'quận-1', 'x'];

/** What the reference computes for one file. */
interface RefOutcome {
  issues?: { code: string; row?: number; column?: string }[];
  rows?: { unit: string; forms: number; valid: number; invalid: number; skipped: number; index: string | null; nodes: (string | null)[] }[];
}

/** The reference: whole-text csv-parse/sync, plain loops, exact fractions. */
function reference(text: string, delimiter: string, def: SipasDefinition, opts: { skipBadRows: boolean; unitIds?: string[] }): RefOutcome {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records = parse(body, { delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
  const header = records[0].map((h) => h.trim());
  const unitCol = header.indexOf('unit');
  const qCol = def.questions.map((q) => header.indexOf(q.column!));
  const issues: { code: string; row?: number; column?: string }[] = [];
  const unknown = new Set<string>();
  const order: string[] = [...(opts.unitIds ?? [])];
  type C = { forms: number; valid: number; invalid: number; skipped: number; ans: number[]; sat: number[] };
  const per = new Map<string, C>();
  const fresh = (): C => ({ forms: 0, valid: 0, invalid: 0, skipped: 0, ans: def.questions.map(() => 0), sat: def.questions.map(() => 0) });
  for (const id of order) per.set(id, fresh());
  records.slice(1).forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    let bad = false;
    const answers = def.questions.map(() => 0);
    // Cells are read left to right, so problems come in column order.
    const byColumn = qCol.map((col, q) => ({ col, q })).sort((a, b) => a.col - b.col);
    for (const { col, q } of byColumn) {
      const t = (cells[col] ?? '').trim();
      if (t === '') continue;
      if (/^[0-5]$/.test(t)) answers[q] = Number(t);
      else {
        bad = true;
        if (!opts.skipBadRows) issues.push({ code: 'bad-answer', row, column: def.questions[q].column });
      }
    }
    const unit = (cells[unitCol] ?? '').trim();
    // A form shorter than the header (up to its last non-blank cell) or with a value right of it
    // is an error; with skipBadRows, a skipped form of its unit (when it has one).
    let width = header.length;
    while (width > 0 && header[width - 1] === '') width--;
    const short = cells.length < width;
    const extra = cells.findIndex((c, k) => k >= width && c.trim() !== '');
    if (short || extra >= 0) {
      if (opts.skipBadRows && unit !== '') bad = true;
      else return void issues.push({ code: short ? 'too-few-cells' : 'too-many-cells', row, column: short ? header[cells.length] : undefined });
    }
    if (unit === '') return void issues.push({ code: 'missing-unit', row, column: 'unit' });
    if (opts.unitIds && !opts.unitIds.includes(unit)) {
      if (!unknown.has(unit)) issues.push({ code: 'unknown-unit', row, column: 'unit' });
      return void unknown.add(unit);
    }
    if (!per.has(unit)) per.set(unit, fresh()), order.push(unit);
    const c = per.get(unit)!;
    c.forms++;
    if (bad) return void (c.invalid++, c.skipped++);
    if (def.questions.some((q, k) => !q.optional && answers[k] === 0)) return void c.invalid++;
    c.valid++;
    answers.forEach((v, k) => {
      if (v > 0) c.ans[k]++;
      if (v >= 4) c.sat[k]++;
    });
  });
  if (issues.length) return { issues };
  const evalUnit = (c: C) => {
    const val = new Map<string, Exact | null>();
    const mean = (xs: { v: Exact | null; w: Exact }[]) => {
      const live = xs.filter((x) => x.v !== null);
      if (!live.length) return null;
      return live.reduce((a, x) => a.add(x.v!.mul(x.w)), Exact.ZERO).div(live.reduce((a, x) => a.add(x.w), Exact.ZERO));
    };
    const go = (n: SipasNode): Exact | null => {
      let v: Exact | null;
      if (n.isLeaf) v = c.ans[n.question] ? Exact.of(c.sat[n.question], c.ans[n.question]) : null;
      else {
        const kids = n.children.map((k) => def.byCode.get(k)!);
        const vs = kids.map((k) => ({ v: go(k), w: k.weight }));
        v = n.aggregate.kind === 'overall' ? val.get(n.aggregate.question)! : mean(vs);
      }
      val.set(n.code, v);
      return v;
    };
    const index = mean(def.top.map((t) => ({ v: go(t), w: t.weight })));
    const p = (x: Exact | null) => (x === null ? null : x.mul(Exact.HUNDRED).toFixed(2));
    return { index: p(index), nodes: def.nodes.map((n) => p(val.get(n.code)!)) };
  };
  const rows = order.map((unit) => ({ unit, ...per.get(unit)!, ...evalUnit(per.get(unit)!) }));
  const all = fresh();
  for (const c of per.values()) {
    all.forms += c.forms;
    all.valid += c.valid;
    all.invalid += c.invalid;
    all.skipped += c.skipped;
    c.ans.forEach((v, k) => (all.ans[k] += v));
    c.sat.forEach((v, k) => (all.sat[k] += v));
  }
  rows.push({ unit: 'ALL', ...all, ...evalUnit(all) });
  return { rows: rows.map(({ unit, forms, valid, invalid, skipped, index, nodes }) => ({ unit, forms, valid, invalid, skipped, index, nodes })) };
}

/** The outcome of a streamed reading in the reference's shape. */
async function streamed(chunks: Uint8Array[], opts: SurveyOptions): Promise<RefOutcome & { json?: string }> {
  try {
    const r = await scoreSurvey(DEF, chunks, opts);
    const rows = [...r.units, r.all].map((u) => ({
      unit: u.unit,
      forms: u.forms,
      valid: u.valid,
      invalid: u.invalid,
      skipped: u.skipped,
      index: u.index === null ? null : u.index.toFixed(2),
      nodes: DEF.nodes.map((n) => u.nodes.get(n.code)?.toFixed(2) ?? null),
    }));
    // Units are listed by rank; the reference lists them in order of appearance.
    return { rows, json: surveyResultJsonText(r) };
  } catch (e) {
    if (!(e instanceof ParIndexError)) throw e;
    return { issues: e.issues.map((i) => ({ code: i.code, row: i.row, column: i.column })) };
  }
}

const answerCell: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('1', '2', '3', '4', '5') },
  { weight: 3, arbitrary: fc.constantFrom('', '0') },
  { weight: 1, arbitrary: fc.constantFrom(' 4', '5 ', '\t3') },
  { weight: 1, arbitrary: fc.constantFrom('6', 'x', '4.0', '-1', '4,5', '"', 'a\nb') },
);

const fileArb = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t'),
  eol: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  quoteAll: fc.boolean(),
  finalEol: fc.boolean(),
  order: fc.shuffledSubarray([...QUESTION_COLUMNS, 'unit', 'form', 'note'], { minLength: QUESTION_COLUMNS.length + 3, maxLength: QUESTION_COLUMNS.length + 3 }),
  rows: fc.array(
    fc.oneof(
      {
        weight: 20,
        arbitrary: fc.record({
          kind: fc.constant('form' as const),
          unit: fc.oneof({ weight: 30, arbitrary: fc.constantFrom(...UNITS, ' u2', 'u1\t') }, { weight: 1, arbitrary: fc.constantFrom('', ' ', 'zz') }),
          answers: fc.array(answerCell, { minLength: 6, maxLength: 6 }),
          form: fc.string({ maxLength: 4 }),
          note: fc.constantFrom('', ' ', 'ghi chú', 'a,b', 'say "hi"', 'x\ny', '\u00a0'),
          width: fc.constantFrom(0, 0, 0, -1, 1),
          quote: fc.boolean(),
        }),
      },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('blank' as const), text: fc.constantFrom('', ' ', ',,,', ';;', '\t') }) },
    ),
    { maxLength: 40 },
  ),
  cuts: fc.array(fc.nat(2000), { maxLength: 8 }),
  skipBadRows: fc.boolean(),
  fixedUnits: fc.boolean(),
  dirty: fc.boolean(),
});

type FileSpec = typeof fileArb extends fc.Arbitrary<infer T> ? T : never;

/** A clean file has no bad answers and every form has a known unit (so the results are compared). */
function cleaned(spec: FileSpec): FileSpec {
  if (spec.dirty) return spec;
  const good = (a: string) => (/^\s*[0-5]?\s*$/.test(a) ? a : '4');
  return { ...spec, rows: spec.rows.map((r) => (r.kind === 'form' ? { ...r, unit: r.unit === '' || r.unit === ' ' || r.unit === 'zz' ? 'u1' : r.unit, answers: r.answers.map(good) } : r)) };
}

function render(spec: FileSpec): string {
  const d = spec.delimiter;
  const needsQuote = (c: string) => c.includes(d) || /["\r\n]/.test(c) || c !== c.trim();
  const cell = (c: string, quote: boolean) => (quote || spec.quoteAll || needsQuote(c) ? `"${c.replace(/"/g, '""')}"` : c);
  const lines = [spec.order.map((h) => cell(h, false)).join(d)];
  for (const r of spec.rows) {
    if (r.kind === 'blank') {
      lines.push(r.text.replace(/[,;\t]/g, d));
      continue;
    }
    const values: Record<string, string> = { unit: r.unit, form: r.form, note: r.note };
    QUESTION_COLUMNS.forEach((q, k) => (values[q] = r.answers[k]));
    let cells = spec.order.map((h) => cell(values[h], r.quote));
    if (r.width < 0) cells = cells.slice(0, -1);
    if (r.width > 0) cells.push(cell('extra', false));
    lines.push(cells.join(d));
  }
  return (spec.bom ? '\ufeff' : '') + lines.join(spec.eol) + (spec.finalEol ? spec.eol : '');
}

function chunk(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let prev = 0;
  for (const c of [...at, bytes.length]) {
    out.push(bytes.subarray(prev, c));
    prev = c;
  }
  return out;
}

const byUnit = (o: RefOutcome) => (o.rows ? [...o.rows].sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0)) : undefined);

describe('streaming readers == in-memory reference', () => {
  it('on random files (fast-check)', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(fileArb.map(cleaned), async (spec) => {
        const text = render(spec);
        const bytes = Buffer.from(text, 'utf8');
        const unitIds = spec.fixedUnits ? ['u1', 'u2', 'Sở Nội vụ', 'quận-1'] : undefined;
        const units = unitIds && { list: unitIds.map((id) => ({ id, name: id, group: 'g', rankGroup: 'g' })), byId: new Map(unitIds.map((id) => [id, { id, name: id, group: 'g', rankGroup: 'g' }])) };
        const ref = reference(text, spec.delimiter, DEF, { skipBadRows: spec.skipBadRows, unitIds });
        const opts: SurveyOptions = { skipBadRows: spec.skipBadRows, units, maxIssues: 10_000 };
        const tok = await streamed(chunk(bytes, spec.cuts), opts);
        const csvp = await streamed(chunk(bytes, spec.cuts), { ...opts, reader: 'csv-parse' });
        expect(tok.issues).toEqual(ref.issues);
        expect(csvp.issues).toEqual(ref.issues);
        expect(byUnit(tok)).toEqual(byUnit(ref));
        expect(byUnit(csvp)).toEqual(byUnit(ref));
        expect(tok.json).toEqual(csvp.json);
        if (ref.rows && ref.rows.length > 1) compared++;
      }),
      { numRuns: 1000 },
    );
    // The generator must produce files with results to compare, not only errors.
    expect(compared).toBeGreaterThan(200);
  });

  it('bad values are caught on the fast path too (plain and quoted cells after known units)', async () => {
    const head = 'form,unit,q1,q2,q3,q4,q5,q6';
    for (const bad of ['6', '"6"', '"9"', '7', '"44"', '" 4"']) {
      const text = [head, '1,u1,4,4,4,4,,', '"2","u1","4","4","4","4","",""', `3,u1,4,${bad},4,4,,`, ''].join('\n');
      const r = await streamed([Buffer.from(text)], {});
      if (bad === '" 4"') expect(r.rows![0]).toMatchObject({ unit: 'u1', forms: 3, valid: 3 });
      else expect(r.issues).toEqual([{ code: 'bad-answer', row: 4, column: 'q2' }]);
    }
  });

  it('one byte per chunk and one chunk give the same result (quotes, CRLF, BOM, ; delimiter)', async () => {
    const text = '\ufeffform;unit;q1;q2;q3;q4;q5;q6\r\n"1";"Sở Nội vụ";5;"4";3;2;;\r\n\r\n2;u1;" 5";4;4;4;"";5\r\n"3\r\n";u1;1;2;3;4;5;5\r\n';
    const bytes = Buffer.from(text, 'utf8');
    const whole = await streamed([bytes], {});
    const bytewise = await streamed(
      [...bytes].map((b) => Uint8Array.of(b)),
      {},
    );
    expect(bytewise).toEqual(whole);
    expect(whole.rows!.map((r) => [r.unit, r.forms, r.valid])).toEqual([
      ['u1', 2, 2],
      ['Sở Nội vụ', 1, 1],
      ['ALL', 3, 3],
    ]);
    expect(byUnit(whole)).toEqual(byUnit(reference(text, ';', DEF, { skipBadRows: false })));
  });

  it('a given delimiter still skips the BOM; CR-only files guess the delimiter from the header line', async () => {
    const text = '\ufeff"form";unit;q1;q2;q3;q4;q5;q6\r1;u1;5;4;4;4;;\r2;"u1, old name";4;4;4;4;;\r';
    const bytes = Buffer.from(text, 'utf8');
    for (const opts of [{ delimiter: ';' }, {}]) {
      for (const chunks of [[bytes], [...bytes].map((b) => Uint8Array.of(b))]) {
        const r = await streamed(chunks, opts);
        expect(r.rows?.map((u) => [u.unit, u.forms, u.valid])).toEqual([
          ['u1', 1, 1],
          ['u1, old name', 1, 1],
          ['ALL', 2, 2],
        ]);
      }
    }
  });

  it('responses that are not UTF-8 stop with a located bad-encoding error, in any chunking', async () => {
    const head = Buffer.from('form,unit,q1,q2,q3,q4,q5,q6\n1,u1,5,4,4,4,,\n2,H');
    const latin1 = Buffer.concat([head, Buffer.from([0xe0]), Buffer.from(' Noi,4,4,4,4,,\n')]);
    for (const chunks of [[latin1], [...latin1].map((b) => Uint8Array.of(b))]) {
      const e = await scoreSurvey(DEF, chunks).then(
        () => undefined,
        (err: unknown) => err as ParIndexError,
      );
      expect(e?.issues[0]).toMatchObject({ code: 'bad-encoding', row: 3, column: 'unit', columnLetter: 'B' });
      // The csv-parse reader catches it too (by line, as it does not see cells).
      const p = await scoreSurvey(DEF, chunks, { reader: 'csv-parse' }).then(
        () => undefined,
        (err: unknown) => err as ParIndexError,
      );
      expect(p?.issues[0]).toMatchObject({ code: 'bad-encoding', row: 3 });
    }
    const cut = Buffer.concat([Buffer.from('form,unit,q1,q2,q3,q4,q5,q6\n1,u1,5,4,4,4,,\n2,u'), Buffer.from([0xe1, 0xbb])]);
    expect(await scoreSurvey(DEF, [cut], { reader: 'csv-parse' }).catch((err: ParIndexError) => err)).toMatchObject({ code: 'bad-encoding' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('form,unit,q1\n1,u1,5\n', 'utf16le')]);
    const e16 = await scoreSurvey(DEF, [utf16]).then(
      () => undefined,
      (err: unknown) => err as ParIndexError,
    );
    expect(e16?.issues[0]).toMatchObject({ code: 'bad-encoding', value: 'UTF-16LE' });
    const p16 = await scoreSurvey(DEF, [utf16], { reader: 'csv-parse' }).then(
      () => undefined,
      (err: unknown) => err as ParIndexError,
    );
    expect(p16?.issues[0]).toMatchObject({ code: 'bad-encoding', value: 'UTF-16LE' });
  });
});
