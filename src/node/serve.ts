/**
 * A small static file server for the council page (`parindex serve`): the built page in
 * `dist/web/`, on the loopback interface only. node:http, no framework. What it guards against:
 *
 * - **DNS rebinding**: a request whose `Host` is not `127.0.0.1:PORT`, `localhost:PORT` or
 *   `[::1]:PORT` is refused (421), so a web page on another name that resolves to 127.0.0.1 cannot
 *   read the page or its files.
 * - **Leaving the folder**: `..` or `.` segments (also percent-encoded), backslashes, NUL, encoded
 *   slashes and malformed escapes are refused (400); a file is served only when its real path (links
 *   followed) is inside the real root; names starting with `.` are never served (404).
 * - **Listings**: a folder other than `/` is 404 (`/` serves `index.html`).
 * - **Methods**: GET and HEAD only (405 with `Allow`).
 *
 * Every answer carries `X-Content-Type-Options: nosniff`, a Content-Security-Policy allowing only
 * the page's own origin for scripts (see {@link CONTENT_SECURITY_POLICY}),
 * `Referrer-Policy: no-referrer` and no framing; `Cache-Control` is `no-cache` for the page and
 * one year, immutable, for Vite's content-hashed `assets/`.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, sep } from 'node:path';
import { ParIndexError, problem } from '../errors.js';

/** Options of {@link startServer}. */
export interface ServeOptions {
  /** The folder served (the built page). */
  root: string;
  /** The port; 0 = any free port. */
  port: number;
  /** The loopback address listened on (default `127.0.0.1`). */
  host?: '127.0.0.1' | '::1';
}

/** A running server. */
export interface RunningServer {
  /** The page's address, e.g. `http://127.0.0.1:5177/`. */
  url: string;
  /** The port listened on. */
  port: number;
  /** The node:http server. */
  server: Server;
  /** Stops listening and ends every open connection. */
  close(): Promise<void>;
}

/** Content types by extension. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Only the page's own origin: scripts, pictures, fonts and fetches from itself. Besides: inline
 * style attributes (the page's components set them), `blob:`/`data:` fetches, frames and pictures
 * (files chosen by the person, previews of the HTML report made in the page), `blob:` workers (Vite
 * can inline a worker as a blob). No inline or foreign script, no plugins, no `<base>`, no forms
 * posted anywhere, never framed by another site. The page's own `<meta>` policy applies as well (a
 * browser enforces both), so this one must allow at least what the page's allows.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' blob: data:",
  "frame-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Short plain-text bodies of refusals (Vietnamese first, then English). */
const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Yêu cầu không hợp lệ / Bad request',
  404: 'Không có trang này / Not found',
  405: 'Chỉ nhận GET và HEAD / Only GET and HEAD',
  421: 'Địa chỉ không được phép: hãy mở trang bằng địa chỉ parindex serve in ra / Misdirected request: open the address parindex serve prints',
  500: 'Lỗi máy chủ / Server error',
};

/** The hosts a request may name for a server on `port`. */
function allowedHosts(port: number): Set<string> {
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  // A browser leaves the default port out of the Host header.
  return new Set([...names.map((n) => `${n}:${port}`), ...(port === 80 ? names : [])]);
}

/**
 * The file path a request path names inside `root` (not yet checked against links), or the status
 * to answer: 400 for a path that tries to leave the root or cannot be decoded, 404 for hidden names.
 */
export function resolveRequestPath(root: string, url: string): string | 400 | 404 {
  if (!url.startsWith('/') || url.startsWith('//')) return 400;
  const raw = url.split(/[?#]/, 1)[0];
  if (/\\|\0|%00|%5c|%2f/i.test(raw)) return 400;
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return 400;
  }
  if (/[\\\0]/.test(path)) return 400;
  const segments = path.split('/').slice(1);
  if (segments.some((s) => s === '..' || s === '.')) return 400;
  if (path === '/') return join(root, 'index.html');
  // A folder path (trailing slash) other than the root, an empty segment, or a hidden name.
  if (segments.some((s) => s === '' || s.startsWith('.'))) return 404;
  return join(root, ...segments);
}

function refuse(res: ServerResponse, status: number, head: boolean, extra: Record<string, string> = {}): void {
  const body = `${STATUS_TEXT[status] ?? String(status)}\n`;
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store', ...extra });
  res.end(head ? undefined : body);
}

async function handle(req: IncomingMessage, res: ServerResponse, realRoot: string, hosts: ReadonlySet<string>): Promise<void> {
  const head = req.method === 'HEAD';
  const host = (req.headers.host ?? '').toLowerCase();
  if (!hosts.has(host)) return refuse(res, 421, head);
  if (req.method !== 'GET' && !head) return refuse(res, 405, false, { Allow: 'GET, HEAD' });
  const path = resolveRequestPath(realRoot, req.url ?? '');
  if (typeof path === 'number') return refuse(res, path, head);
  let real: string;
  let size: number;
  try {
    real = await realpath(path);
    const s = await stat(real);
    if (!s.isFile()) return refuse(res, 404, head);
    size = s.size;
  } catch {
    return refuse(res, 404, head);
  }
  // A link pointing out of the folder is not served.
  if (!real.startsWith(realRoot + sep)) return refuse(res, 404, head);
  const ext = extname(real).toLowerCase();
  const immutable = (req.url ?? '').startsWith('/assets/');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    'Content-Length': size,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (head) {
    res.end();
    return;
  }
  const stream = createReadStream(real);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/**
 * Serves `root` on a loopback address. Resolves once listening; a port in use is a located
 * `port-in-use` error, a missing root `no-web-build`.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  let realRoot: string;
  try {
    realRoot = await realpath(options.root);
    if (!(await stat(join(realRoot, 'index.html'))).isFile()) throw new Error('no index.html');
  } catch {
    throw new ParIndexError({ file: options.root, ...problem('no-web-build'), value: options.root });
  }
  const server = createServer();
  // Bounded: slow or huge requests are cut off, idle connections closed.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.keepAliveTimeout = 5_000;
  server.maxHeadersCount = 100;
  server.maxRequestsPerSocket = 1000;
  let hosts = allowedHosts(options.port);
  server.on('request', (req, res) => {
    handle(req, res, realRoot, hosts).catch(() => {
      if (!res.headersSent) refuse(res, 500, req.method === 'HEAD');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    const fail = (e: NodeJS.ErrnoException) => {
      server.off('listening', ok);
      reject(
        e.code === 'EADDRINUSE' || e.code === 'EACCES'
          ? new ParIndexError({ ...(e.code === 'EADDRINUSE' ? problem('port-in-use', { port: options.port }) : problem('port-in-use/denied', { port: options.port })), value: String(options.port) })
          : e,
      );
    };
    const ok = () => {
      server.off('error', fail);
      resolve();
    };
    server.once('error', fail);
    server.once('listening', ok);
    server.listen({ port: options.port, host, exclusive: true });
  });
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(port);
  const url = `http://${host === '::1' ? '[::1]' : host}:${port}/`;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closing;
  };
  return { url, port, server, close };
}
