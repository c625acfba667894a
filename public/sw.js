// schedule-viewer service worker. The build (scripts/post-build.mjs) fills in
// VERSION and PRECACHE from the hashed files of dist/.
//
// Pages (navigations): network first, the cached shell offline (page() below).
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
// The path the app is deployed under ("/", "/mesoscon/2017/"): the worker's own
// folder. Caches are named by it: deployments side by side on one host
// (GitHub Pages project sites) never delete or trim each other's.
const BASE = new URL('./', self.location).pathname;
const SCOPE = BASE === '/' ? '' : BASE;
const SHELL_PREFIX = `shell-${SCOPE}`;
const SHELL_CACHE = `${SHELL_PREFIX}${VERSION}`;
const DATA_CACHE = `schedule-data-v1${SCOPE}`;
const NETWORK_TIMEOUT_MS = 3000;
const MAX_SCHEDULES = 8;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      // One more try for a request dropped on the way (a venue's Wi-Fi):
      // a failed install waits for the next visit.
      const fill = async () => {
        const shell = await caches.open(SHELL_CACHE);
        await shell.addAll(PRECACHE);
        return shell;
      };
      const shell = await fill().catch(fill);
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
        const ours = (k) => k.startsWith(SHELL_PREFIX) && /^[0-9a-f]{16}$/.test(k.slice(SHELL_PREFIX.length));
        const oldShells = keys.filter((k) => ours(k) && k !== SHELL_CACHE);
        const previous = oldShells.at(-1);
        return Promise.all(keys.filter((k) => ours(k) && k !== SHELL_CACHE && k !== previous).map((k) => caches.delete(k)));
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
  if (url.origin === self.location.origin && url.pathname.startsWith(`${BASE}lang/`)) {
    event.respondWith(language(event, request));
    return;
  }
  if (url.pathname.endsWith('.json')) {
    event.respondWith(networkFirst(event, request));
    return;
  }
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(event, request));
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

// A page (every route is a built page or the app's shell): network first, so
// a link opens the page as published now; offline, or with no answer within
// NETWORK_TIMEOUT_MS, the shell, which draws every route itself. Built pages
// are not cached: a schedule of thousands of sessions is not downloaded whole.
async function page(event, request) {
  const network = fetch(request);
  event.waitUntil(network.catch(() => undefined));
  try {
    const response = await withTimeout(network, NETWORK_TIMEOUT_MS);
    // A folder's path answered with a redirect to its slash (GitHub Pages,
    // nginx): the browser follows it.
    if (response.ok || response.status === 404 || response.type === 'opaqueredirect') return response;
  } catch {
    // Offline or too slow: the shell below.
  }
  const shell = await caches.match(`${BASE}index.html`, { cacheName: SHELL_CACHE });
  return shell || (await caches.match(`${BASE}index.html`)) || network;
}

// The interface's words in the visitor's language (lang/<code>.json): only
// the visitor's is fetched, once per version of the app, then kept with
// the shell, so the app speaks it offline too.
async function language(event, request) {
  const shell = await caches.open(SHELL_CACHE);
  const kept = await shell.match(request);
  if (kept) return kept;
  try {
    const response = await fetch(request);
    if (response.ok) event.waitUntil(shell.put(request, response.clone()));
    return response;
  } catch {
    // Offline after an update: the previous version's words.
    return (await caches.match(request)) || Response.error();
  }
}

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
  const own = new URL(`${BASE}schedule.json`, self.location.origin).href;
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
