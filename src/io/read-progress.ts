/**
 * A progress line on stderr while a large file is read — only when stderr is a terminal, so pipes,
 * logs and tests stay clean. cli-progress is loaded only when a bar is actually shown.
 */

/** A progress indicator: report the sheet bytes parsed out of their total, and the rows read. */
export interface RowProgress {
  /** `done` of `total` bytes of sheet XML parsed; `rows` read so far. */
  update(done: number, total: number, rows: number): void;
  /** Removes the line. */
  stop(): void;
}

const NONE: RowProgress = { update() {}, stop() {} };

/** Options: `progress` forces the bar on or off (default: stderr is a TTY and the file is large). */
export interface ProgressOptions {
  /** Force showing (true) or hiding (false) the bar. */
  progress?: boolean;
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
  const mod = await import('cli-progress');
  const cp = ((mod as unknown as { default?: typeof import('cli-progress') }).default ?? mod) as typeof import('cli-progress');
  const bar = new cp.SingleBar(
    { format: `reading ${label} [{bar}] {percentage}% | {rows} rows`, stream: process.stderr, clearOnComplete: true, hideCursor: true, fps: 5 },
    cp.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, rows) {
      const t = Math.max(total, done, 1);
      if (!started) {
        bar.start(t, done, { rows });
        started = true;
      } else {
        bar.setTotal(t);
        bar.update(done, { rows });
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
