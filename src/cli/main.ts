/**
 * Entry point of the `parindex` binary. A reader that stops early (`parindex score … | head -1`)
 * closes stdout: the run then ends quietly with exit 0, as Unix tools do, never with a stack trace.
 */
import { main } from './program.js';

const isEpipe = (e: unknown) => (e as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';

process.stdout.on('error', (e) => {
  if (isEpipe(e)) process.exit(0);
  throw e;
});

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    if (isEpipe(e)) process.exit(0);
    throw e;
  },
);
