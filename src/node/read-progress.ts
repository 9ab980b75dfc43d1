/**
 * Progress lines on stderr while a large file is read — only when stderr is a terminal, so pipes,
 * logs and tests stay clean. One helper ({@link startStderrBar}) draws every bar (rows of a
 * workbook here, bytes of a SIPAS responses file in `cli/byte-progress.ts`); cli-progress is loaded
 * only when a bar is actually shown.
 */
import { cliWords } from '../i18n/labels/cli.js';
import { type Lang, langFromEnv } from '../i18n/lang.js';

/** A progress indicator: report the sheet bytes parsed out of their total, and the rows read. */
export interface RowProgress {
  /** `done` of `total` bytes of sheet XML parsed; `rows` read so far. */
  update(done: number, total: number, rows: number): void;
  /** Removes the line. */
  stop(): void;
}

/** A bar drawn by {@link startStderrBar}. */
export interface StderrBar {
  /** `done` of `total`, with the values of the format's `{tokens}`; the first call starts the bar. */
  update(done: number, total: number, payload: Record<string, string | number>): void;
  /** Removes the bar (nothing when it never started). */
  stop(): void;
}

/**
 * A cli-progress bar on stderr with `format` (`{bar}`, `{percentage}` and payload tokens), cleared
 * when stopped. The caller decides whether to show one (see {@link startRowProgress}).
 */
export async function startStderrBar(format: string): Promise<StderrBar> {
  const mod = await import('cli-progress');
  const cp = ((mod as unknown as { default?: typeof import('cli-progress') }).default ?? mod) as typeof import('cli-progress');
  const bar = new cp.SingleBar({ format, stream: process.stderr, clearOnComplete: true, hideCursor: true, fps: 5 }, cp.Presets.shades_classic);
  let started = false;
  return {
    update(done, total, payload) {
      const t = Math.max(total, done, 1);
      if (!started) {
        bar.start(t, done, payload);
        started = true;
      } else {
        if (t !== bar.getTotal()) bar.setTotal(t);
        bar.update(done, payload);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

const NONE: RowProgress = { update() {}, stop() {} };

/** Options: `progress` forces the bar on or off (default: stderr is a TTY and the file is large). */
export interface ProgressOptions {
  /** Force showing (true) or hiding (false) the bar. */
  progress?: boolean;
  /** Language of the bar's words (default: as `PARINDEX_LANG` and the locale say, Vietnamese unless English). */
  lang?: Lang;
}

/** Files smaller than this read in well under a second: no bar. */
export const PROGRESS_MIN_BYTES = 2 * 1024 * 1024;

/**
 * Starts a progress bar for reading `label`. Returns a no-op unless `opts.progress` is true, or it
 * is unset, stderr is a TTY and the file has at least {@link PROGRESS_MIN_BYTES} bytes.
 */
export async function startRowProgress(label: string, fileBytes: number, opts: ProgressOptions = {}): Promise<RowProgress> {
  const show = opts.progress ?? (Boolean(process.stderr.isTTY) && fileBytes >= PROGRESS_MIN_BYTES);
  if (!show) return NONE;
  const lang = opts.lang ?? langFromEnv(process.env);
  const words = cliWords[lang];
  const bar = await startStderrBar(`${words.reading(label.replace(/[{}]/g, (c) => (c === '{' ? '(' : ')')))} [{bar}] {percentage}% | {rows} ${words.rows}`);
  return {
    update: (done, total, rows) => bar.update(done, total, { rows }),
    stop: () => bar.stop(),
  };
}
