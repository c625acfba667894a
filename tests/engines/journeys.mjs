// The core journeys, written once against a tiny driver interface so that
// the same steps run in Firefox ESR (puppeteer-core over WebDriver BiDi) and
// WebKitGTK (selenium-webdriver over WebKitWebDriver). Chromium runs the
// full Playwright suite (tests/e2e/); these are the journeys every engine
// must pass.
//
// The built page carries an inert pre-rendered copy of the programme
// (#prerender) until the app takes over: every step looks inside the app's
// own <main id="main">.
//
// A driver has: name, goto(url), reload(), back(), url(), evaluate(fn, ...args)
// (fn is a plain function, run in the page, its result returned), click(css),
// type(css, text), upload(css, path) (a file input), close().

import { resolve } from 'node:path';
import { changed, base as demo, MOVED, ADDED } from '../e2e/live-data.mjs';

const TIMEOUT_MS = 15_000;

/** Poll `fn` in the page until it returns a truthy value; fail with `what`. */
export async function waitFor(d, what, fn, ...args) {
  return waitWithin(TIMEOUT_MS, d, what, fn, ...args);
}

/** waitFor with a wait of its own. */
async function waitWithin(ms, d, what, fn, ...args) {
  const until = Date.now() + ms;
  let last;
  for (;;) {
    try {
      last = await d.evaluate(fn, ...args);
      if (last) return last;
    } catch (e) {
      last = e.message;
    }
    if (Date.now() > until) throw new Error(`${d.name}: timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A page function built here in Node from others' source: the page's CSP
 * forbids `eval` and `new Function` (WebKit applies it to injected scripts).
 */
function compose(template, ...parts) {
  const src = template.replace(/\$(\d)/g, (_, i) => `(${parts[Number(i)].toString()})`);
  return new Function(`return ${src}`)();
}

/** The app has taken over: the build-time copy of the page (#prerender, the
 * app's own markup, inert) is gone, so selectors find the live app's elements. */
const appReady = () => !document.getElementById('prerender');

/** Mark the element `find` returns (in the page) and click it natively. */
async function clickWhere(d, what, find, ...args) {
  await waitFor(d, 'the app (the built copy gone)', appReady);
  const mark = compose(
    `(...args) => {
      for (const el of document.querySelectorAll('[data-journey]')) el.removeAttribute('data-journey');
      const el = $0(...args);
      if (!el) return false;
      el.setAttribute('data-journey', 'target');
      el.scrollIntoView({ block: 'center' });
      return true;
    }`,
    find,
  );
  await waitFor(d, what, mark, ...args);
  await d.click('[data-journey="target"]');
}

const articles = () => document.querySelectorAll(':not(#prerender) > main#main article').length;
const star = (title) => {
  const article = [...document.querySelectorAll(':not(#prerender) > main#main article')].find(
    (a) => a.querySelector('h3')?.textContent.trim() === title,
  );
  return article?.querySelector('button.star') ?? null;
};
const starLabel = (title) => {
  const article = [...document.querySelectorAll(':not(#prerender) > main#main article')].find(
    (a) => a.querySelector('h3')?.textContent.trim() === title,
  );
  return article?.querySelector('button.star')?.getAttribute('aria-label') ?? null;
};

const KNEE = 'Knee Deep in Microservices';
const WTF_SHELL = 'WTF, My Container Just Spawned a Shell';

/** Each journey: a name and its steps. `base` is the app's origin, `server` its test server (tests/e2e/serve.mjs). */
export const journeys = [
  {
    name: 'the programme loads: the built page adopted, not drawn again',
    async run(d, base) {
      await d.goto(base + '/');
      await waitFor(d, 'the heading "Programme"', () => document.querySelector(':not(#prerender) > main#main h1')?.textContent === 'Programme');
      // The build's page became the app (#prerender → #app), one <main>, no second copy.
      await waitFor(d, 'the built page adopted', () => !!document.querySelector('#app > main#main') && document.querySelectorAll('main').length === 1);
      await waitFor(d, '28 sessions', () => document.querySelectorAll(':not(#prerender) > main#main article').length === 28);
      await waitFor(d, 'the page title', () => document.title === 'Programme · MesosCon Europe 2017');
    },
  },
  {
    name: 'search and filter live in the URL; Back restores',
    async run(d, base) {
      await d.goto(base + '/');
      await waitFor(d, 'the search box', () => !!document.querySelector(':not(#prerender) > main#main input[type=search]'));
      await waitFor(d, 'the app (the built copy gone)', appReady);
      await d.type('input[type=search]', 'security');
      await waitFor(d, '?q=security in the URL', () => location.search === '?q=security');
      const found = await waitFor(d, 'fewer sessions', () => {
        const n = document.querySelectorAll(':not(#prerender) > main#main article').length;
        return n > 0 && n < 28 && n;
      });
      await clickWhere(d, 'the "DevOps and Ops" checkbox', () => {
        const label = [...document.querySelectorAll(':not(#prerender) > main#main fieldset label')].find((l) => l.textContent.trim() === 'DevOps and Ops');
        return label?.querySelector('input') ?? (label && document.getElementById(label.htmlFor));
      });
      await waitFor(d, 'track=devops-and-ops in the URL', () => location.search.includes('track=devops-and-ops'));
      await d.back();
      await waitFor(d, 'Back to ?q=security', () => location.search === '?q=security');
      await waitFor(d, `${found} sessions again`, (n) => document.querySelectorAll(':not(#prerender) > main#main article').length === n, found);
      await waitFor(d, 'the search box keeps "security"', () => document.querySelector(':not(#prerender) > main#main input[type=search]').value === 'security');
    },
  },
  {
    name: 'a star survives a reload and shows in My agenda; unstar empties it',
    async run(d, base) {
      await d.goto(base + '/');
      await waitFor(d, 'sessions', articles);
      await d.evaluate(() => localStorage.clear());
      await d.reload();
      await clickWhere(d, `the star of "${KNEE}"`, star, KNEE);
      await waitFor(d, 'the star turns on', compose('(t) => $0(t)?.startsWith("Remove from agenda")', starLabel), KNEE);
      await waitFor(d, 'the agenda stored', () => (localStorage.getItem('schedule-viewer/agenda/mesoscon-eu-2017') ?? '').includes('thu-devops-knee-deep'));
      await d.reload();
      await waitFor(d, 'still starred after a reload', compose('(t) => $0(t)?.startsWith("Remove from agenda")', starLabel), KNEE);
      await d.goto(base + '/agenda');
      await waitFor(d, 'My agenda lists it', (t) => [...document.querySelectorAll(':not(#prerender) > main#main article h3')].map((h) => h.textContent.trim()).join('|') === t, KNEE);
      await clickWhere(d, 'the star in My agenda', star, KNEE);
      await waitFor(d, 'the empty hint', () => document.querySelector('.empty-hint') !== null && document.querySelectorAll(':not(#prerender) > main#main article').length === 0);
    },
  },
  {
    // Following (issue 31): a track's button, kept after a reload, listed in
    // My agenda, and the programme's "Only what I follow".
    name: 'a followed track is kept, listed in My agenda and filtered by',
    async run(d, base) {
      const key = 'schedule-viewer/agenda/mesoscon-eu-2017';
      const followLabel = () => document.querySelector(':not(#prerender) > main#main button.follow')?.getAttribute('aria-label') ?? null;
      await d.goto(base + '/track/users-and-ops');
      await waitFor(d, 'the track page', () => document.querySelector(':not(#prerender) > main#main h1')?.textContent === 'Users and Ops');
      await d.evaluate(() => localStorage.clear());
      await d.reload();
      await clickWhere(d, 'the Follow button', () => document.querySelector(':not(#prerender) > main#main button.follow'));
      await waitFor(d, 'the button says "Stop following"', compose('() => $0() === "Stop following the track Users and Ops"', followLabel));
      await waitFor(d, 'the follow stored', (k) => (localStorage.getItem(k) ?? '').includes('"track:users-and-ops"'), key);
      await d.reload();
      await waitFor(d, 'still followed after a reload', compose('() => $0() === "Stop following the track Users and Ops"', followLabel));
      await d.goto(base + '/agenda');
      await waitFor(d, 'My agenda lists it', () => document.querySelector(':not(#prerender) > main#main .followed-thing h3')?.textContent.trim() === 'Track: Users and Ops');
      await d.goto(base + '/?following=1');
      await waitFor(d, '"7 sessions"', () => document.querySelector(':not(#prerender) > main#main .result-count')?.textContent === '7 sessions');
      await d.evaluate(() => localStorage.clear());
    },
  },
  {
    // Your language (issue 30): the interface in German, chosen in the
    // settings (stored as the Settings menu stores it): words, dates,
    // <html lang>, and a star whose button speaks German.
    name: 'in German: the programme, a star, the timetable and now & next',
    async run(d, base) {
      await d.goto(base + '/');
      await waitFor(d, 'sessions', articles);
      await d.evaluate(() => {
        localStorage.clear();
        localStorage.setItem('schedule-viewer/settings', '{"lang":"de"}');
      });
      await d.reload();
      await waitFor(d, '<html lang="de">', () => document.documentElement.lang === 'de');
      await waitFor(d, 'the heading "Programm"', () => document.querySelector(':not(#prerender) > main#main h1')?.textContent === 'Programm');
      await waitFor(d, 'the page title', () => document.title === 'Programm · MesosCon Europe 2017');
      await clickWhere(d, `the star of "${KNEE}"`, star, KNEE);
      await waitFor(d, 'the star says "Nicht mehr merken"', compose('(t) => $0(t)?.startsWith("Nicht mehr merken")', starLabel), KNEE);
      await d.goto(base + '/timetable/2017-10-26');
      await waitFor(d, 'the heading', () => document.querySelector(':not(#prerender) > main#main h1')?.textContent === 'Zeitplan, Donnerstag, 26. Oktober 2017');
      await d.goto(base + '/now?now=2017-10-26T09:20:00Z');
      await waitFor(d, '"Es ist 11:20 Uhr …"', () => document.querySelector('.clock')?.textContent === 'Es ist 11:20 Uhr am Donnerstag, 26. Oktober 2017.');
      await d.evaluate(() => localStorage.clear());
    },
  },
  {
    name: 'the timetable',
    async run(d, base) {
      await d.goto(base + '/timetable/2017-10-26');
      await waitFor(d, 'the heading', () => document.querySelector(':not(#prerender) > main#main h1')?.textContent === 'Timetable, Thursday 26 October 2017');
      await waitFor(d, '16 blocks', () => document.querySelectorAll(':not(#prerender) > main#main article').length === 16);
      const rooms = await d.evaluate(() => [...document.querySelectorAll('.tt-room')].map((r) => r.textContent.trim()));
      if (rooms.join(',') !== 'Congress Hall,Club A,Club B,Club C,Club D,Foyer') throw new Error(`rooms: ${rooms}`);
    },
  },
  {
    name: 'now & next with ?now=',
    async run(d, base) {
      // 09:20 UTC is 11:20 in Prague.
      await d.goto(base + '/now?now=2017-10-26T09:20:00Z');
      await waitFor(d, '"It is 11:20 …"', () => document.querySelector('.clock')?.textContent === 'It is 11:20 on Thursday 26 October 2017.');
      await waitFor(d, 'one session on now', () => document.querySelectorAll('section[aria-labelledby="on-now"] article').length === 1);
      await waitFor(d, 'next at 11:50', () => document.getElementById('up-next')?.textContent === 'Next, at 11:50');
    },
  },
  {
    name: 'a session page',
    async run(d, base) {
      await d.goto(base + '/session/thu-devops-knee-deep');
      await waitFor(d, 'its title', (t) => document.querySelector(':not(#prerender) > main#main h1')?.textContent === t, KNEE);
      await waitFor(d, 'its time', () => document.querySelector('.facts time')?.textContent.includes('11:50–12:30'));
      await waitFor(d, 'the page title', (t) => document.title.startsWith(t), KNEE);
    },
  },
  {
    // Each of these views is a lazily loaded part (src/views/lazy.rs): its
    // module is fetched when it is first shown, so every engine loads each.
    name: 'the lazily loaded views: speakers, a speaker, a shared agenda, conferences',
    async run(d, base) {
      await d.goto(base + '/speakers');
      await waitFor(d, 'the heading "Speakers"', () => document.querySelector(':not(#prerender) > main#main h1')?.textContent === 'Speakers');
      await clickWhere(d, 'a speaker link', () => document.querySelector(':not(#prerender) > main#main a[href^="/speaker/"]'));
      await waitFor(d, 'a speaker page', () => location.pathname.startsWith('/speaker/') && !!document.querySelector(':not(#prerender) > main#main h1')?.textContent);
      await d.goto(base + '/agenda/shared#1;mesoscon-eu-2017;thu-devops-knee-deep,!fri-users-wtf-shell');
      await waitFor(d, 'the heading "Shared agenda"', () => document.querySelector(':not(#prerender) > main#main h1')?.textContent === 'Shared agenda');
      // Both, in the schedule's order (Thursday's, then Friday's), and nothing else.
      await waitFor(
        d,
        `its two sessions, "${KNEE}" and "${WTF_SHELL}"`,
        (t) => [...document.querySelectorAll(':not(#prerender) > main#main article h3')].map((h) => h.textContent.trim()).join('|') === t,
        `${KNEE}|${WTF_SHELL}`,
      );
      await d.goto(base + '/conferences');
      await waitFor(d, 'the heading "Conferences"', () => document.querySelector(':not(#prerender) > main#main h1')?.textContent === 'Conferences');
      await waitFor(d, 'the demo listed', () => document.querySelector(':not(#prerender) > main#main')?.textContent.includes('MesosCon Europe 2017'));
      // The settings (loaded when the menu is first opened) and the form to
      // open another schedule (when its section is first opened).
      await clickWhere(d, 'the Settings menu', () => document.querySelector('header details.settings > summary'));
      await waitFor(d, 'the time zone setting', () => !!document.getElementById('zone-setting'));
      await clickWhere(d, '"Open another conference\'s schedule"', () => document.querySelector(':not(#prerender) > main#main details.open-schedule > summary'));
      await waitFor(d, 'the schedule URL field', () => !!document.getElementById('schedule-url'));
      const failed = await d.evaluate(() => document.body.textContent.includes('could not be loaded'));
      if (failed) throw new Error(`${d.name}: a lazily loaded part could not be loaded`);
    },
  },
  {
    name: 'a Sessionize file read in the zone ?tz= names',
    async run(d, base) {
      // 13:10 UTC is 09:10 in New York on 28 March 2020: the talk at 09:00 is on.
      const file = encodeURIComponent('/test-data/sessionize-orlando-codecamp-2020.json');
      await d.goto(`${base}/?schedule=${file}&tz=America/New_York&now=2020-03-28T13:10:00Z`);
      await waitFor(d, '"99 sessions"', () => document.querySelector('.result-count')?.textContent === '99 sessions');
      await waitFor(d, 'the zone named', () => document.querySelector('.zone-prompt')?.textContent.includes('America/New_York'));
      const talk = () => {
        const a = [...document.querySelectorAll(':not(#prerender) > main#main article')].find((x) => x.querySelector('h3')?.textContent.trim() === 'Elite DevOps using Kubernetes');
        return a ? [a.querySelector('.session-time')?.textContent.trim(), !!a.querySelector('.live-badge.now')] : null;
      };
      const [time, on] = await waitFor(d, 'the talk', talk);
      if (!time.includes('09:00–09:45') || !on) throw new Error(`${d.name}: the talk shows ${time}, on now: ${on}`);
      await d.evaluate(() => localStorage.clear());
    },
  },
  {
    // Live during the conference (tests/e2e/live.spec.ts has the rest): the
    // file changes on the server while the page is open; "Check now" takes
    // it in place, an unchanged file is a 304, a server error keeps the schedule.
    name: 'a schedule that changes while the page is open',
    async run(d, base, server) {
      const path = '/live/journey.json';
      server.answer(path, { body: JSON.stringify(demo()) });
      const checks = () => server.requests.filter((r) => r.path === path && r.ifNoneMatch);
      try {
        await d.goto(`${base}/?schedule=${path}`);
        await waitFor(d, '28 sessions', () => document.querySelectorAll(':not(#prerender) > main#main article').length === 28);
        await clickWhere(d, `the star of "${MOVED.title}"`, star, MOVED.title);
        await waitFor(d, 'the star turns on', compose('(t) => $0(t)?.startsWith("Remove from agenda")', starLabel), MOVED.title);
        // Enabled: it waits while a check is under way (the server may have
        // sent its answer before the page has taken it).
        const checkNow = () => [...document.querySelectorAll('footer button')].find((b) => b.textContent.trim() === 'Check now' && !b.disabled);
        server.answer(path, { body: JSON.stringify(changed()) });
        await clickWhere(d, '"Check now"', checkNow);
        await waitFor(d, 'the notice "… 3 changes, 1 in your agenda"', () =>
          /^Schedule updated at \d\d:\d\d — 3 changes, 1 in your agenda$/.test(document.querySelector('.live-update button')?.textContent.trim() ?? ''),
        );
        await waitFor(d, 'the added session', (t) => [...document.querySelectorAll(':not(#prerender) > main#main article h3')].some((h) => h.textContent.trim() === t), ADDED.title);
        await waitFor(d, 'still 28 sessions', () => document.querySelectorAll(':not(#prerender) > main#main article').length === 28);
        await waitFor(d, 'still starred', compose('(t) => $0(t)?.startsWith("Remove from agenda")', starLabel), MOVED.title);
        await waitFor(d, 'the moved session marked', (t) => {
          const a = [...document.querySelectorAll(':not(#prerender) > main#main article')].find((x) => x.querySelector('h3')?.textContent.trim() === t);
          return a?.querySelector('.changed-badge') && a.querySelector('.session-time')?.textContent.includes('17:00–17:40');
        }, MOVED.title);
        await waitFor(d, 'the agenda kept', (id) => (localStorage.getItem('schedule-viewer/agenda/mesoscon-eu-2017') ?? '').includes(id), MOVED.id);
        // Nothing new: a conditional request, answered 304.
        const before = checks().length;
        await clickWhere(d, '"Check now" again', checkNow);
        const until = Date.now() + TIMEOUT_MS;
        while (!checks().slice(before).some((r) => r.status === 304)) {
          if (Date.now() > until) throw new Error(`${d.name}: no conditional request answered 304 (${JSON.stringify(checks())})`);
          await new Promise((r) => setTimeout(r, 100));
        }
        server.answer(path, { status: 500 });
        await clickWhere(d, '"Check now" after a server error', checkNow);
        await waitFor(d, 'the server error named, the schedule kept', () =>
          document.body.textContent.includes('(the server answered 500); the schedule shown is kept.') &&
          document.querySelectorAll(':not(#prerender) > main#main article').length === 28,
        );
      } finally {
        server.answer(path, null);
        // Back to the demo for the journeys after this one.
        await d.evaluate(() => localStorage.clear());
      }
    },
  },
  {
    // The form and the reading of the file are lazily loaded parts.
    name: 'a schedule file picked from the disk',
    async run(d, base) {
      await d.goto(base + '/');
      await waitFor(d, 'sessions', articles);
      await clickWhere(d, '"Open another conference\'s schedule"', () => document.querySelector(':not(#prerender) > main#main details.open-schedule > summary'));
      await waitFor(d, 'the file input', () => !!document.querySelector('#schedule-file'));
      await d.upload('#schedule-file', resolve('tests/data/rc3-channels-schedule.json'));
      await waitFor(d, '"48 sessions"', () => document.querySelector(':not(#prerender) > main#main .result-count')?.textContent === '48 sessions');
      await waitFor(d, 'the file named', () => document.body.textContent.includes('Showing rc3-channels-schedule.json (a local file).'));
      // Back to the demo for the journeys after this one.
      await d.evaluate(() => localStorage.clear());
    },
  },
  {
    name: '?schedule= opens a frab file',
    async run(d, base) {
      await d.goto(base + '/?schedule=/test-data/camp2019-frab-schedule.json');
      await waitFor(d, '"79 sessions"', () => document.querySelector('.result-count')?.textContent === '79 sessions');
      // Back to the demo for the journeys after this one.
      await d.evaluate(() => localStorage.clear());
    },
  },
];

/** What the page knows of its service worker, for a failure's message. */
async function workerState() {
  const reg = await navigator.serviceWorker.getRegistration();
  const state = (w) => w?.state ?? 'none';
  const names = await caches.keys().catch((e) => [`caches: ${e.message}`]);
  return JSON.stringify({
    registered: !!reg,
    installing: state(reg?.installing),
    waiting: state(reg?.waiting),
    active: state(reg?.active),
    caches: names,
  });
}

/**
 * Offline after one visit. The app promises this in every engine, so an
 * engine where the service worker is missing or never takes control fails
 * here: it is not skipped.
 */
export async function offlineJourney(d, base, stopServer) {
  await d.goto(base + '/');
  await waitFor(d, 'sessions', articles);
  const supported = await d.evaluate(() => 'serviceWorker' in navigator);
  if (!supported) throw new Error(`${d.name}: no service worker API in this engine, so no offline reload`);
  // (WebKitGTK under Xvfb may take more than the usual wait to install a
  // worker that precaches the whole shell.) A worker that activated after
  // this page loaded controls the next one: one reload before giving up.
  const controlled = () => navigator.serviceWorker.controller !== null;
  try {
    await waitWithin(30_000, d, 'the service worker to control the page', controlled);
  } catch {
    await d.reload();
    await waitFor(d, 'sessions after a reload', articles);
    try {
      await waitWithin(30_000, d, 'the service worker to control the page', controlled);
    } catch (e) {
      throw new Error(`${e.message}; the worker: ${await d.evaluate(workerState).catch((x) => x.message)}`);
    }
  }
  await stopServer();
  await d.reload();
  await waitFor(d, '28 sessions from the cache, offline', () => document.querySelectorAll(':not(#prerender) > main#main article').length === 28);
  await waitFor(d, 'the offline notice', () => (document.querySelector('.notice.offline')?.textContent ?? '').startsWith('Offline'));
}
