/**
 * A progress bar by bytes read, on stderr, for long files — only when stderr is a terminal, so
 * pipes, logs and tests stay silent. cli-progress is loaded only when a bar is shown.
 */

/** A progress indicator fed with bytes read. */
export interface ByteProgress {
  /** Bytes read so far, and the total when known. */
  update(bytes: number, total: number | undefined): void;
  /** Removes the bar. */
  stop(): void;
}

const SILENT: ByteProgress = { update() {}, stop() {} };

/** Files smaller than this read in a blink: no bar. */
export const BYTE_PROGRESS_MIN = 8 * 1024 * 1024;

/**
 * A bar for reading `label` (`size` bytes, when known). Silent unless stderr is a terminal and
 * the file has at least {@link BYTE_PROGRESS_MIN} bytes (or its size is unknown).
 */
export async function startByteProgress(label: string, size: number | undefined): Promise<ByteProgress> {
  if (!process.stderr.isTTY || (size !== undefined && size < BYTE_PROGRESS_MIN)) return SILENT;
  const mod = await import('cli-progress');
  const cp = ((mod as unknown as { default?: typeof import('cli-progress') }).default ?? mod) as typeof import('cli-progress');
  const mb = (n: number) => (n / 1048576).toFixed(1);
  const bar = new cp.SingleBar(
    {
      format: `reading ${label} [{bar}] {percentage}% {done}/{size} MB`,
      stream: process.stderr,
      clearOnComplete: true,
      hideCursor: true,
      fps: 5,
    },
    cp.Presets.shades_classic,
  );
  let started = false;
  return {
    update(bytes, total) {
      const t = total ?? Math.max(bytes, 1);
      if (!started) {
        bar.start(t, bytes, { done: mb(bytes), size: mb(t) });
        started = true;
      } else {
        if (t !== bar.getTotal()) bar.setTotal(t);
        bar.update(bytes, { done: mb(bytes), size: mb(t) });
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
