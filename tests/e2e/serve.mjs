// A minimal static server for the built app: serves a directory (dist/) on
// 127.0.0.1 and answers unknown paths with index.html (history routing), as a
// real static host must be configured to.
//   CLI:    node tests/e2e/serve.mjs [dir] [port] [--base /path/ --no-rewrites]
//   module: const server = await serve(dir, 0, { brotli, base, rewrites }); server.url; await server.close();
// A folder's index.html answers its path (`/session/x` → session/x/index.html).
// With `base`, the folder is served under that path and nothing else is;
// with `rewrites: false` (a host like GitHub Pages) unknown paths are answered
// 404 with the folder's 404.html, and a folder's path without its trailing
// slash is redirected (301) to the path with it.
// With `brotli`, a file's `.br` copy is served (content-encoding: br) when accepted.
// Every file carries an ETag and a Last-Modified, and a conditional request
// for an unchanged file is answered 304 with no body, as a real static host does.
// For the live tests (a schedule that changes while the page is open):
//   server.answer(path, { body, status, drop } | null): answer `path` with this
//   body (an ETag of its content, Last-Modified of when it was set) or status,
//   or with `drop` close the connection unanswered (a network failure),
//   instead of the file; null goes back to the file.
//   server.requests: every request seen, { path, ifNoneMatch, ifModifiedSince, status }.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ics': 'text/calendar; charset=utf-8',
};

// `/test-data/…` serves tests/data/ (schedules for the interop tests).
const testData = resolve('tests/data');

export function serve(dir, port = 0, { brotli: useBrotli = false, base = '/', rewrites = true } = {}) {
  const root = resolve(dir);
  const fileFor = (urlPath) => fileIn(root, urlPath);
  const fileIn = async (root, urlPath) => {
    let clean;
    try {
      clean = normalize(decodeURIComponent(urlPath));
    } catch {
      return null;
    }
    const candidate = join(root, clean);
    if (!candidate.startsWith(root)) return null;
    try {
      const found = await stat(candidate);
      if (found.isFile()) return candidate;
      if (found.isDirectory() && (await stat(join(candidate, 'index.html'))).isFile()) {
        return urlPath.endsWith('/') || rewrites ? join(candidate, 'index.html') : { redirect: `${urlPath}/` };
      }
    } catch {}
    return null;
  };
  const answers = new Map();
  const requests = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const seen = {
      path: url.pathname,
      ifNoneMatch: req.headers['if-none-match'] ?? null,
      ifModifiedSince: req.headers['if-modified-since'] ?? null,
      status: 0,
    };
    requests.push(seen);
    const send = (status, headers, body) => {
      seen.status = status;
      res.writeHead(status, headers);
      res.end(body);
    };
    const answer = answers.get(url.pathname);
    if (answer?.drop) {
      seen.status = -1;
      req.socket.destroy();
      return;
    }
    if (answer) {
      const headers = { 'content-type': types['.json'], 'cache-control': 'no-cache' };
      if (answer.status !== 200) return send(answer.status, headers, answer.body ?? 'error');
      return sendFile(req, send, headers, Buffer.from(answer.body), answer.modified);
    }
    // `/slow/<ms>/<path>` answers <path> after <ms> milliseconds (a slow network).
    const slow = url.pathname.match(/^\/slow\/(\d+)(\/.*)$/);
    if (slow) {
      await new Promise((r) => setTimeout(r, Number(slow[1])));
      url.pathname = slow[2];
    }
    const inBase = url.pathname.startsWith(base) || `${url.pathname}/` === base;
    const local = inBase ? `/${url.pathname.slice(base.length)}` : null;
    let file = url.pathname.startsWith('/test-data/')
      ? await fileIn(testData, url.pathname.slice('/test-data'.length))
      : local === null
        ? null
        : await fileFor(local);
    if (file?.redirect) return send(301, { location: `${base}${file.redirect.slice(1)}` }, '');
    // Paths without a file extension are app routes: serve the shell.
    if (!file && rewrites && local !== null && !extname(url.pathname)) file = join(root, 'index.html');
    if (!file && !rewrites) {
      const page = await readFile(join(root, '404.html')).catch(() => 'not found');
      return send(404, { 'content-type': types['.html'], 'cache-control': 'no-cache' }, page);
    }
    if (!file) return send(404, { 'content-type': 'text/plain' }, 'not found');
    // A pre-compressed copy (`.br` beside the file, as the build writes them)
    // when the browser accepts brotli, as a real static host would serve it.
    const headers = {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      vary: 'accept-encoding',
    };
    let body;
    if (useBrotli && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
      try {
        body = await readFile(`${file}.br`);
        headers['content-encoding'] = 'br';
      } catch {}
    }
    body ??= await readFile(file);
    return sendFile(req, send, headers, body, (await stat(file)).mtime);
  });
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // ETag of the bytes sent; 304 when the request names it (or, without
  // If-None-Match, when If-Modified-Since is not older than the file).
  const sendFile = (req, send, headers, body, modified) => {
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    const lastModified = new Date(Math.floor(modified.getTime() / 1000) * 1000);
    headers = { ...headers, etag, 'last-modified': lastModified.toUTCString() };
    const inm = req.headers['if-none-match'];
    const ims = Date.parse(req.headers['if-modified-since'] ?? '');
    const unchanged = inm
      ? inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)
      : !Number.isNaN(ims) && ims >= lastModified.getTime();
    if (unchanged) return send(304, headers, undefined);
    return send(200, headers, body);
  };
  return new Promise((resolvePromise) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolvePromise({
        url: `http://127.0.0.1:${actual}`,
        requests,
        answer: (path, a) => {
          if (a === null) answers.delete(path);
          else answers.set(path, { status: a.status ?? 200, body: a.body, drop: !!a.drop, modified: new Date() });
        },
        close: () =>
          new Promise((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const flag = (name) => {
    const i = args.indexOf(name);
    return i < 0 ? undefined : args.splice(i, name === '--base' ? 2 : 1)[1] ?? true;
  };
  const base = flag('--base') ?? '/';
  const rewrites = flag('--no-rewrites') === undefined;
  const dir = args[0] ?? 'dist';
  const port = Number(args[1] ?? process.env.PORT ?? 8080);
  serve(dir, port, { base, rewrites }).then((server) =>
    console.log(`serving ${resolve(dir)} on ${server.url}${base}${rewrites ? '' : ' (no rewrites)'}`),
  );
}
