// "No wrong answer": the clock in the conference's zone, ids that survive
// the URL, the organisers' room order, share links of any conference, and a
// slow first load that waits instead of failing.
import { test, expect } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { ProgrammePage, seedStorage, openSettings, decodeQr } from './fixtures';

// 09:20 UTC is 11:20 in Prague (UTC+02:00 on 26 October 2017).
const THU_0920Z = encodeURIComponent('2017-10-26T09:20:00Z');

test.describe('the clock in the conference zone', () => {
  test.use({ timezoneId: 'America/New_York' });

  test('a UTC clock is shown in Prague time; "Mine" shows the viewer\'s', async ({ page }) => {
    await page.goto(`/now?now=${THU_0920Z}`);
    await expect(page.getByText('It is 11:20 on Thursday 26 October 2017.')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Next, at 11:50' })).toBeVisible();
    await page.goto(`/timetable/2017-10-26?now=${THU_0920Z}`);
    await expect(page.getByRole('note', { name: 'Now, 11:20' })).toBeAttached();
    await openSettings(page);
    await page.getByLabel('Time zone').selectOption({ label: 'Mine' });
    await expect(page.getByRole('note', { name: 'Now, 05:20' })).toBeAttached();
    await page.goto(`/now?now=${THU_0920Z}`);
    await expect(page.getByText('It is 05:20 on Thursday 26 October 2017.')).toBeVisible();
  });
});

test.describe('schedules served by the test', () => {
  // page.route() must see every schedule fetch, so no service worker in between.
  test.use({ serviceWorkers: 'block' });

  test('a session in another offset shows in the conference zone; rooms keep the organisers\' order', async ({ page }) => {
    await page.route('**/schedule.json', (route) =>
      route.fulfill({
        json: {
          version: 1,
          conference: { id: 'ams', title: 'Amsterdam Conf', time_zone: 'Europe/Amsterdam' },
          rooms: [
            { id: 'main', name: 'Main Hall' },
            { id: 'a', name: 'Annex' },
          ],
          sessions: [
            { id: 'local', title: 'Local talk', start: '2020-02-01T16:00:00+01:00', end: '2020-02-01T17:00:00+01:00', room: 'a' },
            { id: 'remote', title: 'Remote talk', start: '2020-02-01T10:30:00-05:00', end: '2020-02-01T11:00:00-05:00', room: 'main' },
          ],
        },
      }),
    );
    const p = new ProgrammePage(page);
    await p.goto();
    await expect(p.session('Remote talk')).toContainText('16:30–17:00');
    // Parallel sessions in the organisers' room order: Main Hall first.
    await expect(p.titles).toHaveText(['Local talk', 'Remote talk']);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/timetable/2020-02-01');
    await expect(page.locator('.tt-room')).toHaveText(['Main Hall', 'Annex']);
    await page.goto('/session/local');
    await expect(page.getByRole('region', { name: 'At the same time' })).toContainText('Remote talk · 16:30–17:00 · Main Hall');
  });

  test('a track id with a comma, a slash and an accent survives ?track=, reload and Back', async ({ page }) => {
    await page.route('**/schedule.json', (route) =>
      route.fulfill({
        json: {
          version: 1,
          conference: { id: 'odd', title: 'Odd ids' },
          tracks: [
            { id: 'ops, infra/é', name: 'Ops and infra' },
            { id: 'dev', name: 'Dev' },
          ],
          sessions: [
            { id: 'a b#1', title: 'In ops', start: '2020-02-01T10:00:00+01:00', end: '2020-02-01T11:00:00+01:00', track: 'ops, infra/é' },
            { id: 'c?d%2', title: 'In dev', start: '2020-02-01T11:00:00+01:00', end: '2020-02-01T12:00:00+01:00', track: 'dev' },
          ],
        },
      }),
    );
    const p = new ProgrammePage(page);
    await p.goto();
    await p.track('Ops and infra').check();
    await expect(page).toHaveURL(/\?track=ops%2C%20infra%2F%C3%A9$/);
    await expect(p.titles).toHaveText(['In ops']);
    await page.reload();
    await expect(p.track('Ops and infra')).toBeChecked();
    await expect(p.titles).toHaveText(['In ops']);
    await expect(page.getByText(/No track/)).toHaveCount(0);
    // Ids with #, ? and % open their own pages.
    await p.session('In ops').getByRole('link', { name: 'In ops' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('In ops');
    await page.goBack();
    await expect(p.titles).toHaveText(['In ops']);
    await page.goto('/?track=dev');
    await p.session('In dev').getByRole('link', { name: 'In dev' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('In dev');
  });
});

test('a share link of a conference opened with ?schedule= opens that conference in a fresh browser', async ({ page, browser }) => {
  const p = new ProgrammePage(page);
  await p.goto('/?schedule=/test-data/camp2019-frab-schedule.json');
  const first = p.titles.nth(0);
  const second = p.titles.nth(3);
  const titles = [await first.textContent(), await second.textContent()];
  await p.sessions.nth(0).getByRole('button', { name: /^Add to agenda/ }).click();
  await p.sessions.nth(3).getByRole('button', { name: /^Add to agenda/ }).click();
  await page.getByRole('link', { name: /^My agenda/ }).click();
  const link = await page.getByLabel('Share link').inputValue();
  expect(link).toContain('/agenda/shared?schedule=%2Ftest-data%2Fcamp2019-frab-schedule.json#2;');
  const other = await browser.newContext();
  const visitor = new ProgrammePage(await other.newPage());
  await visitor.goto(link);
  await expect(visitor.page.getByRole('heading', { level: 1 })).toHaveText('Shared agenda');
  await expect(visitor.titles).toHaveText(titles as string[]);
  await other.close();
});

test.describe('39C3: 100 shared sessions with guid ids', () => {
  test.use({ bypassCSP: true });
  const file = '../shared/schedules/39c3-schedule.json';

  test('fit one QR code that decodes to a link opening them in a fresh browser', async ({ page, browser }) => {
    if (!existsSync(file)) {
      expect(process.env.CI, `${file} is missing`).not.toBe('true');
      test.skip(true, `SKIPPED: ${file} is absent`);
    }
    test.setTimeout(90_000);
    const body = readFileSync(file, 'utf8');
    // The first 100 distinct guids, as the app's ids.
    const guids: string[] = [];
    for (const day of JSON.parse(body).schedule.conference.days) {
      for (const events of Object.values(day.rooms) as any[]) {
        for (const e of events) if (e.guid && !guids.includes(e.guid) && guids.length < 100) guids.push(e.guid);
      }
    }
    expect(guids.length).toBe(100);
    expect(guids[0]).toHaveLength(36);
    const entries = Object.fromEntries(guids.map((g) => [g, { level: 'must', title: '', start: '', end: '', room: '', added: '' }]));
    const isSchedule = (url: URL) => url.pathname === '/c3/schedule.json';
    await page.context().route(isSchedule, (route) => route.fulfill({ body, contentType: 'application/json' }));
    await seedStorage(page, 'schedule-viewer/agenda/39c3', JSON.stringify({ v: 1, entries }));
    await page.goto('/agenda?schedule=/c3/schedule.json');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('My agenda');
    const link = await page.getByLabel('Share link').inputValue();
    console.log(`39C3 share link of 100 sessions: ${link.length} characters`);
    const qr = page.getByRole('img', { name: 'QR code: scan to open this agenda' });
    await expect(qr).toBeVisible();
    const decoded = await decodeQr(page, qr, 600);
    expect(decoded).toBe(link);
    const other = await browser.newContext();
    await other.route(isSchedule, (route) => route.fulfill({ body, contentType: 'application/json' }));
    const visitor = await other.newPage();
    await visitor.goto(decoded!);
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Shared agenda');
    await expect(visitor.getByText('100 sessions shared with you.')).toBeVisible();
    await other.close();
  });
});

test.describe('a slow network on the first visit', () => {
  test('with nothing cached the service worker waits for the network, and the page says it is waiting', async ({ page }) => {
    test.setTimeout(60_000);
    const p = new ProgrammePage(page);
    await p.goto('/');
    // The service worker now controls the page.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const slow = '/slow/5000/test-data/camp2019-frab-schedule.json';
    await page.goto(`/?schedule=${encodeURIComponent(slow)}`);
    await expect(page.getByText(/Still waiting for the network \(\d+ s\)/)).toBeVisible();
    // Past the 3-second timeout, the schedule still arrives.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Programme', { timeout: 20_000 });
    await expect(page.getByText('could not be fetched')).toHaveCount(0);
    const cachedAt = () =>
      page.evaluate(async (u) => {
        const r = await (await caches.open('schedule-data-v1')).match(new URL(u, location.href).href);
        return r?.headers.get('x-sw-fetched-at') ?? null;
      }, slow);
    const first = await cachedAt();
    expect(first).not.toBeNull();
    // Cached now: the next load answers from the cache after 3 s, and the
    // late network response still replaces the copy.
    await page.reload();
    await expect(page.getByText(/^Offline — showing the saved schedule/)).toBeVisible({ timeout: 15_000 });
    await expect.poll(cachedAt, { timeout: 15_000 }).not.toBe(first);
  });
});

test('opened schedules are kept within bounds, the most recent first', async ({ page }) => {
  test.setTimeout(90_000);
  const p = new ProgrammePage(page);
  await p.goto('/');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // Ten remote schedules (distinct URLs): the service worker keeps the 8 latest and the built-in one.
  for (let i = 1; i <= 10; i++) {
    await page.goto(`/?schedule=${encodeURIComponent(`/test-data/rc3-channels-schedule.json?copy=${i}`)}`);
    await expect(p.sessions.first()).toBeVisible();
  }
  const remote = await page.evaluate(async () =>
    (await (await caches.open('schedule-data-v1')).keys()).map((r) => new URL(r.url).pathname + new URL(r.url).search),
  );
  expect(remote.filter((u) => u.startsWith('/test-data/')).sort()).toEqual(
    [3, 4, 5, 6, 7, 8, 9, 10].map((i) => `/test-data/rc3-channels-schedule.json?copy=${i}`).sort(),
  );
  expect(remote).toContain('/schedule.json');
  // Seven local files opened one after another: the 5 latest are kept, the open one among them.
  // The app reloads itself into the opened file: read between navigations.
  const openedFile = () =>
    page
      .evaluate(() => JSON.parse(localStorage.getItem('schedule-viewer/current-schedule') ?? '{}').cache_url ?? null)
      .catch(() => 'navigating');
  for (let i = 1; i <= 7; i++) {
    const before = await openedFile();
    // This page, marked: the app names the file (and trims the copies) before it
    // reloads, and from the second file on the page before already shows what the
    // new one will, so only the mark's going says the reload has come.
    await page.evaluate(() => document.documentElement.setAttribute('data-before-open', ''));
    await page.getByText("Open another conference's schedule").click();
    await page.getByLabel('Schedule file').setInputFiles('tests/data/rc3-channels-schedule.json');
    await expect.poll(openedFile).not.toBe(before);
    await expect(page.locator('html[data-before-open]')).toHaveCount(0);
    await expect.poll(openedFile).not.toBe('navigating');
    await page.waitForLoadState();
    await expect(page.getByText('Showing rc3-channels-schedule.json (a local file).')).toBeAttached();
    await expect(p.sessions).toHaveCount(48);
  }
  const local = await page.evaluate(async () =>
    (await (await caches.open('schedule-viewer-local-schedules')).keys())
      .map((r) => new URL(r.url).pathname)
      .filter((u) => u.startsWith('/local-schedules/')),
  );
  expect(local).toHaveLength(5);
  expect(local).toContain(await openedFile());
});
