// schedule-viewer service worker. The build (scripts/post-build.mjs) fills in
// VERSION and PRECACHE from the hashed files of dist/.
//
// Shell (html, js, wasm, css, icons): cache-first, from a cache named by the
// build's version; old versions are deleted on activate. A new worker waits
// until the page asks it to take over ("New version available — Reload"), so
// old and new assets are never mixed.
// Schedules (*.json): network-first with a short timeout; the last good copy
// is the fallback, marked with when it was fetched so the page can say so.
const VERSION = '__VERSION__';
const PRECACHE = ['__PRECACHE__'];
const SHELL_CACHE = `shell-${VERSION}`;
const DATA_CACHE = 'schedule-data-v1';
const NETWORK_TIMEOUT_MS = 3000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL_CACHE);
      await shell.addAll(PRECACHE);
      // The schedules fetched with this build are the first offline copies.
      const data = await caches.open(DATA_CACHE);
      for (const path of PRECACHE.filter((p) => p.endsWith('.json'))) {
        const url = new URL(path, self.location.origin).href;
        if (await data.match(url)) continue;
        const copy = await shell.match(path);
        if (copy) await data.put(url, await stamped(copy));
      }
    })(),
  );
});

async function stamped(response) {
  const headers = new Headers(response.headers);
  headers.set('x-sw-fetched-at', new Date().toISOString());
  return new Response(await response.clone().arrayBuffer(), { status: 200, headers });
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('shell-') && k !== SHELL_CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.pathname.endsWith('.json') && url.pathname !== '/manifest.webmanifest') {
    event.respondWith(networkFirst(request));
    return;
  }
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // History routing: every app path is the same shell.
    event.respondWith(caches.match('/index.html', { cacheName: SHELL_CACHE }).then((r) => r || fetch(request)));
    return;
  }
  event.respondWith(caches.match(request, { cacheName: SHELL_CACHE }).then((r) => r || fetch(request)));
});

async function networkFirst(request) {
  const cache = await caches.open(DATA_CACHE);
  try {
    const response = await withTimeout(fetch(request), NETWORK_TIMEOUT_MS);
    if (response.ok) await cache.put(request.url, await stamped(response));
    return response;
  } catch (error) {
    const cached = await cache.match(request.url);
    if (!cached) throw error;
    const headers = new Headers(cached.headers);
    headers.set('x-sw-offline', '1');
    return new Response(await cached.arrayBuffer(), { status: 200, headers });
  }
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
