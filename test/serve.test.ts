/**
 * `parindex serve`: the page's folder on 127.0.0.1 only — the server (src/node/serve.ts) on a
 * temporary folder, then the built binary (`dist/cli.js serve --port 0 --root DIR`, the hidden
 * `--root` standing for dist/web/): its address printed, files with their types and headers, the
 * Host check, GET/HEAD only, no traversal, no listings, a port in use, SIGTERM. Every request goes to
 * the loopback address and every wait is bounded.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParIndexError } from '../src/errors.js';
import { CONTENT_SECURITY_POLICY, type RunningServer, resolveRequestPath, startServer } from '../src/node/serve.js';
import { runCli } from './support/cli.js';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const base = mkdtempSync(join(tmpdir(), 'parindex-serve-'));
const web = join(base, 'web');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as UTF-8 text. */
  body: string;
  /** The body's bytes. */
  bytes: Buffer;
}

/** One request to 127.0.0.1:port with the raw path and Host given (bounded: 5 s). */
function get(port: number, path: string, opts: { method?: string; host?: string | null } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (opts.host !== null) headers.Host = opts.host ?? `127.0.0.1:${port}`;
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers, setHost: false, timeout: 5000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: bytes.toString('utf8'), bytes });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`timeout on ${path}`)));
    req.on('error', reject);
    req.end();
  });
}

beforeAll(() => {
  mkdirSync(join(web, 'assets'), { recursive: true });
  mkdirSync(join(web, 'sub'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Trang hội đồng</title>');
  writeFileSync(join(web, 'assets', 'index-4f2a.js'), 'console.log(1)');
  writeFileSync(join(web, 'assets', 'index-4f2a.css'), 'body{}');
  writeFileSync(join(web, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(web, 'engine.wasm'), new Uint8Array([0, 0x61, 0x73, 0x6d]));
  writeFileSync(join(web, 'data.json'), '{"a":1}');
  writeFileSync(join(web, 'icon.png'), PNG);
  writeFileSync(join(web, 'sub', 'index.html'), 'sub');
  writeFileSync(join(web, '.env'), 'SECRET=1');
  writeFileSync(join(base, 'secret.txt'), 'outside the root');
  symlinkSync(join(base, 'secret.txt'), join(web, 'link.txt'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('the server (src/node/serve.ts)', () => {
  let s: RunningServer;
  beforeAll(async () => {
    s = await startServer({ root: web, port: 0 });
  });
  afterAll(() => s.close());

  it('listens on 127.0.0.1 at a free port and names the address', () => {
    expect(s.url).toBe(`http://127.0.0.1:${s.port}/`);
    expect(s.port).toBeGreaterThan(0);
    expect(s.server.address()).toMatchObject({ address: '127.0.0.1', port: s.port });
  });

  it('serves each file with its type, nosniff, the CSP and a cache policy', async () => {
    const cases: [string, string, string][] = [
      ['/', 'text/html; charset=utf-8', '<!doctype html><title>Trang h'],
      ['/assets/index-4f2a.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
      ['/assets/index-4f2a.css', 'text/css; charset=utf-8', 'body{}'],
      ['/logo.svg', 'image/svg+xml', '<svg'],
      ['/engine.wasm', 'application/wasm', '\u0000asm'],
      ['/data.json', 'application/json; charset=utf-8', '{"a":1}'],
      ['/icon.png', 'image/png', '\u0089PNG'],
      ['/index.html?v=2#top', 'text/html; charset=utf-8', '<!doctype'],
    ];
    for (const [path, type, start] of cases) {
      const r = await get(s.port, path);
      expect(r.status, path).toBe(200);
      expect(r.headers['content-type'], path).toBe(type);
      expect(r.bytes.toString('latin1').startsWith(start), path).toBe(true);
      expect(r.headers['x-content-type-options'], path).toBe('nosniff');
      expect(r.headers['content-security-policy'], path).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers['cache-control'], path).toBe(path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    }
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).toContain("worker-src 'self' blob:");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it('HEAD gives the headers and no body', async () => {
    const r = await get(s.port, '/data.json', { method: 'HEAD' });
    expect(r).toMatchObject({ status: 200, body: '' });
    expect(r.headers['content-length']).toBe('7');
  });

  it('refuses any Host but 127.0.0.1, localhost and [::1] at its port (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${s.port}`, '127.0.0.1', `127.0.0.1:${s.port + 1}`, `localhost.evil.example:${s.port}`, `127.0.0.2:${s.port}`]) {
      const r = await get(s.port, '/', { host });
      expect(r.status, host).toBe(421);
      expect(r.body, host).not.toContain('Trang hội đồng');
    }
    // No Host at all: node:http itself refuses an HTTP/1.1 request without one.
    expect((await get(s.port, '/', { host: null })).status).toBe(400);
    for (const host of [`localhost:${s.port}`, `LOCALHOST:${s.port}`, `[::1]:${s.port}`]) expect((await get(s.port, '/', { host })).status, host).toBe(200);
  });

  it('GET and HEAD only: POST, PUT, DELETE, OPTIONS are 405 with Allow', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
      const r = await get(s.port, '/', { method });
      expect(r.status, method).toBe(405);
      expect(r.headers.allow).toBe('GET, HEAD');
    }
  });

  it('never a file outside the folder: .., encoded dots and slashes, backslashes, NUL, links', async () => {
    const refused: [string, number][] = [
      ['/../secret.txt', 400],
      ['/assets/../../secret.txt', 400],
      ['/%2e%2e/secret.txt', 400],
      ['/%2E%2E/%2e%2e/secret.txt', 400],
      ['/assets/..%2f..%2fsecret.txt', 400],
      ['/..%5csecret.txt', 400],
      ['/index.html%00.png', 400],
      ['/%E0%A4%A', 400],
      ['/./index.html', 400],
      ['http://127.0.0.1/index.html', 400],
      ['//etc/passwd', 400],
      ['/link.txt', 404],
      ['/.env', 404],
      ['/nothing.js', 404],
    ];
    for (const [path, status] of refused) {
      const r = await get(s.port, path);
      expect(r.status, path).toBe(status);
      expect(r.body, path).not.toContain('outside the root');
      expect(r.headers['x-content-type-options'], path).toBe('nosniff');
    }
    expect(resolveRequestPath('/srv/web', '/a\\..\\..\\b')).toBe(400);
    expect(resolveRequestPath('/srv/web', '/a/b.js')).toBe(join('/srv/web', 'a', 'b.js'));
  });

  it('no listings: a folder other than / is 404', async () => {
    for (const path of ['/sub', '/sub/', '/assets/', '/assets']) expect((await get(s.port, path)).status, path).toBe(404);
    expect((await get(s.port, '/sub/index.html')).body).toBe('sub');
  });

  it('a port in use and a folder without the page are located errors', async () => {
    await expect(startServer({ root: web, port: s.port })).rejects.toMatchObject({ issues: [{ code: 'port-in-use', value: String(s.port) }] });
    const e = await startServer({ root: join(base, 'nope'), port: 0 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ParIndexError);
    expect((e as ParIndexError).issues[0]).toMatchObject({ code: 'no-web-build' });
  });
});

describe('parindex serve (the built binary)', () => {
  const children: ChildProcess[] = [];
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
  });
  afterAll(() => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });

  /** Starts `parindex serve …`; resolves with the child, its output so far and how it ends. */
  function serve(args: string[], env: Record<string, string> = {}) {
    const child = spawn(process.execPath, [CLI, 'serve', ...args], { env: { ...process.env, PARINDEX_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    const out = { stdout: '', stderr: '' };
    child.stdout!.on('data', (c: Buffer) => (out.stdout += c.toString('utf8')));
    child.stderr!.on('data', (c: Buffer) => (out.stderr += c.toString('utf8')));
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const printed = async (pattern: RegExp) => {
      for (let i = 0; i < 200 && !pattern.test(out.stdout) && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 50));
      return pattern.exec(out.stdout);
    };
    return { child, out, exit, printed };
  }

  it('prints the address (Vietnamese first), serves the folder, and stops cleanly on SIGTERM with exit 0', async () => {
    const run = serve(['--port', '0', '--root', web]);
    const m = await run.printed(/Mở trang: http:\/\/127\.0\.0\.1:(\d+)\/\n/);
    expect(m, run.out.stderr).not.toBeNull();
    expect(run.out.stdout).toContain('Nhấn Ctrl+C để dừng.');
    const port = Number(m![1]);
    const r = await get(port, '/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('Trang hội đồng');
    expect((await get(port, '/', { host: `evil.example:${port}` })).status).toBe(421);
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    expect(run.out.stdout).toContain('Đã dừng.');
    // The port is free again.
    await expect(get(port, '/')).rejects.toThrow();
  }, 20_000);

  it('without --root it serves the built page, dist/web/ beside dist/cli.js', async (ctx) => {
    if (!existsSync(join(ROOT, 'dist', 'web', 'index.html'))) ctx.skip();
    const run = serve(['--port', '0']);
    const m = await run.printed(/Mở trang: http:\/\/127\.0\.0\.1:(\d+)\/\n/);
    expect(m, run.out.stderr).not.toBeNull();
    const r = await get(Number(m![1]), '/');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.body).toMatch(/<script type="module"[^>]* src="\/?(\.\/)?assets\/[^"]+\.js"/);
    // The page's own <meta> policy applies too: the header's must allow every source it allows.
    const meta = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(r.body)?.[1];
    const directives = (csp: string) =>
      new Map(
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .filter((d) => d[0])
          .map(([k, ...v]) => [k, v]),
      );
    const header = directives(CONTENT_SECURITY_POLICY);
    for (const [name, sources] of meta ? directives(meta) : []) {
      const allowed = header.get(name) ?? header.get('default-src')!;
      expect(
        sources.filter((x) => !allowed.includes(x)),
        name,
      ).toEqual([]);
    }
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
  }, 20_000);

  it('Ctrl-C (SIGINT) too; --lang en speaks English', async () => {
    const run = serve(['--port', '0', '--root', web, '--lang', 'en']);
    expect(await run.printed(/Open the page: http:\/\/127\.0\.0\.1:\d+\/\n/)).not.toBeNull();
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(0);
  }, 20_000);

  it('a port in use is exit 1 with a clear message', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = serve(['--port', String(port), '--root', web]);
      expect(await run.exit).toBe(1);
      expect(run.out.stderr).toContain(`cổng ${port} đang được dùng`);
      expect(run.out.stderr).toContain('[port-in-use]');
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  }, 20_000);

  it('without the built page: exit 1, saying to run npm run build', async () => {
    const run = serve(['--port', '0', '--root', join(base, 'missing')]);
    expect(await run.exit).toBe(1);
    expect(run.out.stderr).toContain('npm run build');
    expect(run.out.stderr).toContain('[no-web-build]');
  }, 20_000);
});

describe('parindex serve: usage', () => {
  it('--port takes a whole number from 0 to 65535 (usage error, exit 2)', async () => {
    for (const port of ['abc', '70000', '-1']) {
      const r = await runCli(['serve', '--port', port]);
      expect(r.code, port).toBe(2);
    }
  });

  it('its help, Vietnamese by default', async () => {
    const vi = await runCli(['serve', '--help'], {});
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain('mở trang cho hội đồng trên máy này');
    expect(vi.stdout).toContain('--port');
    expect(vi.stdout).not.toContain('--root');
    const en = await runCli(['serve', '--help']);
    expect(en.stdout).toContain('open the council page on this computer');
  });
});
