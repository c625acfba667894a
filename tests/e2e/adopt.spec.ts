// Drawing once: on a page the build drew, the app adopts the markup it
// finds (Leptos hydration) instead of drawing the page again. Each kind of
// built route is adopted (the same nodes, no second copy, no error), reacts
// and then reads exactly as the app's own drawing of it; what only this
// browser knows (stars, settings) comes after, in place; a built page that
// disagrees with the app (altered on purpose) recovers and loses nothing.
import { expect, test, type Page } from '@playwright/test';
import { AGENDA_KEY, collectErrors, holdBack, seedStorage } from './fixtures';

/** One page of each kind the build writes. */
const ROUTES = [
  '/',
  '/track/devops-and-ops',
  '/session/thu-devops-knee-deep',
  '/speakers',
  '/speaker/adam-bordelon',
  '/room/club-a',
  '/timetable/2017-10-27',
  '/timetable',
];

/** A stored agenda with one session starred. */
const STARRED = JSON.stringify({
  v: 1,
  entries: {
    'thu-devops-knee-deep': { level: 'must', title: 'Knee Deep in Microservices', start: '2017-10-26T11:50:00+02:00', end: '2017-10-26T12:30:00+02:00', room: 'Club A', added: '2017-10-01T00:00:00Z' },
  },
});

/** The tab's mark that makes it draw anew (src/browser/adopt.rs). */
const DRAW_ANEW = 'schedule-viewer/draw-anew';

/**
 * Open `path` with the wasm held back, mark the built page's nodes, let the
 * app start; resolves once it has taken the page over.
 */
async function openAndMark(page: Page, path: string) {
  const release = await holdBack(page, '**/*.wasm');
  await page.goto(path);
  await expect(page.locator('#prerender h1')).toBeAttached();
  await page.evaluate(() => {
    const w = window as any;
    w.__h1 = document.querySelector('#prerender h1');
    w.__main = document.querySelector('#prerender main');
    w.__nodes = document.querySelectorAll('#prerender *').length;
  });
  release();
  await expect(page.locator('#app')).toBeAttached();
  await expect(page.locator('#prerender')).toHaveCount(0);
}

/** What the page says and which stars are pressed: equal for equal pages. */
async function reading(page: Page) {
  return page.evaluate(() => ({
    text: (document.querySelector('main') as HTMLElement).innerText,
    header: (document.querySelector('.site-header') as HTMLElement).innerText,
    stars: [...document.querySelectorAll('main button.star')].map((b) => `${b.getAttribute('aria-label')} ${b.className}`),
  }));
}

for (const path of ROUTES) {
  test(`the built page at ${path} is adopted, not drawn again, and reads as the app draws it`, async ({ page, browser }) => {
    const errors = collectErrors(page);
    await openAndMark(page, path);
    // The same nodes: the heading and <main> the build wrote are the live ones.
    const same = await page.evaluate(() => {
      const w = window as any;
      return {
        h1: w.__h1 === document.querySelector('h1') && w.__h1.isConnected,
        main: w.__main === document.querySelector('main'),
        mains: document.querySelectorAll('main').length,
      };
    });
    expect(same).toEqual({ h1: true, main: true, mains: 1 });
    // Live, and not hidden from anyone.
    const app = page.locator('#app');
    await expect(app).not.toHaveAttribute('inert', /.*/);
    await expect(app).not.toHaveAttribute('aria-hidden', /.*/);
    // It reacts: a star where the page has one, and it reads as the app's own drawing.
    const star = page.locator('main button.star').first();
    if ((await star.count()) > 0) {
      await star.click();
      await expect(star).toHaveAccessibleName(/^Remove from agenda: /);
    }
    const adopted = await reading(page);

    // The same page drawn anew by the app (this tab's mark), starred alike.
    const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    const fresh = await context.newPage();
    await fresh.addInitScript((key) => sessionStorage.setItem(key, '1'), DRAW_ANEW);
    await fresh.goto(path);
    await expect(fresh.locator('h1')).toHaveCount(1);
    await expect(fresh.locator('#prerender')).toHaveCount(0);
    await expect(fresh.locator('#app')).toHaveCount(0);
    const freshStar = fresh.locator('main button.star').first();
    if ((await freshStar.count()) > 0) {
      await freshStar.click();
      await expect(freshStar).toHaveAccessibleName(/^Remove from agenda: /);
    }
    expect(adopted).toEqual(await reading(fresh));
    await context.close();
    expect(errors).toEqual([]);
  });
}

test('what only this browser knows comes after the adoption, in place: stars, the agenda count, the clock', async ({ page }) => {
  await seedStorage(page, AGENDA_KEY, STARRED);
  await page.addInitScript(() => {
    (window as any).__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as any[]) if (!e.hadRecentInput) (window as any).__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const errors = collectErrors(page);
  await openAndMark(page, '/track/devops-and-ops');
  const starred = page.getByRole('button', { name: 'Remove from agenda: Knee Deep in Microservices' });
  await expect(starred).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText('1');
  // Adopted, not redrawn: the stored star was applied to the built nodes.
  expect(await page.evaluate(() => (window as any).__h1 === document.querySelector('h1'))).toBe(true);
  // "Checked" is this browser's time, not the build's. Both read in one go, and
  // polled: the minute may turn between the app's clock and this one.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const checked = document.querySelector('.freshness')?.textContent ?? '';
        const now = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Europe/Prague' }).format(new Date());
        return checked.includes(now) ? 'the time of this browser' : `“${checked}” (this browser: ${now})`;
      }),
    )
    .toBe('the time of this browser');
  expect(await page.evaluate(() => (window as any).__cls)).toBeLessThanOrEqual(0.02);
  expect(errors).toEqual([]);
});

test('a built page that disagrees with the app recovers: the tab draws anew and the agenda is kept', async ({ page }) => {
  await seedStorage(page, AGENDA_KEY, STARRED);
  // The built page, altered: a stray text where the app expects its skip link.
  await page.route('**/track/devops-and-ops/', async (route) => {
    const res = await route.fetch();
    const html = (await res.text()).replace(/(<div id="prerender"[^>]*>)/, '$1stray words');
    expect(html).toContain('stray words');
    await route.fulfill({ response: res, body: html });
  });
  await page.goto('/track/devops-and-ops/');
  // Drawn anew after one reload: a live page, its star from storage.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('DevOps and Ops');
  await expect(page.locator('#prerender')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Remove from agenda: Knee Deep in Microservices' })).toHaveCount(1);
  expect(await page.evaluate((key) => sessionStorage.getItem(key), DRAW_ANEW)).toBe('1');
  const kept = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), AGENDA_KEY);
  expect(Object.keys(kept.entries)).toEqual(['thu-devops-knee-deep']);
  // And it reacts.
  await page.locator('main button.star:not(.starred)').first().click();
  await expect(page.locator('main button.star.starred')).toHaveCount(2);
});

test('on a phone the adopted page does not wait for the filter panel: its controls come when it opens', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 667 });
  const errors = collectErrors(page);
  await openAndMark(page, '/');
  const box = () => document.querySelectorAll('#filter-panel input[type=checkbox]')[1];
  await page.evaluate(`window.__box = (${box})()`);
  // Adopted with the built controls in the closed panel; they come alive when their part has come.
  await page.getByRole('button', { name: /^Filters/ }).click();
  const track = page.getByRole('group', { name: 'Track' }).getByRole('checkbox', { name: 'DevOps and Ops' });
  await track.check();
  await expect(page).toHaveURL(/\?track=devops-and-ops$/);
  await expect(page.locator('main article')).toHaveCount(5);
  // One panel, one set of controls.
  await expect(page.locator('#filter-panel')).toHaveCount(1);
  await expect(page.getByRole('group', { name: 'Track' })).toHaveCount(1);
  // The build's checkbox itself, adopted, not drawn again.
  expect(await page.evaluate(`window.__box === (${box})()`)).toBe(true);
  expect(errors).toEqual([]);
});

test('on a phone, a filter changed before the panel\'s part came gets the app\'s own controls; the build\'s take no input until then', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 667 });
  const errors = collectErrors(page);
  const part = await holdBack(page, '**/split_filters-*.wasm');
  await page.goto('/');
  await expect(page.locator('#app')).toBeAttached();
  await page.getByRole('searchbox', { name: 'Search sessions' }).fill('mesos');
  await expect(page).toHaveURL(/\?q=mesos$/);
  // Before its part came, the build's controls take no input, from the
  // adoption on (a tap would change a control nothing listens to, then be
  // lost), and still when the panel is opened.
  const panel = page.locator('#filter-panel');
  await expect(panel).toHaveJSProperty('inert', true);
  await page.getByRole('button', { name: /^Filters/ }).click();
  await expect(panel).toHaveJSProperty('inert', true);
  const built = page.locator('#filter-panel .facet-track input[type=checkbox]').nth(1);
  await expect(built).toBeVisible();
  await built.click({ force: true });
  await expect(built).not.toBeChecked();
  await expect(page).toHaveURL(/\?q=mesos$/);
  // The part comes: the app's own controls, live.
  part();
  await expect(panel).toHaveJSProperty('inert', false);
  await page.getByRole('group', { name: 'Track' }).getByRole('checkbox', { name: 'DevOps and Ops' }).check();
  await expect(page).toHaveURL(/track=devops-and-ops/);
  await expect(page).toHaveURL(/q=mesos/);
  await expect(page.locator('#filter-panel')).toHaveCount(1);
  await expect(page.getByRole('group', { name: 'Track' })).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('on a phone with something followed, the panel gets the app\'s own controls (the build drew none marked)', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 667 });
  const errors = collectErrors(page);
  await seedStorage(page, AGENDA_KEY, JSON.stringify({ v: 3, entries: {}, own: {}, follows: { 'track:devops-and-ops': { name: 'DevOps and Ops', added: '' } } }));
  await page.goto('/');
  // Adopted, not drawn anew after a failed adoption.
  await expect(page.locator('#app > main#main')).toBeAttached();
  await page.getByRole('button', { name: /^Filters/ }).click();
  const track = page.getByRole('group', { name: 'Track' }).getByRole('checkbox', { name: 'DevOps and Ops · following' });
  await expect(track).toBeVisible();
  await page.getByLabel('Only what I follow').check();
  await expect(page).toHaveURL(/\?following=1$/);
  await expect(page.locator('main article')).toHaveCount(5);
  await expect(page.getByRole('group', { name: 'Track' })).toHaveCount(1);
  expect(await page.evaluate((key) => sessionStorage.getItem(key), DRAW_ANEW)).toBeNull();
  expect(errors).toEqual([]);
});

test('a track, a speaker and a room followed: their built pages are adopted, and then say "Following"', async ({ page }) => {
  const errors = collectErrors(page);
  const follows = {
    'track:devops-and-ops': { name: 'DevOps and Ops', added: '' },
    'speaker:adam-sandor': { name: 'Ádám Sándor', added: '' },
    'room:club-a': { name: 'Club A', added: '' },
  };
  await seedStorage(page, AGENDA_KEY, JSON.stringify({ v: 3, entries: {}, own: {}, follows }));
  for (const [path, name] of [
    ['/track/devops-and-ops/', 'Stop following the track DevOps and Ops'],
    ['/speaker/adam-sandor/', 'Stop following the speaker Ádám Sándor'],
    ['/room/club-a/', 'Stop following the room Club A'],
    ['/', null],
  ] as const) {
    // Adopted (#app), not drawn anew after a failed adoption (the flag).
    await page.goto(path);
    await expect(page.locator('#app > main#main')).toBeAttached();
    if (name) await expect(page.locator('main button.follow')).toHaveAccessibleName(name);
    else await expect(page.getByRole('group', { name: 'Track' }).getByRole('checkbox', { name: 'DevOps and Ops · following' })).toBeVisible();
    expect(await page.evaluate((key) => sessionStorage.getItem(key), DRAW_ANEW), path).toBeNull();
  }
  expect(errors).toEqual([]);
});
