/**
 * Malformed input never reads as something else (fast-check). A clean round and clean SIPAS
 * responses are scored once; then the same data is written again with faults — cells quoted,
 * trailing blank cells, a value right of the header (an unquoted `5,5`), a stray quote, ids in NFD,
 * prototype names (`__proto__`, `constructor`, `toString`) as ids, league names, headers and JSON
 * keys, JSON numbers instead of strings, arrays around values, keys written twice — and read by
 * every reader: CSV (parsed whole, and lazily through files), JSON files, and for SIPAS the byte
 * tokenizer (in random chunks), the csv-parse stream, tables and JSON rows. Each reading either
 * gives exactly the clean result, or stops with a ParIndexError whose issues are located — never a
 * TypeError, never a different score.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRound } from '../src/api/round.js';
import { score } from '../src/api/score.js';
import { ParIndexError, type Issue } from '../src/errors.js';
import { loadRound } from '../src/node/index.js';
import { scoreSurvey } from '../src/node/sipas-file.js';
import { surveyResultJsonText } from '../src/report/sipas-json.js';
import { buildSurveyDefinition } from '../src/sipas/definition.js';
import { scoreSurveyCsv, scoreSurveyTable } from '../src/sipas/score.js';
import { parseCsvTable } from '../src/table/csv.js';
import { jsonRowsToTable, parseJsonText } from '../src/table/json.js';
import { csv } from './support/round.js';
import { tempDir } from './support/xlsx.js';

const dir = tempDir('parindex-exactness-property-');
let fileNo = 0;
const write = (ext: string, text: string) => {
  const p = join(dir, `f${fileNo++}.${ext}`);
  writeFileSync(p, text);
  return p;
};

const PROTO = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
const IDS = ['a', 'b2', 'Sở Nội vụ', 'quận-1', 'Đống Đa', ...PROTO];
const LEAGUES = ['so', 'khối 1', ...PROTO];

/** Issues that name only their file (a JSON syntax error or duplicate key gives its line in the message). */
const FILE_LEVEL = new Set(['bad-json', 'too-many-problems']);

/** True when every issue names its file, and a row unless it is about the file as a whole. */
function located(issues: readonly Issue[]): boolean {
  return issues.length > 0 && issues.every((i) => typeof i.file === 'string' && i.file !== '' && (i.row !== undefined || FILE_LEVEL.has(i.code)));
}

type Outcome = { ok: string } | { issues: Issue[] };

/** Runs a reading: its result as text, or its issues; anything but a ParIndexError fails the test. */
async function outcome(run: () => Promise<string> | string): Promise<Outcome> {
  try {
    return { ok: await run() };
  } catch (e) {
    if (e instanceof ParIndexError) return { issues: e.issues };
    throw e;
  }
}

/** The clean result, or located issues. */
function expectSameOrLocated(got: Outcome, clean: string, what: string): void {
  if ('ok' in got) expect(got.ok, what).toBe(clean);
  else expect(located(got.issues), `${what}: ${JSON.stringify(got.issues.slice(0, 3))}`).toBe(true);
}

const quoteCell = (c: string) => `"${c.replace(/"/g, '""')}"`;
const plainCell = (c: string, d = ',') => (c.includes(d) || /["\r\n]/.test(c) || c !== c.trim() ? quoteCell(c) : c);

// ---------------------------------------------------------------------------------------------
// PAR rounds.

const FRAMEWORK = csv('code,title,max,rule,params', '1,A,,,', '1.1,x,10,points,', '1.2,y,10,tiers,>=100:10 | >=50:5 | else:0', '2,B,,,', '2.1,z,5,yesno,');
const VALUES: Record<string, string[]> = {
  '1.1': ['0', '2.5', '10', '7.25', ''],
  '1.2': ['99.99999999999999999', '100', '50', '49.9', '100.0', ''],
  '2.1': ['có', 'không', '1', '0', ''],
};

const roundArb = fc
  .record({
    units: fc.uniqueArray(fc.constantFrom(...IDS), { minLength: 1, maxLength: 5 }),
    leagues: fc.array(fc.constantFrom(...LEAGUES), { minLength: 5, maxLength: 5 }),
    cells: fc.array(fc.record({ leaf: fc.constantFrom('1.1', '1.2', '2.1'), self: fc.nat(9), appraised: fc.nat(9) }), { maxLength: 12 }),
    faults: fc.array(
      fc.record({
        kind: fc.constantFrom('quote', 'extraBlank', 'extraValue', 'commaSplit', 'strayQuote', 'nfdId', 'protoHeader', 'jsonNumber', 'arrayWrap', 'dupSame', 'dupDiff', 'protoKey'),
        at: fc.nat(1000),
        name: fc.constantFrom(...PROTO),
      }),
      { maxLength: 3 },
    ),
  })
  .map((s) => {
    // One row per (unit, leaf): the first drawn for it; the first unit has a value for every leaf
    // (a criterion no unit has a row for is another error).
    const seen = new Set<string>();
    const rows: { unit: string; criterion: string; self: string; appraised: string }[] = [];
    for (const leaf of ['1.1', '1.2', '2.1']) {
      seen.add(`${s.units[0]}|${leaf}`);
      rows.push({ unit: s.units[0], criterion: leaf, self: '', appraised: VALUES[leaf][0] });
    }
    s.cells.forEach((c, k) => {
      const unit = s.units[k % s.units.length];
      if (seen.has(`${unit}|${c.leaf}`)) return;
      seen.add(`${unit}|${c.leaf}`);
      const pool = VALUES[c.leaf];
      rows.push({ unit, criterion: c.leaf, self: pool[c.self % pool.length], appraised: pool[c.appraised % pool.length] });
    });
    return { ...s, rows };
  });

type RoundSpec = typeof roundArb extends fc.Arbitrary<infer T> ? T : never;

const EVIDENCE_HEADER = ['unit', 'criterion', 'self', 'appraised'];

function unitsCsv(s: RoundSpec): string {
  return csv('unit,name,group,rankGroup', ...s.units.map((u, i) => [u, u, 'so', s.leagues[i]].map((c) => plainCell(c)).join(',')));
}

/** The evidence as CSV, with the CSV faults applied. */
function evidenceCsv(s: RoundSpec): string {
  const header = [...EVIDENCE_HEADER];
  const lines = s.rows.map((r) => EVIDENCE_HEADER.map((h) => plainCell(r[h as keyof typeof r])));
  for (const f of s.faults) {
    if (lines.length === 0) break;
    const row = lines[f.at % lines.length];
    const col = f.at % EVIDENCE_HEADER.length;
    if (f.kind === 'quote') row[col] = quoteCell(s.rows[f.at % lines.length][EVIDENCE_HEADER[col] as 'unit']);
    else if (f.kind === 'extraBlank') row.push(f.at % 2 ? '' : ' ');
    else if (f.kind === 'extraValue') row.push('5');
    else if (f.kind === 'commaSplit' && /^\d+\.\d+$/.test(row[col])) row[col] = row[col].replace('.', ',');
    else if (f.kind === 'strayQuote' && !row[col].startsWith('"') && row[col].length > 1) row[col] = `${row[col][0]}"${row[col].slice(1)}`;
    else if (f.kind === 'nfdId') row[0] = plainCell(s.rows[f.at % lines.length].unit.normalize('NFD'));
    else if (f.kind === 'protoHeader' && header.length === EVIDENCE_HEADER.length) {
      header.push(f.name);
      for (const l of lines) l.push(f.at % 2 ? '' : 'x');
    }
  }
  return csv(header.join(','), ...lines.map((l) => l.join(',')));
}

/** The evidence as JSON text, with the JSON faults applied (numbers may be JSON numbers). */
function evidenceJson(s: RoundSpec): string {
  const objects = s.rows.map((r, k) => {
    const entries: [string, string][] = EVIDENCE_HEADER.map((h) => {
      const v = r[h as keyof typeof r];
      return [h, JSON.stringify(v)];
    });
    for (const f of s.faults) {
      if (f.at % s.rows.length !== k) continue;
      const e = f.at % entries.length;
      const raw = JSON.parse(entries[e][1]) as string;
      if (f.kind === 'jsonNumber' && /^-?\d+(\.\d+)?$/.test(raw) && !/^-?0\d/.test(raw)) entries[e][1] = raw;
      else if (f.kind === 'arrayWrap') entries[e][1] = `[${entries[e][1]}]`;
      else if (f.kind === 'dupSame') entries.push([entries[e][0], entries[e][1]]);
      else if (f.kind === 'dupDiff') entries.push([entries[e][0], JSON.stringify(`${raw}9`)]);
      else if (f.kind === 'protoKey') entries.push([f.name, '"x"']);
      else if (f.kind === 'nfdId') entries[0][1] = JSON.stringify(r.unit.normalize('NFD'));
    }
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(', ')}}`;
  });
  return `[\n${objects.join(',\n')}\n]\n`;
}

describe('PAR inputs: malformed rows read as the clean ones or stop, located', () => {
  it('CSV (whole and lazy) and JSON readers (fast-check)', async () => {
    const fw = write('csv', FRAMEWORK);
    let faulty = 0;
    await fc.assert(
      fc.asyncProperty(roundArb, async (s) => {
        const units = unitsCsv(s);
        const cleanEvidence = evidenceCsv({ ...s, faults: [] });
        const scored = (evidence: ReturnType<typeof parseCsvTable>) => JSON.stringify(score(createRound({ framework: parseCsvTable(FRAMEWORK, { file: 'fw.csv' }), units: parseCsvTable(units, { file: 'units.csv' }), evidence })));
        const clean = scored(parseCsvTable(cleanEvidence, { file: 'evidence.csv' }));
        // Every clean reading agrees.
        const unitsPath = write('csv', units);
        const viaFiles = async (path: string) => JSON.stringify(score(await loadRound({ framework: fw, units: unitsPath, evidence: path })));
        expect(await viaFiles(write('csv', cleanEvidence))).toBe(clean);
        expect(await viaFiles(write('json', evidenceJson({ ...s, faults: [] })))).toBe(clean);
        if (s.faults.length > 0) faulty++;
        // The faulty ones agree or stop, located.
        const text = evidenceCsv(s);
        expectSameOrLocated(await outcome(() => scored(parseCsvTable(text, { file: 'evidence.csv' }))), clean, 'CSV table');
        expectSameOrLocated(await outcome(() => viaFiles(write('csv', text))), clean, 'CSV file (lazy rows)');
        expectSameOrLocated(await outcome(() => viaFiles(write('json', evidenceJson(s)))), clean, 'JSON file');
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 150) },
    );
    expect(faulty).toBeGreaterThan(50);
  });
});

// ---------------------------------------------------------------------------------------------
// SIPAS responses.

const DEF = buildSurveyDefinition(parseCsvTable(csv('code,title,column,optional', '1,,,', '1.1,,q1,', '1.2,,q2,', '2,,,', '2.1,,q3,true')));
const RESPONSE_HEADER = ['form', 'unit', 'q1', 'q2', 'q3'];

const sipasArb = fc.record({
  units: fc.uniqueArray(fc.constantFrom(...IDS), { minLength: 1, maxLength: 4 }),
  leagues: fc.array(fc.constantFrom(...LEAGUES), { minLength: 4, maxLength: 4 }),
  withUnits: fc.boolean(),
  forms: fc.array(fc.record({ unit: fc.nat(3), answers: fc.array(fc.constantFrom('1', '2', '3', '4', '5', '', '0'), { minLength: 3, maxLength: 3 }) }), { minLength: 1, maxLength: 15 }),
  faults: fc.array(
    fc.record({
      kind: fc.constantFrom('quote', 'extraBlank', 'extraValue', 'short', 'nfdId', 'protoHeader', 'nearMiss', 'protoId'),
      at: fc.nat(1000),
      name: fc.constantFrom(...PROTO),
    }),
    { maxLength: 3 },
  ),
  delimiter: fc.constantFrom(',', ';', '\t'),
  cuts: fc.array(fc.nat(400), { maxLength: 5 }),
});

type SipasSpec = typeof sipasArb extends fc.Arbitrary<infer T> ? T : never;

/** Rows of cells (header first) for the responses, faults applied (`nfdId` and `protoHeader` keep the result). */
function responseRows(s: SipasSpec): string[][] {
  const header = [...RESPONSE_HEADER];
  const rows = s.forms.map((f, k) => [String(k + 1), s.units[f.unit % s.units.length], ...f.answers]);
  for (const f of s.faults) {
    const row = rows[f.at % rows.length];
    if (f.kind === 'nfdId') row[1] = row[1].normalize('NFD');
    else if (f.kind === 'protoHeader' && !header.includes(f.name)) {
      header.push(f.name);
      for (const r of rows) r.push(f.at % 2 ? '' : '5');
    } else if (f.kind === 'nearMiss' && !header.includes('Q1-1')) {
      header.push('Q1-1');
      for (const r of rows) r.push('');
    }
  }
  return [header, ...rows];
}

/** The responses as CSV, with the CSV-only faults applied. */
function responsesCsv(s: SipasSpec): string {
  const d = s.delimiter;
  const [header, ...rows] = responseRows(s);
  const lines = rows.map((r) => r.map((c) => plainCell(c, d)));
  // One change of length per row: a cell taken off and one put back would be another, well-formed form.
  const reshaped = new Set<number>();
  for (const f of s.faults) {
    const k = f.at % lines.length;
    const row = lines[k];
    const source = rows[k];
    if (f.kind === 'quote') row[f.at % source.length] = quoteCell(source[f.at % source.length]);
    else if (reshaped.has(k)) continue;
    else if (f.kind === 'extraBlank') row.push(''), reshaped.add(k);
    else if (f.kind === 'extraValue') row.push('4'), reshaped.add(k);
    else if (f.kind === 'short') row.pop(), reshaped.add(k);
  }
  return [header.map((h) => plainCell(h, d)).join(d), ...lines.map((l) => l.join(d))].join('\n') + '\n';
}

function chunked(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let prev = 0;
  for (const c of [...at, bytes.length]) {
    out.push(bytes.subarray(prev, c));
    prev = c;
  }
  return out;
}

describe('SIPAS responses: malformed forms read as the clean ones or stop, located', () => {
  it('tokenizer, csv-parse, tables and JSON rows (fast-check)', async () => {
    let faulty = 0;
    await fc.assert(
      fc.asyncProperty(sipasArb, async (s) => {
        const units = s.withUnits ? { list: s.units.map((id, i) => ({ id, name: id, group: 'g', rankGroup: s.leagues[i], row: i + 2 })), source: {} } : undefined;
        const opts = { file: 'r.csv', units: units && ({ ...units, byId: new Map(units.list.map((u) => [u.id, u])) } as never), maxIssues: 1000 };
        // A prototype name as a form's unit id is an id like any other (with a units file, an unknown one).
        const protoForms = s.faults.some((f) => f.kind === 'protoId');
        const forms = protoForms ? s.forms.map((f, k) => (k === 0 ? { ...f, unit: 0 } : f)) : s.forms;
        const base = { ...s, forms, units: protoForms && !s.withUnits ? [s.faults.find((f) => f.kind === 'protoId')!.name, ...s.units.slice(1)] : s.units };
        const cleanText = responsesCsv({ ...base, faults: [] });
        const cleanOut = await outcome(() => surveyResultJsonText(scoreSurveyCsv(DEF, cleanText, opts)));
        if (!('ok' in cleanOut)) {
          // Clean forms can fail only on what the data says (a unit not in the units file): located.
          expect(located(cleanOut.issues)).toBe(true);
          return;
        }
        const clean = cleanOut.ok;
        if (s.faults.length > 0) faulty++;
        const text = responsesCsv(base);
        const bytes = Buffer.from(text);
        const json = JSON.stringify(
          responseRows(base)
            .slice(1)
            .map((r) => Object.fromEntries(responseRows(base)[0].map((h, i) => [h, i >= 2 && /^[0-5]$/.test(r[i]) && h.startsWith('q') ? Number(r[i]) : r[i]]))),
        );
        const readings: [string, () => Promise<string> | string][] = [
          ['tokenizer', () => surveyResultJsonText(scoreSurveyCsv(DEF, text, opts))],
          ['tokenizer in chunks', async () => surveyResultJsonText(await scoreSurvey(DEF, chunked(bytes, s.cuts), opts))],
          ['csv-parse', async () => surveyResultJsonText(await scoreSurvey(DEF, chunked(bytes, s.cuts), { ...opts, reader: 'csv-parse' }))],
          ['table', () => surveyResultJsonText(scoreSurveyTable(DEF, parseCsvTable(text, { file: 'r.csv' }), opts))],
          ['JSON rows', () => surveyResultJsonText(scoreSurveyTable(DEF, jsonRowsToTable(parseJsonText(json, { file: 'r.json' }), { file: 'r.json' }), opts))],
        ];
        for (const [what, run] of readings) expectSameOrLocated(await outcome(run), clean, what);
        // NFD ids and columns named like prototype members never change the result.
        if (s.faults.every((f) => f.kind === 'nfdId' || f.kind === 'protoHeader' || f.kind === 'quote' || f.kind === 'extraBlank')) {
          for (const [what, run] of readings) expect((await outcome(run)) as { ok?: string }, what).toEqual({ ok: clean });
        }
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 300) },
    );
    expect(faulty).toBeGreaterThan(100);
  });
});
