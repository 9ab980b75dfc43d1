/**
 * Entry point of the `parindex` binary. A reader that stops early (`parindex score … | head -1`)
 * closes stdout: the run then ends quietly with exit 0, as Unix tools do, never with a stack trace.
 * A finished run exits at once (see below).
 */
import { main } from './program.js';

const isEpipe = (e: unknown) => (e as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';

process.stdout.on('error', (e) => {
  if (isEpipe(e)) process.exit(0);
  throw e;
});

main().then(
  (code) => {
    // Everything is written: exit now instead of waiting for Node to tear the heap down piece by
    // piece (~25 ms after a national round) — unless stdout or stderr still holds bytes for a pipe,
    // where writes are asynchronous: then the process ends once they are out.
    if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(code);
    process.exitCode = code;
  },
  (e) => {
    if (isEpipe(e)) process.exit(0);
    throw e;
  },
);
