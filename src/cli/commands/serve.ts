/**
 * `parindex serve [--port N]`: the council page (built by `npm run build` into `dist/web/`, next to
 * `dist/cli.js`) served on 127.0.0.1 only, until Ctrl-C or SIGTERM (then exit 0). The server and its
 * guards (Host check against DNS rebinding, no listings, no path traversal, GET/HEAD only) are
 * `src/node/serve.ts`.
 *
 * The hidden option `--root DIR` serves another folder instead of the built page: the tests run the
 * built binary on a temporary folder with it (test/serve.test.ts).
 */
import { fileURLToPath } from 'node:url';
import { Option, type Command } from 'commander';
import type { Lang } from '../../i18n/lang.js';
import { cliWords } from '../../i18n/labels/cli.js';
import { startServer } from '../../node/serve.js';
import { intOption } from '../options.js';

/** The default port (the page's address stays the same from one day to the next). */
export const DEFAULT_PORT = 5177;

/** CLI options of `serve`. */
export interface ServeCliOptions {
  port: number;
  root?: string;
  lang: Lang;
}

/** The built page: `web/` beside the built `cli.js` (`dist/web/`). */
function builtPage(): string {
  return fileURLToPath(new URL('./web/', import.meta.url));
}

/** Serves the page until SIGINT or SIGTERM, then closes the server (the run ends with exit 0). */
export async function runServe(o: ServeCliOptions): Promise<void> {
  const w = cliWords[o.lang];
  const running = await startServer({ root: o.root ?? builtPage(), port: o.port });
  process.stdout.write(`${w.serving(running.url)}\n${w.serveStop}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      running.close().then(() => {
        process.stdout.write(`${w.serveStopped}\n`);
        resolve();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Registers serve. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('open the council page on this computer (127.0.0.1 only): choose files, check, score and download the results in the browser; the data never leaves the machine')
    .option('--port <port>', "the page's port (0 = any free port)", intOption('--port', 0, 65535), DEFAULT_PORT)
    .addOption(new Option('--root <dir>', 'serve this folder instead of the built page (for tests)').hideHelp())
    .action((o: ServeCliOptions) => runServe(o));
}
