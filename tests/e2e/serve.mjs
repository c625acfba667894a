// A minimal static server for the built app: serves a directory (dist/) on
// 127.0.0.1 and answers unknown paths with index.html (history routing), as a
// real static host must be configured to.
//   CLI:    node tests/e2e/serve.mjs [dir] [port]
//   module: const server = await serve(dir, 0, { brotli }); server.url; await server.close();
// With `brotli`, a file's `.br` copy is served (content-encoding: br) when accepted.
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

export function serve(dir, port = 0, { brotli: useBrotli = false } = {}) {
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
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {}
    return null;
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    // `/slow/<ms>/<path>` answers <path> after <ms> milliseconds (a slow network).
    const slow = url.pathname.match(/^\/slow\/(\d+)(\/.*)$/);
    if (slow) {
      await new Promise((r) => setTimeout(r, Number(slow[1])));
      url.pathname = slow[2];
    }
    let file = url.pathname.startsWith('/test-data/')
      ? await fileIn(testData, url.pathname.slice('/test-data'.length))
      : await fileFor(url.pathname);
    // Paths without a file extension are app routes: serve the shell.
    if (!file && !extname(url.pathname)) file = join(root, 'index.html');
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
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
    res.writeHead(200, headers);
    res.end(body);
  });
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolvePromise) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolvePromise({
        url: `http://127.0.0.1:${actual}`,
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
  const dir = process.argv[2] ?? 'dist';
  const port = Number(process.argv[3] ?? process.env.PORT ?? 8080);
  serve(dir, port).then((server) => console.log(`serving ${resolve(dir)} on ${server.url}`));
}
