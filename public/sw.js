// schedule-viewer service worker. The build (scripts/post-build.mjs) fills in
// VERSION and PRECACHE from the hashed files of dist/.
//
// Shell (html, js, wasm, css, icons): cache-first, from a cache named by the
// build's version; old versions are deleted on activate. A new worker waits
// until the page asks it to take over ("New version available — Reload"), so
// old and new assets are never mixed.
// Schedules (*.json): network-first. With a copy cached, the network gets
// NETWORK_TIMEOUT_MS before the copy answers (marked with when it was
// fetched, so the page can say so); a late response still replaces the copy.
// With nothing cached, the page waits for the network however slow it is.
// Remote schedules kept: the MAX_SCHEDULES most recently fetched.
const VERSION = '__VERSION__';
const PRECACHE = ['__PRECACHE__'];
const SHELL_CACHE = `shell-${VERSION}`;
const DATA_CACHE = 'schedule-data-v1';
const NETWORK_TIMEOUT_MS = 3000;
const MAX_SCHEDULES = 8;

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

// The previous version's shell is kept (one, the newest): a tab still running
// it loads its lazily loaded parts, which it may not have opened yet, from
// there (their names carry their content's hash, so no cache answers wrongly).
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => {
        const oldShells = keys.filter((k) => k.startsWith('shell-') && k !== SHELL_CACHE);
        const previous = oldShells.at(-1);
        return Promise.all(
          keys
            .filter((k) => k !== SHELL_CACHE && k !== previous && k !== DATA_CACHE && (k.startsWith('shell-') || k.startsWith('schedule-data-')))
            .map((k) => caches.delete(k)),
        );
      })
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
    event.respondWith(networkFirst(event, request));
    return;
  }
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // History routing: every app path is the same shell.
    event.respondWith(caches.match('/index.html', { cacheName: SHELL_CACHE }).then((r) => r || fetch(request)));
    return;
  }
  // Any shell cache: this version's, or the previous one for a tab still running it.
  event.respondWith(
    caches
      .match(request, { cacheName: SHELL_CACHE })
      .then((r) => r || caches.match(request))
      .then((r) => r || fetch(request)),
  );
});

async function networkFirst(event, request) {
  const cache = await caches.open(DATA_CACHE);
  const cached = await cache.match(request.url);
  const network = fetch(request).then(async (response) => {
    if (response.ok) {
      await cache.put(request.url, await stamped(response));
      await trimSchedules(cache);
    }
    return response;
  });
  // Keep the worker alive until a late response is cached.
  event.waitUntil(network.catch(() => undefined));
  if (!cached) return network;
  try {
    return await withTimeout(network, NETWORK_TIMEOUT_MS);
  } catch {
    const headers = new Headers(cached.headers);
    headers.set('x-sw-offline', '1');
    return new Response(await cached.arrayBuffer(), { status: 200, headers });
  }
}

// Bounded: the most recently fetched schedules are kept, the built-in one always.
async function trimSchedules(cache) {
  const requests = await cache.keys();
  const dated = await Promise.all(
    requests.map(async (r) => {
      const response = await cache.match(r);
      return { r, at: response?.headers.get('x-sw-fetched-at') ?? '' };
    }),
  );
  const own = new URL('/schedule.json', self.location.origin).href;
  const others = dated.filter((d) => d.r.url !== own).sort((a, b) => (a.at < b.at ? 1 : -1));
  await Promise.all(others.slice(MAX_SCHEDULES).map((d) => cache.delete(d.r)));
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
