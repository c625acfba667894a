// Live during the conference: a schedule that changes on the server while the
// page is open reaches it in place. Each test runs its own server
// (tests/e2e/serve.mjs) whose answer for /schedule.json (or a ?schedule= file)
// the test changes, and counts the requests it sees. Time is the page's
// clock (page.clock), installed just before the conference's afternoon and
// then paused: checks happen only when the test moves the clock.
import { test, expect, type Page } from '@playwright/test';
// @ts-ignore: plain ES module
import { serve } from './serve.mjs';
// @ts-ignore: plain ES module
import { base as demo, changed, MOVED, CANCELLED, ADDED as NEW } from './live-data.mjs';
import { ProgrammePage, collectErrors, seedStorage, recordNotifications, notes, LAST_SEEN, lastSeenSnapshot } from './fixtures';

const base = demo();
const WTF = MOVED.title;
const AUTOSCALER = CANCELLED.title;
const ADDED = NEW.title;
// A card the update leaves alone (its title from the data: a card is named by its whole title).
const HMH: string = base.sessions.find((s: any) => s.id === 'fri-users-hmh').title;

const at = (t: string) => new Date(`2017-10-26T${t}+02:00`);

/** A server of dist/ whose /schedule.json is `schedule` until the test says otherwise. */
async function liveServer(schedule = base) {
  const server = await serve('dist', 0);
  server.answer('/schedule.json', { body: JSON.stringify(schedule) });
  return server;
}

/**
 * The page's checks of `path` since `settled`: conditional requests (the
 * service worker's install and the browser's own revalidation come before).
 */
function checksOf(server: any, path = '/schedule.json'): any[] {
  return server.requests
    .slice(server.settledAt ?? 0)
    .filter((r: any) => r.path === path && (r.ifNoneMatch || r.ifModifiedSince));
}

/** Wait until the page is loaded and the service worker controls it; count checks from here. */
async function settled(page: Page, server: any) {
  await expect(page.locator('main#main h1')).toBeVisible();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  server.settledAt = server.requests.length;
}

/**
 * Timer ids as a browser gives them. Playwright's clock numbers its timers
 * from 10^12, but a timer id is a WebIDL `long` (32 bits), and that is what
 * the app's handles (web_sys, i32) keep: the clock's ids come back truncated,
 * `clearInterval` and `clearTimeout` clear nothing, and timers the app has
 * stopped (the load's 1-second "still waiting" ticker, a replaced check)
 * keep running under the test's clock — hours of it mean thousands of
 * callbacks, each costing a real turn of the task queue. Small ids, mapped
 * to the clock's own, make the fake clock behave as a browser does.
 */
function browserTimerIds() {
  const w = window as any;
  const clockIds = new Map<number, unknown>();
  let next = 1;
  for (const [set, clear] of [
    ['setTimeout', 'clearTimeout'],
    ['setInterval', 'clearInterval'],
  ]) {
    const schedule = w[set];
    const cancel = w[clear];
    w[set] = (...args: unknown[]) => {
      const id = next++;
      clockIds.set(id, schedule(...args));
      return id;
    };
    w[clear] = (id: number) => {
      cancel(clockIds.get(id) ?? id);
      clockIds.delete(id);
    };
  }
}

/** Open `url` with the page's clock at `opened`, then pause it at `paused` (checks follow the test's clock only). */
async function openAt(page: Page, server: any, url: string, opened: Date, paused: Date) {
  await page.clock.install({ time: opened });
  await page.addInitScript(browserTimerIds);
  const p = new ProgrammePage(page);
  await page.goto(url);
  await settled(page, server);
  await page.clock.pauseAt(paused);
  return p;
}

/** Open `url` at 13:59 and pause the clock at 14:00: the next check is planned for about 14:04. */
const openAt1400 = (page: Page, server: any, url: string) => openAt(page, server, url, at('13:59:00'), at('14:00:00'));

// The check runs when the clock passes its time; its result is stamped when
// the answer arrives, at most a few milliseconds of page time earlier than
// where the test stopped the clock.
const UPDATED = (rest: string) => new RegExp(`^Schedule updated at 14:0[45] — ${rest}$`);

const parses = (page: Page) =>
  page.evaluate(() => Number(document.documentElement.dataset.scheduleParses ?? 0));

test('a newer schedule is taken in place: moved, cancelled and added, then a 304 costs no parse', async ({ page }) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 375, height: 667 });
  await seedStorage(page, 'schedule-viewer/settings', JSON.stringify({ reminders: true }));
  await recordNotifications(page);
  const server = await liveServer();
  try {
    const p = await openAt1400(page, server, `${server.url}/?day=2017-10-27`);
    await expect(p.sessions).toHaveCount(12);
    await p.star(WTF).click();
    await p.star(AUTOSCALER).click();
    await expect(p.star(AUTOSCALER)).toHaveAccessibleName(/^Remove from agenda/);
    // Where the user is: scrolled so that HMH's card is at the top, its star focused.
    const hmh = p.session(HMH);
    await hmh.evaluate((el) => {
      (el as any).__kept = true;
      el.scrollIntoView({ block: 'start' });
    });
    await p.star(HMH).focus();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    // Where HMH's card is on the screen: notices that appear above it must not
    // push it away (the update notice is a toast; the browser's scroll
    // anchoring keeps the card in place when the changes panel opens above).
    const y = async () => (await hmh.boundingBox())!.y;
    const y0 = await y();
    const parsedBefore = await parses(page);

    server.answer('/schedule.json', { body: JSON.stringify(changed()) });
    await page.clock.runFor('05:00');

    const notice = page.getByRole('button', { name: UPDATED('3 changes, 2 in your agenda') });
    await expect(notice).toBeVisible();
    // The check was conditional, and the server had something new.
    expect(checksOf(server).map((r) => r.status)).toEqual([200]);
    expect(await parses(page)).toBe(parsedBefore + 1);
    // Nothing the user had moved: the filters, the scroll, the focus, the
    // unchanged card (the same element), the stars and the stored agenda.
    await expect(page).toHaveURL(/\/\?day=2017-10-27$/);
    await expect(page.getByRole('region', { name: /changes since you last looked$/ })).toBeVisible();
    expect(Math.abs((await y()) - y0)).toBeLessThanOrEqual(1);
    expect(await hmh.evaluate((el) => (el as any).__kept)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Add to agenda: ${HMH}`);
    await expect(p.sessions).toHaveCount(12);
    await expect(p.session(AUTOSCALER)).toHaveCount(0);
    await expect(p.session(ADDED)).toBeVisible();
    await expect(p.star(WTF)).toHaveAccessibleName(/^Remove from agenda/);
    await expect(p.session(WTF)).toContainText('17:00–17:40');
    await expect(p.session(WTF)).toContainText('Club B');
    // The marks: changed cards say so, unchanged ones do not.
    await expect(p.session(WTF).getByText('Changed', { exact: true })).toBeVisible();
    await expect(p.session(ADDED).getByText('Changed', { exact: true })).toBeVisible();
    await expect(hmh.getByText('Changed', { exact: true })).toHaveCount(0);
    const stored = await p.storedAgenda();
    expect(Object.keys(stored.entries).sort()).toEqual(['fri-users-autoscaler', 'fri-users-wtf-shell']);
    // Reminders are on: the two starred sessions that moved or went are notified.
    expect(await notes(page)).toEqual([
      { title: `Moved: “${WTF}”`, body: 'Now Fri 27 Oct 17:00, Club B (was Fri 27 Oct 14:30, Club A)' },
      { title: `Cancelled: “${AUTOSCALER}”`, body: 'Was Fri 27 Oct 15:20, Club A. It is kept in your agenda, marked as cancelled.' },
    ]);

    // The notice leads to the changes panel.
    await notice.click();
    const panel = page.getByRole('region', { name: '3 changes since you last looked' });
    await expect(page.locator('#changes-heading')).toBeFocused();
    await expect(panel.getByRole('listitem')).toHaveText([
      `★ Moved: “${WTF}”, now Fri 27 Oct 17:00, Club B (was Fri 27 Oct 14:30, Club A)`,
      `★ Cancelled: “${AUTOSCALER}” (was Fri 27 Oct 15:20, Club A)`,
      `New: “${ADDED}”, Fri 27 Oct 17:00, Club C`,
    ]);

    // Then nothing changes: the next check is conditional, the server answers
    // 304, and the page parses nothing.
    await page.clock.runFor('05:00');
    await expect.poll(() => checksOf(server).map((r) => r.status)).toEqual([200, 304]);
    await expect(page.getByRole('contentinfo')).toContainText(/Checked 14:(09|10)/);
    expect(await parses(page)).toBe(parsedBefore + 1);

    // My agenda keeps the cancelled session, as after a reload.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /My agenda/ }).click();
    const missing = page.getByRole('region', { name: 'No longer in the schedule' });
    await expect(missing).toContainText(AUTOSCALER);
    expect(errors).toEqual([]);
  } finally {
    await server.close();
  }
});

test('with the last-seen copy lost from storage, what changed on screen is still marked, and kept', async ({ page }) => {
  const errors = collectErrors(page);
  const server = await liveServer();
  const stored = async () => (await lastSeenSnapshot(page)) !== null;
  try {
    const p = await openAt1400(page, server, `${server.url}/?day=2017-10-27`);
    // The first visit's copy is written, then lost (a storage that was
    // cleared or evicted while the page stayed open).
    await expect.poll(stored).toBe(true);
    await page.evaluate(async ({ cache, key }) => (await caches.open(cache)).delete(key), LAST_SEEN);
    expect(await stored()).toBe(false);

    server.answer('/schedule.json', { body: JSON.stringify(changed()) });
    await page.clock.runFor('05:00');
    await expect(page.getByRole('button', { name: UPDATED('3 changes') })).toBeVisible();
    // The schedule that was on screen counts as seen: the moved and the added session are marked.
    await expect(p.session(WTF).getByText('Changed', { exact: true })).toBeVisible();
    await expect(p.session(ADDED).getByText('Changed', { exact: true })).toBeVisible();
    await expect(p.session(HMH).getByText('Changed', { exact: true })).toHaveCount(0);
    // And it is the last seen from now on: a reload marks them still.
    await expect.poll(stored).toBe(true);
    await page.reload();
    await expect(p.session(WTF).getByText('Changed', { exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: '3 changes since you last looked' })).toBeVisible();
    expect(errors).toEqual([]);
  } finally {
    await server.close();
  }
});

test('the open session page follows the update and keeps focus', async ({ page }) => {
  const server = await liveServer();
  try {
    await openAt1400(page, server, `${server.url}/session/${MOVED.id}`);
    await expect(page.locator('main#main h1')).toHaveText(WTF);
    await expect(page.locator('main#main .facts time').first()).toContainText('14:30–15:10');
    const star = page.locator('main#main').getByRole('button', { name: `Add to agenda: ${WTF}` });
    await star.focus();
    server.answer('/schedule.json', { body: JSON.stringify(changed()) });
    await page.clock.runFor('05:00');
    await expect(page.getByRole('button', { name: UPDATED('3 changes') })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/session/${MOVED.id}$`));
    await expect(page.locator('main#main .facts time').first()).toContainText('17:00–17:40');
    // The page was built again from the new schedule; focus is back on its star.
    await expect(page.locator('main#main').getByRole('button', { name: `Add to agenda: ${WTF}` })).toBeFocused();
  } finally {
    await server.close();
  }
});

test('a server error and a broken file keep the schedule, with a message', async ({ page }) => {
  const server = await liveServer();
  try {
    const p = await openAt1400(page, server, `${server.url}/`);
    await expect(p.sessions).toHaveCount(28);
    const footer = page.getByRole('contentinfo');
    await expect(footer).toContainText('Schedule: MesosCon Europe 2017 (the demo schedule).');

    server.answer('/schedule.json', { status: 500 });
    await footer.getByRole('button', { name: 'Check now' }).click();
    await expect(
      page.getByText('The last check for a newer schedule failed (the server answered 500); the schedule shown is kept.'),
    ).toBeVisible();
    await expect(p.sessions).toHaveCount(28);

    server.answer('/schedule.json', { body: '{"version": 1, "conference": {' });
    await footer.getByRole('button', { name: 'Check now' }).click();
    await expect(page.getByText(/^The newer schedule file could not be read \(.+\); the schedule shown is kept\.$/)).toBeVisible();
    await expect(p.sessions).toHaveCount(28);
    await expect(page.getByText(/^Schedule updated/)).toHaveCount(0);

    // Fixed on the server: the message goes, the schedule is the same.
    server.answer('/schedule.json', { body: JSON.stringify(base) });
    await footer.getByRole('button', { name: 'Check now' }).click();
    await expect(page.getByText(/the schedule shown is kept/)).toHaveCount(0);
    await expect(p.sessions).toHaveCount(28);
  } finally {
    await server.close();
  }
});

test('an hour of the conference costs at most 12 checks; hourly before it, none after', async ({ page }) => {
  const server = await liveServer();
  try {
    await openAt1400(page, server, `${server.url}/`);
    const checkNow = page.getByRole('contentinfo').getByRole('button', { name: 'Check now' });
    for (let i = 1; i <= 12; i++) {
      await page.clock.runFor('05:00');
      await expect.poll(() => checksOf(server).length).toBe(i);
      // The page plans its next check from the answer: the clock moves on
      // only once the page has it ("Check now" waits while a check is under way).
      await expect(checkNow).toBeEnabled();
    }
    // 15:00: a little more time brings no extra check before the next 5 minutes.
    await page.clock.runFor('03:00');
    expect(checksOf(server).length).toBe(12);
    // Every check in that hour was conditional and cost no download.
    expect(new Set(checksOf(server).map((r) => r.status))).toEqual(new Set([304]));
    // The page becoming visible again checks at once.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await expect.poll(() => checksOf(server).length).toBe(13);
  } finally {
    await server.close();
  }
});

test('before the conference the page checks hourly', async ({ page }) => {
  const server = await liveServer();
  try {
    await openAt(page, server, `${server.url}/`, new Date('2017-10-25T11:59:00+02:00'), new Date('2017-10-25T12:00:00+02:00'));
    await page.clock.runFor('58:00');
    expect(checksOf(server).length).toBe(0);
    await page.clock.runFor('02:00');
    await expect.poll(() => checksOf(server).length).toBe(1);
  } finally {
    await server.close();
  }
});

test('after the conference the page never checks by itself', async ({ page }) => {
  const server = await liveServer();
  try {
    await openAt(page, server, `${server.url}/`, new Date('2017-10-28T10:00:00+02:00'), new Date('2017-10-28T10:01:00+02:00'));
    await page.clock.runFor('03:00:00');
    expect(checksOf(server).length).toBe(0);
    // "Check now" still asks.
    await page.getByRole('contentinfo').getByRole('button', { name: 'Check now' }).click();
    await expect.poll(() => checksOf(server).map((r) => r.status)).toEqual([304]);
  } finally {
    await server.close();
  }
});

test('a conference opened with ?schedule= is checked too', async ({ page }) => {
  const server = await liveServer();
  server.answer('/live/other.json', { body: JSON.stringify(base) });
  try {
    const p = await openAt1400(page, server, `${server.url}/?schedule=/live/other.json`);
    await expect(p.sessions).toHaveCount(28);
    server.answer('/live/other.json', { body: JSON.stringify(changed()) });
    await page.clock.runFor('05:00');
    await expect(page.getByRole('button', { name: UPDATED('3 changes') })).toBeVisible();
    await expect(p.session(ADDED)).toBeVisible();
    expect(checksOf(server, '/live/other.json').map((r) => r.status)).toEqual([200]);
  } finally {
    await server.close();
  }
});

test('offline: says since when and as of when, then checks again when the network returns', async ({ page }) => {
  const server = await liveServer();
  try {
    const p = await openAt1400(page, server, `${server.url}/`);
    await expect(p.sessions).toHaveCount(28);
    // The network fails: the server closes the connection unanswered (the
    // service worker then answers with its saved copy, marked offline).
    server.answer('/schedule.json', { drop: true });
    await page.clock.runFor('05:00');
    // As of the last answer from the server: the load, at 13:59.
    await expect(page.getByText(/^Offline since 14:0[45] — schedule as of 13:59\.$/)).toBeVisible();
    await expect(p.sessions).toHaveCount(28);
    // Back-off: the next check is 10 minutes later, not 5.
    const asked = server.requests.filter((r: any) => r.path === '/schedule.json').length;
    await page.clock.runFor('05:00');
    expect(server.requests.filter((r: any) => r.path === '/schedule.json').length).toBe(asked);
    // The network returns with a newer file: the `online` event checks at once.
    server.answer('/schedule.json', { body: JSON.stringify(changed()) });
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect(page.getByRole('button', { name: /^Schedule updated at 14:1[01] — 3 changes$/ })).toBeVisible();
    await expect(page.getByText(/^Offline since/)).toHaveCount(0);
  } finally {
    await server.close();
  }
});
