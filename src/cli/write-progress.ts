/**
 * A progress bar while a long output is written (the results workbook, its audit CSV), counted in
 * units written, on stderr — only when stderr is a terminal and `CI` is not set, so pipes, logs,
 * CI runs and tests stay silent. Drawn by the shared {@link startStderrBar}.
 */
import { cliWords } from '../i18n/labels/cli.js';
import type { Lang } from '../i18n/lang.js';
import { startStderrBar } from '../node/read-progress.js';

/** A progress indicator fed with units written. */
export interface WriteProgress {
  /** `done` units of `total` written. */
  update(done: number, total: number): void;
  /** Removes the bar. */
  stop(): void;
}

const SILENT: WriteProgress = { update() {}, stop() {} };

/** Whether a bar is shown: stderr is a terminal and the environment is not CI. */
export function showsWriteProgress(env: Readonly<Record<string, string | undefined>> = process.env, isTTY = Boolean(process.stderr.isTTY)): boolean {
  return isTTY && !env.CI;
}

/**
 * A bar for writing `label` (a file name), worded in `lang`: `đang ghi ketqua.xlsx [████░░] 40% |
 * 4000/10063 đơn vị`. Silent unless {@link showsWriteProgress}.
 */
export async function startWriteProgress(label: string, lang: Lang): Promise<WriteProgress> {
  if (!showsWriteProgress()) return SILENT;
  const words = cliWords[lang];
  const safe = label.replace(/[{}]/g, (c) => (c === '{' ? '(' : ')'));
  const bar = await startStderrBar(`${words.writing(safe)} [{bar}] {percentage}% | {done}/{all} ${words.units}`);
  return {
    update: (done, total) => bar.update(done, total, { done, all: total }),
    stop: () => bar.stop(),
  };
}
