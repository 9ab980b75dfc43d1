/** The located error for a file that cannot be read (missing, a folder, no permission). */
import { ParIndexError, problem } from '../errors.js';

/** Turns a missing or unreadable file into a located error. */
export function fileReadError(path: string, e: unknown): ParIndexError {
  const code = (e as NodeJS.ErrnoException).code;
  return new ParIndexError({ file: path, ...(code === 'ENOENT' ? problem('file-not-found') : problem('unreadable-file', { detail: code ?? (e as Error).message })) });
}
