/**
 * A progress bar by bytes read, on stderr, for long files — only when stderr is a terminal, so
 * pipes, logs and tests stay silent. Drawn by the shared {@link startStderrBar}.
 */
import { cliWords } from '../i18n/labels/cli.js';
import type { Lang } from '../i18n/lang.js';
import { startStderrBar } from '../node/read-progress.js';

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

const mb = (n: number) => (n / 1048576).toFixed(1);

/** What the bar says it is doing: `đang đọc FILE` / `reading FILE` (braces in the name, cli-progress tokens, become parentheses). */
export function byteProgressLabel(label: string, lang: Lang): string {
  return cliWords[lang].reading(label.replace(/[{}]/g, (c) => (c === '{' ? '(' : ')')));
}

/**
 * A bar for reading `label` (`size` bytes, when known), worded in `lang`. Silent unless stderr is
 * a terminal and the file has at least {@link BYTE_PROGRESS_MIN} bytes (or its size is unknown).
 */
export async function startByteProgress(label: string, size: number | undefined, lang: Lang = 'vi'): Promise<ByteProgress> {
  if (!process.stderr.isTTY || (size !== undefined && size < BYTE_PROGRESS_MIN)) return SILENT;
  const bar = await startStderrBar(`${byteProgressLabel(label, lang)} [{bar}] {percentage}% {done}/{size} MB`);
  return {
    update(bytes, total) {
      const t = total ?? Math.max(bytes, 1);
      bar.update(bytes, t, { done: mb(bytes), size: mb(t) });
    },
    stop: () => bar.stop(),
  };
}
