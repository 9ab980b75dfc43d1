/**
 * The council page: choose the files (one input, drag and drop, or per kind), see each file's kind
 * and change it, score in the worker (progress, Cancel), read every problem with its file, sheet,
 * row and column, then the ranking per league with the report's charts, a unit's explanation, the
 * sensitivity of the ranks, the comparison with last year and the downloads.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatIssue, type Issue, type Lang } from '../../src/index.js';
import { Cancelled, Engine } from './engine.js';
import { type Classified, type DownloadKind, FILE_KINDS, type FileData, type FileKind, type LeafSide, type RankRow, type Scored, type Source } from './protocol.js';
import { type PageWords, WORDS } from './words.js';

interface PageFile {
  id: string;
  file: File;
  kind: FileKind;
  /** What the content was recognised as (none for a file added through a per-kind input). */
  found?: Classified;
}

type Part = 'framework' | 'units' | 'evidence' | 'survey';
const PARTS: readonly Part[] = ['framework', 'units', 'evidence', 'survey'];
type Tab = 'ranking' | 'explain' | 'sensitivity' | 'compare' | 'report' | 'sipas' | 'downloads';

/** Rows of the ranking shown at once per league (the rest on further pages). */
export const PAGE_ROWS = 100;

let nextId = 1;

async function bytesOf(f: File): Promise<Uint8Array> {
  // The file's bytes in a buffer of their own (the file itself is never touched), transferred to the worker.
  return new Uint8Array(await f.arrayBuffer());
}

/** The buffers of file bytes handed to the worker: moved, not copied (the page keeps no reference to them). */
function buffersOf(files: { bytes: Uint8Array }[]): ArrayBuffer[] {
  return files.map((f) => f.bytes.buffer as ArrayBuffer);
}

/** A number text in the page's number style (89.83 → 89,83 in Vietnamese). */
function num(text: string | number | null | undefined, lang: Lang): string {
  if (text === null || text === undefined) return '—';
  const s = String(text);
  return lang === 'vi' ? s.replace('.', ',') : s;
}

function saveFile(name: string, mime: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function App() {
  const engine = useMemo(() => new Engine(), []);
  const [lang, setLang] = useState<Lang>('vi');
  const w = WORDS[lang];
  const [files, setFiles] = useState<PageFile[]>([]);
  const [chosen, setChosen] = useState<Partial<Record<Part, Source>>>({});
  const [partial, setPartial] = useState(false);
  const [decimalComma, setDecimalComma] = useState(false);
  const [sipasCriterion, setSipasCriterion] = useState('');
  const [busy, setBusy] = useState<{ step: keyof PageWords['steps2']; done: number; total: number } | null>(null);
  const [issues, setIssues] = useState<{ list: Issue[]; partialUnavailable: boolean } | null>(null);
  const [message, setMessage] = useState<((w: PageWords) => string) | null>(null);
  /** Shows a message, worded in the page's language at each render. */
  const say = (f: (w: PageWords) => string) => setMessage(() => f);
  const [scored, setScored] = useState<Scored | null>(null);
  const [tab, setTab] = useState<Tab>('ranking');
  /** The whole HTML report, written by the worker when the report tab first asks for it. */
  const [report, setReport] = useState<string | null>(null);
  /** The page of the ranking shown per league (from 0). */
  const [pages, setPages] = useState<Record<string, number>>({});
  const [explained, setExplained] = useState<{ json: Record<string, unknown>; leaves: LeafSide[] } | null>(null);
  const [sens, setSens] = useState<Record<string, unknown> | null>(null);
  const [sensRuns, setSensRuns] = useState(200);
  const [sensMode, setSensMode] = useState<'weights' | 'appraisal'>('weights');
  const [cmp, setCmp] = useState<{ json: Record<string, unknown>; html: string } | null>(null);
  const [previousId, setPreviousId] = useState('');
  const [dragging, setDragging] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const [drawing, setDrawing] = useState(false);
  const explainHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = w.title;
  }, [lang, w.title]);

  // The report tab: its HTML is written on first view (and again after a language switch or a comparison).
  useEffect(() => {
    if (tab !== 'report' || !scored || report !== null) return;
    let live = true;
    engine
      .request({ t: 'render', lang, report: true, charts: false })
      .then((reply) => {
        if (live && reply.t === 'rendered') setReport(reply.html ?? '');
        else if (live && reply.t === 'failed') say((v: PageWords) => v.workerFailed + reply.message);
      })
      .catch(() => {
        // A cancelled worker has no result to render.
      });
    return () => {
      live = false;
    };
  }, [tab, scored, report, lang, engine]);

  const count = (k: FileKind) => files.filter((f) => f.kind === k).length;
  const sourceOf = (p: Part): Source => chosen[p] ?? (count(p) > 0 ? 'files' : p === 'framework' || p === 'units' ? 'sample' : 'none');

  /** Adds files; their kinds come from their content (or the kind of the input they were added through). */
  async function addFiles(list: FileList | File[] | null, as?: FileKind) {
    if (!list || list.length === 0) return;
    const added: PageFile[] = [...list].map((file) => ({ id: `f${nextId++}`, file, kind: as ?? 'ignore' }));
    setFiles((fs) => [...fs, ...added]);
    if (as) return;
    try {
      const data: FileData[] = await Promise.all(added.map(async (f) => ({ id: f.id, name: f.file.name, bytes: await bytesOf(f.file) })));
      const reply = await engine.request({ t: 'classify', files: data }, undefined, buffersOf(data));
      if (reply.t !== 'classified') return;
      const byId = new Map<string, Classified>(reply.items.map((c) => [c.id, c]));
      setFiles((fs) => fs.map((f) => (byId.has(f.id) ? { ...f, kind: byId.get(f.id)!.kind, found: byId.get(f.id) } : f)));
      const prev = reply.items.find((c) => c.kind === 'previous');
      if (prev) setPreviousId((p) => p || prev.id);
    } catch (e) {
      if (!(e instanceof Cancelled)) say((v: PageWords) => v.workerFailed + String(e));
    }
  }

  function useSample() {
    setChosen({ framework: 'sample', units: 'sample', evidence: 'sample', survey: 'sample' });
  }

  async function runScore() {
    setIssues(null);
    setMessage(null);
    setScored(null);
    setReport(null);
    setPages({});
    setExplained(null);
    setSens(null);
    setCmp(null);
    setBusy({ step: 'read', done: 0, total: 1 });
    try {
      const used = files.filter((f) => f.kind !== 'ignore' && f.kind !== 'previous');
      const data = await Promise.all(used.map(async (f) => ({ id: f.id, name: f.file.name, kind: f.kind, bytes: await bytesOf(f.file) })));
      const sources = Object.fromEntries(PARTS.map((p) => [p, sourceOf(p)])) as Record<Part, Source>;
      const reply = await engine.request({ t: 'score', req: { files: data, sources, partial, decimalComma, sipasCriterion, lang } }, (p) => setBusy({ step: p.step, done: p.done, total: p.total }), buffersOf(data));
      if (reply.t === 'issues') setIssues({ list: reply.issues, partialUnavailable: reply.partialUnavailable });
      else if (reply.t === 'scored') {
        setScored(reply.scored);
        setTab('ranking');
      } else if (reply.t === 'failed') {
        if (reply.issues?.length) setIssues({ list: reply.issues, partialUnavailable: partial });
        else say((v: PageWords) => v.workerFailed + reply.message);
      }
    } catch (e) {
      say((v: PageWords) => (e instanceof Cancelled ? v.cancelled : v.workerFailed + String(e)));
    } finally {
      setBusy(null);
    }
  }

  function cancel() {
    engine.cancel();
    setScored(null);
  }

  async function switchLang() {
    const next: Lang = lang === 'vi' ? 'en' : 'vi';
    setLang(next);
    if (!scored) return;
    try {
      const reply = await engine.request({ t: 'render', lang: next, report: tab === 'report', charts: scored.charts !== null });
      if (reply.t === 'rendered') {
        setScored((s) => (s ? { ...s, charts: reply.charts ?? s.charts, sipas: s.sipas && reply.sipasHtml ? { ...s.sipas, html: reply.sipasHtml } : s.sipas } : s));
        setReport(reply.html ?? null);
      }
      if (cmp && previousId) compareWith(previousId, next);
    } catch {
      // A cancelled worker has no result to render again.
    }
  }

  /** Draws the charts of a large round on request (the worker writes them in the page's language). */
  async function drawCharts() {
    if (drawing) return;
    setDrawing(true);
    try {
      const reply = await engine.request({ t: 'render', lang, report: false, charts: true });
      if (reply.t === 'rendered' && reply.charts) {
        const charts = reply.charts;
        setScored((s) => (s ? { ...s, charts } : s));
      } else if (reply.t === 'failed') say((v: PageWords) => v.workerFailed + reply.message);
    } catch (e) {
      if (!(e instanceof Cancelled)) say((v: PageWords) => v.workerFailed + String(e));
    } finally {
      setDrawing(false);
    }
  }

  async function explainUnit(unit: string) {
    setTab('explain');
    try {
      const reply = await engine.request({ t: 'explain', unit });
      if (reply.t === 'explained') {
        setExplained({ json: reply.json as Record<string, unknown>, leaves: reply.leaves });
        setTimeout(() => explainHeading.current?.focus(), 0);
      } else if (reply.t === 'failed') say((v: PageWords) => v.workerFailed + reply.message);
    } catch (e) {
      if (!(e instanceof Cancelled)) say((v: PageWords) => v.workerFailed + String(e));
    }
  }

  async function runSensitivity() {
    setBusy({ step: 'score', done: 0, total: 1 });
    try {
      const reply = await engine.request({ t: 'sensitivity', runs: sensRuns, mode: sensMode });
      if (reply.t === 'sensitivity') setSens(reply.json as Record<string, unknown>);
      else if (reply.t === 'failed') say((v: PageWords) => v.workerFailed + reply.message);
    } catch (e) {
      say((v: PageWords) => (e instanceof Cancelled ? v.cancelled : v.workerFailed + String(e)));
      if (e instanceof Cancelled) setScored(null);
    } finally {
      setBusy(null);
    }
  }

  async function compareWith(id: string, l: Lang = lang) {
    const f = files.find((x) => x.id === id);
    if (!f) return;
    try {
      const file = { id: f.id, name: f.file.name, bytes: await bytesOf(f.file) };
      // A workbook (a zip: "PK"): the page reads last year's results as JSON or CSV only.
      if (file.bytes[0] === 0x50 && file.bytes[1] === 0x4b) return say((v: PageWords) => v.previousWorkbook);
      const reply = await engine.request({ t: 'compare', file, lang: l }, undefined, buffersOf([file]));
      if (reply.t === 'compared') {
        setCmp({ json: reply.json as Record<string, unknown>, html: reply.html });
        // The report now shows last year's figures: written again when next viewed.
        setReport(null);
      } else if (reply.t === 'failed') {
        if (reply.issues?.length) setIssues({ list: reply.issues, partialUnavailable: false });
        else say((v: PageWords) => v.workerFailed + reply.message);
      }
    } catch (e) {
      if (!(e instanceof Cancelled)) say((v: PageWords) => v.workerFailed + String(e));
    }
  }

  async function download(what: DownloadKind) {
    setDownloading(true);
    try {
      const reply = await engine.request({ t: 'download', what, lang });
      if (reply.t === 'file') saveFile(reply.name, reply.mime, reply.bytes);
      else if (reply.t === 'failed') say((v: PageWords) => v.workerFailed + reply.message);
    } catch (e) {
      if (!(e instanceof Cancelled)) say((v: PageWords) => v.workerFailed + String(e));
    } finally {
      setDownloading(false);
    }
  }

  const hasSipasFiles = count('questions') > 0 && count('responses') > 0;
  const tabs: Tab[] = ['ranking', 'explain', 'sensitivity', 'compare', 'report', ...(scored?.sipas ? (['sipas'] as Tab[]) : []), 'downloads'];

  return (
    <div class="page">
      <header>
        <h1>{w.title}</h1>
        <button type="button" class="lang" onClick={switchLang} lang={lang === 'vi' ? 'en' : 'vi'}>
          {w.langSwitch}
        </button>
        <p>{w.lead}</p>
        <p class="privacy">{w.privacy}</p>
      </header>

      <section aria-labelledby="h-files">
        <h2 id="h-files">{w.steps.files}</h2>
        {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target only; the keyboard's way in is the file input inside it */}
        <div
          class={dragging ? 'drop dragging' : 'drop'}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            addFiles(e.dataTransfer?.files ?? null);
          }}
        >
          <span id="drop-label">{w.dropHere} </span>
          <label class="button" for="files">
            {w.chooseFiles}
          </label>
          <input
            id="files"
            class="visually-hidden"
            type="file"
            multiple
            accept=".csv,.tsv,.txt,.xlsx,.xlsm,.json"
            onChange={(e) => {
              const input = e.currentTarget;
              addFiles(input.files ? [...input.files] : null);
              input.value = '';
            }}
          />
        </div>
        <p class="help">{w.kindHelp}</p>
        {files.length === 0 ? (
          <p>{w.noFiles}</p>
        ) : (
          <table class="files">
            <thead>
              <tr>
                <th>{w.fileName}</th>
                <th>{w.fileKind}</th>
                <th>{w.fileNote}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {files.map((f) => (
                <tr key={f.id} data-file={f.file.name}>
                  <td>{f.file.name}</td>
                  <td>
                    <select aria-label={`${w.fileKind}: ${f.file.name}`} value={f.kind} onChange={(e) => setFiles((fs) => fs.map((x) => (x.id === f.id ? { ...x, kind: e.currentTarget.value as FileKind } : x)))}>
                      {FILE_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {w.kinds[k]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td class="note">{f.found ? (f.found.issue ? formatIssue(f.found.issue, { lang }) : [f.found.format, ...f.found.candidates.map((k) => w.kinds[k])].filter(Boolean).join(' — ')) : ''}</td>
                  <td>
                    <button type="button" aria-label={w.remove(f.file.name)} onClick={() => setFiles((fs) => fs.filter((x) => x.id !== f.id))}>
                      ×
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <details>
          <summary>{w.addAs('…')}</summary>
          <div class="per-kind">
            {FILE_KINDS.filter((k) => k !== 'ignore').map((k) => (
              <label key={k}>
                {w.addAs(w.kinds[k])}{' '}
                <input
                  type="file"
                  multiple
                  data-kind={k}
                  onChange={(e) => {
                    const input = e.currentTarget;
                    addFiles(input.files ? [...input.files] : null, k);
                    input.value = '';
                  }}
                />
              </label>
            ))}
          </div>
        </details>
      </section>

      <section aria-labelledby="h-check">
        <h2 id="h-check">{w.steps.check}</h2>
        <fieldset class="sources">
          <legend>{w.sources}</legend>
          {PARTS.map((p) => (
            <label key={p}>
              {w.sourceOf[p]}{' '}
              <select value={sourceOf(p)} onChange={(e) => setChosen((c) => ({ ...c, [p]: e.currentTarget.value as Source }))} data-part={p}>
                <option value="files">{w.fromFiles(count(p))}</option>
                <option value="sample">{w.fromSample}</option>
                {p === 'evidence' || p === 'survey' ? <option value="none">{w.none}</option> : null}
              </select>
            </label>
          ))}
          <button type="button" onClick={useSample}>
            {w.trySample}
          </button>
        </fieldset>
        {hasSipasFiles ? (
          <label class="sipas-into">
            {w.sipasInto}{' '}
            <select value={sipasCriterion} onChange={(e) => setSipasCriterion(e.currentTarget.value)}>
              <option value="">{w.sipasIntoNone}</option>
              {(scored?.surveyCriteria ?? []).map(([code, title]) => (
                <option key={code} value={code}>
                  {code} — {title}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label class="decimal-comma">
          <input type="checkbox" checked={decimalComma} onChange={(e) => setDecimalComma(e.currentTarget.checked)} /> {w.decimalComma}
        </label>
        <label class="partial">
          <input type="checkbox" checked={partial} onChange={(e) => setPartial(e.currentTarget.checked)} /> {w.partial}
        </label>
        <p class="help">{w.partialHelp}</p>
        <div class="actions">
          <button type="button" id="score" class="primary" onClick={runScore} disabled={busy !== null}>
            {w.score}
          </button>
          {busy ? (
            <span class="progress" role="status" aria-live="polite">
              {w.steps2[busy.step]} <progress max={busy.total || 1} value={busy.done} />{' '}
              <button type="button" id="cancel" onClick={cancel}>
                {w.cancel}
              </button>
            </span>
          ) : null}
        </div>
        {message ? (
          <p class="message" role="alert">
            {message(w)}
          </p>
        ) : null}
        {issues ? <Problems issues={issues.list} lang={lang} w={w} partialUnavailable={issues.partialUnavailable && partial} /> : null}
      </section>

      {scored ? (
        <section aria-labelledby="h-results" class="results">
          <h2 id="h-results">{w.steps.results}</h2>
          {scored.dropped.length ? (
            <div class="warning" role="note">
              <p>
                <strong>{w.partialScored}</strong> {w.partialDropped(new Set(scored.dropped.map((i) => `${i.file}|${i.sheet}|${i.row}`)).size)}
              </p>
              <ol class="issues">
                {scored.dropped.map((i, n) => (
                  <li key={n}>{formatIssue(i, { lang })}</li>
                ))}
              </ol>
            </div>
          ) : null}
          {scored.missing.cells ? <p class="warning">{w.missingCells(scored.missing.cells, scored.missing.units)}</p> : null}
          {scored.sipasIssues?.length ? <Problems issues={scored.sipasIssues} lang={lang} w={w} partialUnavailable={false} /> : null}
          <div role="tablist" class="tabs">
            {tabs.map((t) => (
              <button type="button" role="tab" key={t} id={`tab-${t}`} aria-selected={tab === t} onClick={() => setTab(t)}>
                {w.tabs[t]}
              </button>
            ))}
          </div>
          <div role="tabpanel" aria-labelledby={`tab-${tab}`} id={`view-${tab}`}>
            {tab === 'ranking' ? <Ranking scored={scored} pages={pages} onPage={(league, p) => setPages((x) => ({ ...x, [league]: p }))} lang={lang} w={w} onExplain={explainUnit} onCharts={drawCharts} drawing={drawing} /> : null}
            {tab === 'explain' ? <Explain data={explained} lang={lang} w={w} headingRef={explainHeading} onBack={() => setTab('ranking')} /> : null}
            {tab === 'sensitivity' ? (
              <div>
                <div class="actions">
                  <label>
                    {w.sensitivityRuns} <input type="number" min={1} max={100000} value={sensRuns} onInput={(e) => setSensRuns(Math.max(1, Number(e.currentTarget.value) || 1))} />
                  </label>{' '}
                  <label>
                    {w.sensitivityMode}{' '}
                    <select value={sensMode} onChange={(e) => setSensMode(e.currentTarget.value as 'weights' | 'appraisal')}>
                      <option value="weights">{w.modeWeights}</option>
                      <option value="appraisal">{w.modeAppraisal}</option>
                    </select>
                  </label>{' '}
                  <button type="button" id="run-sensitivity" onClick={runSensitivity} disabled={busy !== null}>
                    {w.sensitivityRun}
                  </button>
                </div>
                {sens ? <Sensitivity data={sens} leagues={scored.leagues} lang={lang} w={w} /> : null}
              </div>
            ) : null}
            {tab === 'compare' ? (
              <div>
                <p>{w.compareLead}</p>
                {files.some((f) => f.kind === 'previous') ? (
                  <div class="actions">
                    <label>
                      {w.compareFile}{' '}
                      <select value={previousId} onChange={(e) => setPreviousId(e.currentTarget.value)}>
                        {files
                          .filter((f) => f.kind === 'previous')
                          .map((f) => (
                            <option key={f.id} value={f.id}>
                              {f.file.name}
                            </option>
                          ))}
                      </select>
                    </label>{' '}
                    <button type="button" id="run-compare" onClick={() => compareWith(previousId || files.find((f) => f.kind === 'previous')!.id)}>
                      {w.compareRun}
                    </button>
                  </div>
                ) : (
                  <p>{w.compareNone}</p>
                )}
                {cmp ? <Comparison data={cmp.json} leagues={scored.leagues} lang={lang} w={w} /> : null}
              </div>
            ) : null}
            {tab === 'report' ? report === null ? <p role="status">{w.reportWorking}</p> : <iframe class="report" title={w.reportFrame} sandbox="" srcdoc={report} /> : null}
            {tab === 'sipas' && scored.sipas ? (
              <div>
                <p>{w.sipasLead}</p>
                <iframe class="report" title="SIPAS" sandbox="" srcdoc={scored.sipas.html} />
              </div>
            ) : null}
            {tab === 'downloads' ? (
              <div>
                <h3>{w.download.title}</h3>
                <ul class="downloads">
                  {(
                    [
                      ['xlsx', w.download.xlsx],
                      ['html', w.download.html],
                      ['csv', w.download.csv],
                      ['json', w.download.json],
                      ['template', w.download.template],
                      ['survey-template', w.download.surveyTemplate],
                      ...(cmp ? [['compare-html', w.download.compareHtml]] : []),
                      ...(scored.sipas ? [['sipas-html', w.download.sipasHtml]] : []),
                    ] as [DownloadKind, string][]
                  ).map(([k, label]) => (
                    <li key={k}>
                      <button type="button" data-download={k} onClick={() => download(k)} disabled={downloading}>
                        {label}
                      </button>
                    </li>
                  ))}
                </ul>
                {downloading ? <p role="status">{w.download.working}</p> : null}
              </div>
            ) : null}
          </div>
        </section>
      ) : null}
    </div>
  );
}

function Problems({ issues, lang, w, partialUnavailable }: { issues: Issue[]; lang: Lang; w: PageWords; partialUnavailable: boolean }) {
  return (
    <div class="problems" role="alert">
      <h3>{w.problems(issues.length)}</h3>
      <p>{partialUnavailable ? w.partialUnavailable : w.problemsIntro}</p>
      <ol class="issues">
        {issues.map((i, n) => (
          <li key={n} data-code={i.code}>
            {formatIssue(i, { lang }).replaceAll('--decimal-comma', w.decimalCommaBox)}
          </li>
        ))}
      </ol>
    </div>
  );
}

function Ranking({
  scored,
  pages,
  onPage,
  lang,
  w,
  onExplain,
  onCharts,
  drawing,
}: {
  scored: Scored;
  pages: Record<string, number>;
  onPage: (league: string, page: number) => void;
  lang: Lang;
  w: PageWords;
  onExplain: (unit: string) => void;
  onCharts: () => void;
  drawing: boolean;
}) {
  const bands = useMemo(() => scored.units.some((u) => u.band), [scored]);
  const byLeague = useMemo(() => {
    const m = new Map<string, RankRow[]>();
    for (const u of scored.units) {
      const list = m.get(u.rankGroup);
      if (list) list.push(u);
      else m.set(u.rankGroup, [u]);
    }
    return m;
  }, [scored]);
  return (
    <div>
      <p class="help">{w.clickUnit}</p>
      {scored.leagues.map(([id, label]) => {
        const units = byLeague.get(id) ?? [];
        const s = scored.summaries[id];
        const count = Math.max(1, Math.ceil(units.length / PAGE_ROWS));
        const page = Math.min(pages[id] ?? 0, count - 1);
        const shown = units.slice(page * PAGE_ROWS, (page + 1) * PAGE_ROWS);
        return (
          <div key={id} class="league">
            <h3>{w.rankingOf(label, s?.count ?? units.length, num(s?.mean, lang))}</h3>
            {count > 1 ? <Pager league={id} label={label} page={page} count={count} rows={units.length} onPage={onPage} w={w} /> : null}
            <table class="ranking" data-league={id}>
              <thead>
                <tr>
                  <th>{w.col.rank}</th>
                  <th>{w.col.name}</th>
                  <th>{w.col.index}</th>
                  <th>{w.col.selfIndex}</th>
                  {bands ? <th>{w.col.band}</th> : null}
                  <th>{w.col.missing}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((u) => (
                  <tr key={u.unit} data-unit={u.unit}>
                    <td class="n">{u.rank ?? '—'}</td>
                    <td>
                      <button type="button" class="unit" onClick={() => onExplain(u.unit)}>
                        {u.name}
                      </button>
                    </td>
                    <td class="n index">{num(u.index, lang)}</td>
                    <td class="n">{num(u.selfIndex, lang)}</td>
                    {bands ? <td>{u.band ?? ''}</td> : null}
                    <td class="n">{u.missing || ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
      <h3>{w.charts}</h3>
      {scored.charts === null ? (
        <p class="charts-later">
          {w.chartsLater(scored.units.length)}{' '}
          <button type="button" id="draw-charts" onClick={onCharts} aria-disabled={drawing}>
            {w.drawCharts}
          </button>
          {drawing ? <span role="status"> {w.drawingCharts}</span> : null}
        </p>
      ) : (
        <div class="charts">
          {scored.charts.map((html, i) => (
            // The report's own figures: inline SVG written and escaped by the core.
            <div key={i} dangerouslySetInnerHTML={{ __html: html }} />
          ))}
        </div>
      )}
    </div>
  );
}

/**
 * The pages of a league's ranking: buttons (keyboard: Tab and Enter; at either end they stay
 * focusable, marked `aria-disabled`, so the focus is never lost) and where the reader is, announced.
 */
function Pager({ league, label, page, count, rows, onPage, w }: { league: string; label: string; page: number; count: number; rows: number; onPage: (league: string, page: number) => void; w: PageWords }) {
  const go = (p: number) => onPage(league, Math.max(0, Math.min(count - 1, p)));
  return (
    <nav class="pager" aria-label={w.pages.nav(label)} data-league={league}>
      <button type="button" class="first" onClick={() => go(0)} aria-disabled={page === 0}>
        {w.pages.first}
      </button>
      <button type="button" class="previous" onClick={() => go(page - 1)} aria-disabled={page === 0}>
        {w.pages.previous}
      </button>
      <span class="at" aria-live="polite">
        {w.pages.at(page + 1, count, page * PAGE_ROWS + 1, Math.min(rows, (page + 1) * PAGE_ROWS), rows)}
      </span>
      <button type="button" class="next" onClick={() => go(page + 1)} aria-disabled={page === count - 1}>
        {w.pages.next}
      </button>
      <button type="button" class="last" onClick={() => go(count - 1)} aria-disabled={page === count - 1}>
        {w.pages.last}
      </button>
    </nav>
  );
}

interface Neighbour {
  name: string;
  rank: number | null;
  indexGap: string;
  pointsGap: string;
}

function Explain({ data, lang, w, headingRef, onBack }: { data: { json: Record<string, unknown>; leaves: LeafSide[] } | null; lang: Lang; w: PageWords; headingRef: { current: HTMLHeadingElement | null }; onBack: () => void }) {
  if (!data) return <p>{w.explainNone}</p>;
  const e = data.json as {
    name: string;
    rank: number | null;
    leagueSize: number;
    index: string | null;
    selfIndex: string | null;
    above: Neighbour | null;
    below: Neighbour | null;
    tiedWith: string[];
    areas: { code: string; title: string; points: string; max: string; lost: string }[];
  };
  return (
    <div class="explain">
      <h3 tabIndex={-1} ref={headingRef}>
        {w.explainOf(e.name)}
      </h3>
      <p class="rank-line">{w.rankLine(String(e.rank ?? '—'), e.leagueSize, num(e.index, lang), num(e.selfIndex, lang))}</p>
      <ul class="gaps">
        <li class="above">{e.above ? w.above(e.above.name, String(e.above.rank ?? '—'), num(e.above.indexGap, lang), num(e.above.pointsGap, lang)) : w.leader}</li>
        <li class="below">{e.below ? w.below(e.below.name, String(e.below.rank ?? '—'), num(e.below.indexGap, lang), num(e.below.pointsGap, lang)) : w.last}</li>
        {e.tiedWith.length ? <li>{w.tied(e.tiedWith.join(', '))}</li> : null}
      </ul>
      <h4>{w.areas}</h4>
      <table class="areas">
        <thead>
          <tr>
            <th>{w.areaCol.code}</th>
            <th>{w.areaCol.title}</th>
            <th>{w.areaCol.points}</th>
            <th>{w.areaCol.max}</th>
            <th>{w.areaCol.lost}</th>
          </tr>
        </thead>
        <tbody>
          {e.areas.map((a) => (
            <tr key={a.code}>
              <td>{a.code}</td>
              <td>{a.title}</td>
              <td class="n">{num(a.points, lang)}</td>
              <td class="n">{num(a.max, lang)}</td>
              <td class="n">{num(a.lost, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>{w.leaves}</h4>
      <table class="leaves">
        <thead>
          <tr>
            <th>{w.leafCol.code}</th>
            <th>{w.leafCol.title}</th>
            <th>{w.leafCol.self}</th>
            <th>{w.leafCol.appraised}</th>
            <th>{w.leafCol.status}</th>
            <th>{w.leafCol.points}</th>
            <th>{w.leafCol.max}</th>
            <th>{w.leafCol.lost}</th>
          </tr>
        </thead>
        <tbody>
          {data.leaves.map((l) => (
            <tr key={l.code} data-code={l.code} class={l.self !== null && l.appraised !== null && l.self !== l.appraised ? 'differs' : undefined}>
              <td>{l.code}</td>
              <td>{l.title}</td>
              <td class="n">{num(l.self, lang)}</td>
              <td class="n">{num(l.appraised, lang)}</td>
              <td>{w.status[l.status] ?? l.status}</td>
              <td class="n">{num(l.points, lang)}</td>
              <td class="n">{num(l.max, lang)}</td>
              <td class="n">{num(l.lost, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <button type="button" onClick={onBack}>
          {w.back}
        </button>
      </p>
    </div>
  );
}

function Sensitivity({ data, leagues, lang, w }: { data: Record<string, unknown>; leagues: [string, string][]; lang: Lang; w: PageWords }) {
  const s = data as {
    runs: number;
    mode: string;
    units: { unit: string; name: string; rankGroup: string; baseRank: number | null; minRank: number | null; maxRank: number | null; keepPercent: string; minIndex: string | null; maxIndex: string | null }[];
    leagues: Record<string, { meanSpearman: string | null }>;
  };
  return (
    <div class="sensitivity">
      <p>{w.sensitivityLead(s.runs, s.mode === 'appraisal' ? w.modeAppraisal : w.modeWeights)}</p>
      {leagues.map(([id, label]) => (
        <div key={id}>
          <h3>{w.correlation(label, num(s.leagues[id]?.meanSpearman, lang))}</h3>
          <table>
            <thead>
              <tr>
                <th>{w.sensCol.rank}</th>
                <th>{w.sensCol.unit}</th>
                <th>{w.sensCol.range}</th>
                <th>{w.sensCol.keep}</th>
                <th>{w.sensCol.index}</th>
              </tr>
            </thead>
            <tbody>
              {s.units
                .filter((u) => u.rankGroup === id)
                .map((u) => (
                  <tr key={u.unit} data-unit={u.unit}>
                    <td class="n">{u.baseRank ?? '—'}</td>
                    <td>{u.name}</td>
                    <td class="n">{u.minRank === u.maxRank ? String(u.minRank ?? '—') : `${u.minRank}–${u.maxRank}`}</td>
                    <td class="n">{num(u.keepPercent, lang)}</td>
                    <td class="n">
                      {num(u.minIndex, lang)} – {num(u.maxIndex, lang)}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}

function Comparison({ data, leagues, lang, w }: { data: Record<string, unknown>; leagues: [string, string][]; lang: Lang; w: PageWords }) {
  const c = data as {
    units: { unit: string; name: string; rankGroup: string; status: string; oldIndex: string | null; newIndex: string | null; change: string | null; oldRank: number | null; newRank: number | null; rankChange: number | null }[];
  };
  const signed = (x: string | number | null) => (x === null ? '—' : typeof x === 'number' ? (x > 0 ? `+${x}` : String(x)) : num(x.startsWith('-') || x === '0' || /^0[.,]0*$/.test(x) ? x : `+${x}`, lang));
  return (
    <div class="comparison">
      {leagues.map(([id, label]) => (
        <div key={id}>
          <h3>{label}</h3>
          <table>
            <thead>
              <tr>
                <th>{w.cmpCol.rankNow}</th>
                <th>{w.cmpCol.unit}</th>
                <th>{w.cmpCol.now}</th>
                <th>{w.cmpCol.old}</th>
                <th>{w.cmpCol.change}</th>
                <th>{w.cmpCol.rankOld}</th>
                <th>{w.cmpCol.rankChange}</th>
                <th>{w.cmpCol.status}</th>
              </tr>
            </thead>
            <tbody>
              {c.units
                .filter((u) => u.rankGroup === id)
                .map((u) => (
                  <tr key={u.unit} data-unit={u.unit}>
                    <td class="n">{u.newRank ?? '—'}</td>
                    <td>{u.name}</td>
                    <td class="n">{num(u.newIndex, lang)}</td>
                    <td class="n">{num(u.oldIndex, lang)}</td>
                    <td class="n">{signed(u.change)}</td>
                    <td class="n">{u.oldRank ?? '—'}</td>
                    <td class="n">{signed(u.rankChange)}</td>
                    <td>{w.presence[u.status] ?? u.status}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
