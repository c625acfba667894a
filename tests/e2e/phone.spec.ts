// Phone first: at 375 × 667 the first screen shows sessions, search stays at
// hand, the other filters sit behind one "Filters" button, nothing scrolls
// sideways at 320 px, and touch targets are at least 44 × 44.
import { test, expect, type Page } from '@playwright/test';
import { AGENDA_KEY, TOTAL_SESSIONS, ProgrammePage, seedStorage, openMore, openSettings, screenshotPath } from './fixtures';

const PHONE = { width: 375, height: 667 };
const DESKTOP = { width: 1280, height: 800 };
const KNEE_TITLE = 'Knee Deep in Microservices';

/** Session headings (h3) wholly inside the part of the viewport not covered by the fixed tab bar. */
async function titlesOnFirstScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bar = document.querySelector('.main-nav')?.getBoundingClientRect();
    const bottom = bar && bar.top > 0 ? bar.top : window.innerHeight;
    return [...document.querySelectorAll('main article h3')]
      .filter((h) => {
        const r = h.getBoundingClientRect();
        return r.height > 0 && r.top >= 0 && r.bottom <= bottom && r.left >= 0 && r.right <= window.innerWidth;
      })
      .map((h) => h.textContent!.trim());
  });
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test.use({ viewport: PHONE });

test('the programme, a track view and My agenda each show at least 4 sessions on the first screen', async ({ page }) => {
  const p = new ProgrammePage(page);
  await p.goto('/');
  await expect(p.sessions.first()).toBeVisible();
  const programme = await titlesOnFirstScreen(page);
  expect(programme.length, programme.join(' | ')).toBeGreaterThanOrEqual(4);

  await p.goto('/track/users-and-ops');
  await expect(p.sessions.first()).toBeVisible();
  const track = await titlesOnFirstScreen(page);
  expect(track.length, track.join(' | ')).toBeGreaterThanOrEqual(4);

  await page.evaluate(() => localStorage.clear());
  for (const title of ['The State of Apache Mesos', 'Knee Deep in Microservices', 'Mesos Security Exposed!', 'WTF, My Container Just Spawned a Shell']) {
    await p.goto(`/?q=${encodeURIComponent(title)}`);
    await p.star(title).click();
  }
  await page.getByRole('link', { name: /My agenda/ }).click();
  await expect(p.sessions).toHaveCount(4);
  const agenda = await titlesOnFirstScreen(page);
  expect(agenda.length, agenda.join(' | ')).toBe(4);
});

test('search is on the first screen; "Filters" reveals the named controls, counts them and keeps them', async ({ page }) => {
  const p = new ProgrammePage(page);
  await p.goto('/');
  await expect(p.search).toBeInViewport();
  const filters = page.getByRole('button', { name: /^Filters/ });
  await expect(filters).toHaveAccessibleName('Filters');
  await expect(filters).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('group', { name: 'Track' })).toBeHidden();
  await filters.click();
  await expect(filters).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('group', { name: 'Track' })).toBeVisible();
  await expect(p.speaker).toBeVisible();
  await expect(p.day).toBeVisible();
  await expect(page.getByLabel('Hide past sessions')).toBeVisible();
  await p.track('DevOps and Ops').check();
  await p.day.selectOption({ label: 'Thursday 26 October 2017' });
  await expect(page).toHaveURL(/\?track=devops-and-ops&day=2017-10-26$/);
  await expect(filters).toHaveAccessibleName('Filters (2)');
  // Closing keeps them.
  await filters.click();
  await expect(page.getByRole('group', { name: 'Track' })).toBeHidden();
  await expect(p.count).toHaveText('5 sessions');
  await expect(filters).toHaveAccessibleName('Filters (2)');
  await page.reload();
  await expect(filters).toHaveAccessibleName('Filters (2)');
});

test('the main places are in one bar; tracks, speakers and settings one tap away', async ({ page }) => {
  const p = new ProgrammePage(page);
  await p.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Programme', 'Timetable', 'Now & next', 'My agenda']) {
    await expect(nav.getByRole('link', { name })).toBeInViewport();
  }
  await p.star('Knee Deep in Microservices').click();
  await expect(nav.getByRole('link', { name: /My agenda/ })).toContainText('1');
  // The bar is one row.
  const boxes = await nav.locator(':scope > ul > li').evaluateAll((lis) => lis.map((li) => li.getBoundingClientRect().top));
  expect(new Set(boxes).size).toBe(1);
  await openMore(page);
  await nav.getByRole('link', { name: 'Users and Ops' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Users and Ops');
  await openMore(page);
  await nav.getByRole('link', { name: 'Speakers' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Speakers');
  await openSettings(page);
  await expect(page.getByLabel('Theme')).toBeVisible();
});

test('every star, must/maybe and control is at least 44 × 44; day headings stay visible', async ({ page }) => {
  const p = new ProgrammePage(page);
  await seedStorage(page, AGENDA_KEY, JSON.stringify({ v: 1, entries: { 'thu-devops-knee-deep': { level: 'must', title: '', start: '', end: '', room: '', added: '' } } }));
  await p.goto('/');
  await page.getByRole('button', { name: /^Filters/ }).click();
  // The panel's controls are measured once they are drawn (on a phone their part may come after the click).
  await expect(page.getByRole('group', { name: 'Track' })).toBeVisible();
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('button, select, input[type=search], summary, .main-nav a, .track-choice, .hide-past')]
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 44 || r.height < 44)
      .map(({ el, r }) => `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}" ${r.width}×${r.height}`),
  );
  expect(small).toEqual([]);
  const stars = page.getByRole('button', { name: /^(Add to|Remove from) agenda/ });
  expect(await stars.count()).toBe(28);
  for (const box of await stars.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()))) {
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.height).toBeGreaterThanOrEqual(44);
  }
  // Sticky day headings: scrolled into Friday, its heading is at the top.
  await page.getByRole('heading', { level: 3, name: 'Optimising Mesos Utilization at Opentable' }).scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 200);
  const friday = page.getByRole('heading', { level: 2, name: 'Friday 27 October 2017' });
  await expect.poll(async () => (await friday.boundingBox())!.y).toBeLessThan(2);
});

for (const width of [320, 375]) {
  test(`nothing scrolls sideways at ${width} px, on any view`, async ({ page }) => {
    await page.setViewportSize({ width, height: 667 });
    const sessionize = `/?schedule=${encodeURIComponent('/test-data/sessionize-orlando-codecamp-2020.json')}`;
    for (const view of ['/', '/track/devops-and-ops', '/timetable/2017-10-26', '/now?now=2017-10-26T11%3A20%3A00%2B02%3A00', '/speakers', '/session/fri-users-tunstall', '/agenda', '/conferences', sessionize, '/timetable']) {
      await page.goto(view);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      if (view === '/agenda') await page.getByRole('button', { name: 'Add your own entry' }).click();
      if (view === '/timetable') await page.locator('details.room-chooser summary').click();
      expect(await horizontalOverflow(page), view).toBeLessThanOrEqual(0);
    }
  });
}

test('the timetable on a phone is a readable list; on a desktop long titles end in an ellipsis', async ({ page }) => {
  await page.goto('/timetable/2017-10-26');
  const block = page.getByRole('article', { name: 'mesos2iam: IAM Credentials for Containers Running Inside a Mesos Cluster' });
  await expect(block).toContainText('15:10–15:50');
  // A list: each block as wide as the page, title not clipped.
  const clipped = await block.locator('h3').evaluate((h) => h.scrollHeight > h.clientHeight + 1);
  expect(clipped).toBe(false);
  await page.setViewportSize({ width: 1280, height: 800 });
  const keynote = page.getByRole('article', { name: 'The Apache Way' });
  const style = await keynote.locator('h3').evaluate((h) => ({ clamp: getComputedStyle(h).webkitLineClamp, overflow: getComputedStyle(h).overflow }));
  expect(Number(style.clamp)).toBeGreaterThanOrEqual(1);
  expect(style.overflow).toBe('hidden');
  await expect(keynote.getByRole('link', { name: 'The Apache Way' })).toHaveAttribute('title', 'The Apache Way');
});

test('README screenshots: phone and desktop, light and dark', async ({ page }) => {
  const p = new ProgrammePage(page);
  const filters = page.getByRole('button', { name: /^Filters/ });
  const tracks = page.getByRole('group', { name: 'Track' });
  const nav = page.getByRole('navigation', { name: 'Main' });
  // public/style.css: the page (--bg, --fg) and a card (--card) in each scheme.
  const colours = {
    light: { bg: 'rgb(255, 255, 255)', fg: 'rgb(22, 22, 26)', card: 'rgb(244, 244, 247)' },
    dark: { bg: 'rgb(17, 17, 20)', fg: 'rgb(236, 236, 241)', card: 'rgb(28, 28, 34)' },
  };
  /** The width and height a PNG's header gives. */
  const size = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });
  const phones: Buffer[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize(PHONE);
    await p.goto('/');
    // The app's own page, not the built copy it replaces.
    await expect(page.locator('#prerender')).toHaveCount(0);
    await expect(p.sessions).toHaveCount(TOTAL_SESSIONS);
    await expect(page.locator('body')).toHaveCSS('background-color', colours[scheme].bg);
    await expect(page.locator('body')).toHaveCSS('color', colours[scheme].fg);
    await expect(p.sessions.first()).toHaveCSS('background-color', colours[scheme].card);
    // The phone layout: the filters behind one button, the places in a bar at the bottom.
    await expect(filters).toBeVisible();
    await expect(tracks).toBeHidden();
    const bar = (await nav.boundingBox())!;
    expect(Math.abs(bar.y + bar.height - PHONE.height)).toBeLessThan(1);
    const phone = await page.screenshot({ path: screenshotPath(`phone-${scheme}.png`) });
    expect(size(phone)).toEqual(PHONE);
    phones.push(phone);

    // The desktop layout: the filters shown at once, the places above the programme.
    await page.setViewportSize(DESKTOP);
    await expect(filters).toBeHidden();
    await expect(tracks).toBeVisible();
    const top = (await nav.boundingBox())!;
    expect(top.y + top.height).toBeLessThanOrEqual((await p.sessions.first().boundingBox())!.y);
    await expect(page.locator('body')).toHaveCSS('background-color', colours[scheme].bg);
    const desktop = await page.screenshot({ path: screenshotPath(`desktop-${scheme}.png`) });
    expect(size(desktop)).toEqual(DESKTOP);
  }
  expect(phones[0].equals(phones[1])).toBe(false);
});

test('the session on now and the next one are marked in the list', async ({ page }) => {
  const p = new ProgrammePage(page);
  await p.goto(`/?now=${encodeURIComponent('2017-10-26T11:20:00+02:00')}`);
  await expect(p.session('Local or External Storage for Containers and Databases')).toContainText('On now');
  await expect(p.session(KNEE_TITLE)).toContainText('Next');
  await expect(page.locator('.live-badge')).toHaveCount(2);
  // The Now & next tab is one tap away in the bar.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Now & next' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Now & next');
});
