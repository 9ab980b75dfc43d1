/**
 * Test helper: runs the CLI in-process (no build needed) and captures its exit code and output.
 * The language never comes from the machine running the tests: `env` stands for the environment
 * the CLI reads it from (`PARINDEX_LANG`, `LC_ALL`, `LC_MESSAGES`, `LANG`), English unless a test
 * gives another (or passes `--lang`).
 */
import { vi } from 'vitest';
import { main } from '../../src/cli/program.js';

/** Exit code, stdout and stderr of one CLI run. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The language environment of {@link runCli} unless a test gives its own: English. */
export const ENGLISH_ENV: Readonly<Record<string, string>> = { PARINDEX_LANG: 'en' };

/** Runs `parindex ...args` in this process, with `env` as the environment the language comes from. */
export async function runCli(args: string[], env: Readonly<Record<string, string | undefined>> = ENGLISH_ENV): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const capture = (sink: (s: string) => void) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      sink(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const cb = rest.find((r) => typeof r === 'function') as ((e?: Error) => void) | undefined;
      cb?.();
      return true;
    }) as typeof process.stdout.write;
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture((s) => (stdout += s)));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture((s) => (stderr += s)));
  try {
    const code = await main(['node', 'parindex', ...args], env);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
