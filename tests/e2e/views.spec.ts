// The views: timetable, now & next, agenda overlaps and gaps, time zones,
// keyboard use, and screenshots for the README.
import { test, expect } from '@playwright/test';
import { ProgrammePage, openSettings, screenshotPath } from './fixtures';

const THU_1120 = encodeURIComponent('2017-10-26T11:20:00+02:00');

test('the timetable shows rooms as columns, durations as heights, parallel sessions side by side and a now line', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/timetable/2017-10-26?now=${THU_1120}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Timetable, Thursday 26 October 2017');
  await expect(page).toHaveTitle('Timetable, Thursday 26 October 2017 · MesosCon Europe 2017');
  await expect(page.locator('.tt-room')).toHaveText(['Congress Hall', 'Club A', 'Club B', 'Club C', 'Club D', 'Foyer']);
  await expect(page.getByRole('article')).toHaveCount(16);
  const box = async (title: string) => (await page.getByRole('article', { name: title, exact: true }).boundingBox())!;
  const keynote = await box('The State of Apache Mesos'); // 30 min
  const hall = await box('Town Hall: Mesos'); // 90 min
  expect(hall.height / keynote.height).toBeGreaterThan(2.7);
  expect(hall.height / keynote.height).toBeLessThan(3.3);
  const halls = await Promise.all(['Mesos', 'Marathon', 'DC/OS', 'Kubernetes'].map((t) => box(`Town Hall: ${t}`)));
  for (const h of halls) expect(Math.abs(h.y - halls[0].y)).toBeLessThan(2);
  const xs = halls.map((h) => h.x);
  expect(new Set(xs.map(Math.round)).size).toBe(4);
  const now = page.getByRole('note', { name: 'Now, 11:20' });
  await expect(now).toBeVisible();
  const nowBox = (await now.boundingBox())!;
  const talk = await box('Local or External Storage for Containers and Databases'); // 11:00–11:40
  expect(nowBox.y).toBeGreaterThan(talk.y);
  expect(nowBox.y).toBeLessThan(talk.y + talk.height);
  await page.screenshot({ path: screenshotPath('timetable.png') });
  await page.getByRole('navigation', { name: 'Days' }).getByRole('link', { name: 'Fri 27 Oct' }).click();
  await expect(page.getByRole('article')).toHaveCount(12);
  await expect(page.getByRole('note')).toHaveCount(0);
});

test('on a phone the timetable is a time-ordered list with no horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/timetable/2017-10-27');
  await expect(page.getByRole('article')).toHaveCount(12);
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(widths[0]).toBeLessThanOrEqual(widths[1]);
  const tops = await page.getByRole('article').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
  expect([...tops].sort((a, b) => a - b)).toEqual(tops);
  await expect(page.getByRole('article').first()).toContainText('Congress Hall');
  await page.goto('/');
  await expect(page.getByRole('article')).toHaveCount(28);
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(pageWidth).toBeLessThanOrEqual(375);
  await page.goto('/timetable/2017-10-27');
  // The README's picture: taken once the app shows the day, not while it loads.
  await expect(page.locator('main#main article')).toHaveCount(12);
  await page.screenshot({ path: screenshotPath('phone-timetable.png') });
});

test('now & next follows the clock', async ({ page }) => {
  await page.goto(`/now?now=${THU_1120}`);
  await expect(page.getByText('It is 11:20 on Thursday 26 October 2017.')).toBeVisible();
  const onNow = page.getByRole('region', { name: 'On now' });
  await expect(onNow.getByRole('article')).toHaveCount(1);
  await expect(onNow).toContainText('Local or External Storage for Containers and Databases');
  const next = page.getByRole('region', { name: 'Next, at 11:50' });
  await expect(next.getByRole('article')).toHaveText([/Knee Deep in Microservices/]);
  // Four town halls at once.
  await page.goto(`/now?now=${encodeURIComponent('2017-10-26T19:30:00+02:00')}`);
  await expect(page.getByRole('region', { name: 'On now' }).getByRole('article')).toHaveCount(4);
  await page.goto(`/now?now=${encodeURIComponent('2017-10-01T10:00:00+02:00')}`);
  await expect(page.getByText('The conference has not started yet. It starts on Thursday 26 October 2017 at 09:00.')).toBeVisible();
  await page.goto(`/now?now=${encodeURIComponent('2017-11-01T10:00:00+01:00')}`);
  await expect(page.getByText('The conference is over. It ended on Friday 27 October 2017 at 16:50.')).toBeVisible();
});

test('my agenda flags overlapping sessions by name and shows free time', async ({ page }) => {
  const p = new ProgrammePage(page);
  await p.goto('/?track=town-halls-and-events');
  await p.star('Town Hall: Mesos').click();
  await p.star('Town Hall: DC/OS').click();
  await p.star('Attendee reception').click();
  await p.goto('/?track=devops-and-ops');
  await p.star('Doing Real DevOps with DC/OS').click();
  await page.getByRole('link', { name: 'My agenda' }).click();
  const summary = page.getByRole('region', { name: '1 clash in your agenda' });
  await expect(summary).toContainText('“Town Hall: Mesos” and “Town Hall: DC/OS” overlap — 2 of them are musts.');
  await expect(p.session('Town Hall: Mesos')).toContainText('Overlaps with “Town Hall: DC/OS” (19:00–20:30)');
  await expect(p.session('Town Hall: DC/OS')).toContainText('Overlaps with “Town Hall: Mesos” (19:00–20:30)');
  await expect(p.session('Attendee reception')).not.toContainText('Overlaps');
  await expect(page.getByText('Free 15:00–17:30 (2 h 30 min)')).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: screenshotPath('agenda.png'), fullPage: true });
  // Print: navigation and controls are hidden, sessions remain.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(p.session('Town Hall: Mesos')).toBeVisible();
  await expect(p.star('Town Hall: Mesos')).toBeHidden();
});

test.describe('time zones', () => {
  // page.route() must see every schedule fetch, so no service worker in between.
  test.use({ timezoneId: 'America/New_York', serviceWorkers: 'block' });

  test('times show in the conference zone by default; the toggle switches to mine and persists', async ({ page }) => {
    const p = new ProgrammePage(page);
    await p.goto();
    await expect(page.getByText('Times in Europe/Prague (UTC+02:00), 24-hour clock')).toBeVisible();
    await expect(p.session('The State of Apache Mesos')).toContainText('09:00–09:30');
    await openSettings(page);
    await page.getByLabel('Time zone').selectOption({ label: 'Mine' });
    await expect(page.getByText('Times in your time zone (UTC-04:00), 24-hour clock')).toBeVisible();
    await expect(p.session('The State of Apache Mesos')).toContainText('03:00–03:30');
    await page.reload();
    await expect(p.session('The State of Apache Mesos')).toContainText('03:00–03:30');
    await openSettings(page);
    await page.getByLabel('Time zone').selectOption({ label: "Conference's" });
    await expect(p.session('The State of Apache Mesos')).toContainText('09:00–09:30');
  });

  test('a session across a DST change keeps its true length in both zones', async ({ page }) => {
    // Prague leaves summer time at 03:00 on 29 October 2017; New York a week later.
    await page.route('**/schedule.json', (route) =>
      route.fulfill({
        json: {
          version: 1,
          conference: { id: 'dst', title: 'DST Conf', time_zone: 'Europe/Prague' },
          rooms: [{ id: 'r', name: 'R' }],
          sessions: [
            { id: 'night', title: 'Night owls', type: 'social', start: '2017-10-29T01:30:00+02:00', end: '2017-10-29T02:30:00+01:00', room: 'r' },
            { id: 'us', title: 'After the US change', type: 'talk', start: '2017-11-06T09:00:00+01:00', end: '2017-11-06T10:00:00+01:00', room: 'r' },
          ],
        },
      }),
    );
    await page.goto('/session/night');
    await expect(page.getByText('Sunday 29 October 2017, 01:30–02:30 (2 h, UTC+02:00)')).toBeVisible();
    await openSettings(page);
    await page.getByLabel('Time zone').selectOption({ label: 'Mine' });
    await expect(page.getByText('Saturday 28 October 2017, 19:30–21:30 (2 h, UTC-04:00)')).toBeVisible();
    await page.goto('/session/us');
    // New York is on standard time (UTC-05:00) by then.
    await expect(page.getByText('Monday 6 November 2017, 03:00–04:00 (1 h, UTC-05:00)')).toBeVisible();
  });
});

test('a keyboard-only path: skip link, filter, star, agenda', async ({ page }) => {
  const p = new ProgrammePage(page);
  await p.goto();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(p.search).toBeFocused();
  await page.keyboard.type('security');
  await expect(p.sessions).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: '1 session' })).toBeVisible();
  const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');
  for (let i = 0; i < 40 && !(await focusedName()).startsWith('Add to agenda'); i++) await page.keyboard.press('Tab');
  expect(await focusedName()).toBe('Add to agenda: Mesos Security Exposed!');
  await page.keyboard.press('Enter');
  for (let i = 0; i < 60 && !(await focusedName()).includes('My agenda'); i++) await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/agenda$/);
  await expect(p.titles).toHaveText(['Mesos Security Exposed!']);
});

test('the theme follows the system and a manual choice persists', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await expect(page.getByRole('article').first()).toBeVisible();
  expect(await bg()).toBe('rgb(17, 17, 20)');
  await openSettings(page);
  await page.getByLabel('Theme').selectOption({ label: 'Light' });
  await expect.poll(bg).toBe('rgb(255, 255, 255)');
  await page.reload();
  await expect(page.getByRole('article').first()).toBeVisible();
  expect(await bg()).toBe('rgb(255, 255, 255)');
  await openSettings(page);
  await page.getByLabel('Theme').selectOption({ label: 'Dark' });
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(bg).toBe('rgb(17, 17, 20)');
});

test('"Hide past sessions" leaves out what has ended, and persists', async ({ page }) => {
  const p = new ProgrammePage(page);
  await p.goto(`/?now=${encodeURIComponent('2017-10-27T12:00:00+02:00')}`);
  await expect(p.sessions).toHaveCount(28);
  await page.getByLabel('Hide past sessions').check();
  await expect(p.count).toHaveText('6 sessions');
  await expect(p.titles).toHaveText([
    'Lunch',
    'Optimising Mesos Utilization at Opentable',
    'Time Traveling in the Universe of Microservices and Orchestration',
    'WTF, My Container Just Spawned a Shell',
    'An Autoscaler for DC/OS',
    'There and Back Again: How Tunstall Healthcare Built an IoT Platform for Health Monitoring Using Mesos Cluster on Azure',
  ]);
  await page.reload();
  await expect(page.getByLabel('Hide past sessions')).toBeChecked();
  await expect(p.count).toHaveText('6 sessions');
  await page.getByLabel('Hide past sessions').uncheck();
  await expect(p.count).toHaveText('28 sessions');
});

test.describe('a page left open follows the clock', () => {
  // No ?now= here: the app's one clock reads the browser's, which page.clock
  // fakes; the test moves it forward and the page must follow without a reload.
  test('a session that ends leaves "Hide past sessions"', async ({ page }) => {
    await page.clock.install({ time: new Date('2017-10-27T11:45:00+02:00') });
    const p = new ProgrammePage(page);
    await p.goto('/');
    await expect(p.sessions).toHaveCount(28);
    await page.getByLabel('Hide past sessions').check();
    await expect(p.count).toHaveText('7 sessions');
    await expect(p.titles.first()).toHaveText('Advanced Deployment Strategies and Workflows for Containerized Apps on DC/OS');
    await page.evaluate(() => ((window as any).__samePage = true));
    // 11:55: the deployment talk ended at 11:50.
    await page.clock.fastForward('10:00');
    await expect(p.count).toHaveText('6 sessions');
    await expect(p.titles.first()).toHaveText('Lunch');
    expect(await page.evaluate(() => (window as any).__samePage)).toBe(true);
  });

  test("the timetable's now line moves", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.clock.install({ time: new Date('2017-10-26T11:20:00+02:00') });
    await page.goto('/timetable/2017-10-26');
    const before = page.getByRole('note', { name: 'Now, 11:20' });
    await expect(before).toBeVisible();
    const y0 = (await before.boundingBox())!.y;
    await page.evaluate(() => ((window as any).__samePage = true));
    await page.clock.fastForward('30:00');
    const after = page.getByRole('note', { name: 'Now, 11:50' });
    await expect(after).toBeVisible();
    await expect(page.getByRole('note')).toHaveCount(1);
    // 11:50 is below the end of the 11:00–11:40 talk the line crossed before.
    const talk = (await page.getByRole('article', { name: 'Local or External Storage for Containers and Databases', exact: true }).boundingBox())!;
    const y1 = (await after.boundingBox())!.y;
    expect(y0).toBeLessThan(talk.y + talk.height);
    expect(y1).toBeGreaterThan(talk.y + talk.height);
    expect(await page.evaluate(() => (window as any).__samePage)).toBe(true);
  });
});

test('reduced motion is respected', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  await expect(page.getByRole('article').first()).toBeVisible();
  const behaviour = await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior);
  expect(behaviour).toBe('auto');
});
