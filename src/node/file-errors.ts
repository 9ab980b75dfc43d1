/** The located error for a file that cannot be read (missing, a folder, no permission). */
import { ParIndexError } from '../errors.js';

/** Turns a missing or unreadable file into a located error. */
export function fileReadError(path: string, e: unknown): ParIndexError {
  const code = (e as NodeJS.ErrnoException).code;
  return new ParIndexError({
    file: path,
    code: code === 'ENOENT' ? 'file-not-found' : 'unreadable-file',
    message: code === 'ENOENT' ? 'the file does not exist' : `the file cannot be read (${code ?? (e as Error).message})`,
    expected: 'a readable file',
  });
}
