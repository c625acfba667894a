// Lazily loaded parts (code splitting): the start view loads only its own
// module; every other view's module arrives when the view is first shown; a
// part that cannot be fetched says so with Retry, and nothing else changes.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { AGENDA_KEY, collectErrors } from './fixtures';

// page.route() must see every module fetch, so no service worker in between.
test.use({ serviceWorkers: 'block' });

const parts: Record<string, string> = JSON.parse(readFileSync('dist/parts.json', 'utf8')).parts;
const partFile = (name: string) => {
  const file = parts[name];
  if (!file) throw new Error(`dist/parts.json has no part ${name}: ${Object.keys(parts).join(', ')}`);
  return file;
};

test('the start view fetches no lazily loaded part; each view fetches its own when shown', async ({ page }) => {
  const errors = collectErrors(page);
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname.slice(1)));
  await page.goto('/');
  await expect(page.locator('main#main article').first()).toBeVisible();
  await page.getByRole('button', { name: /^Add to agenda/ }).first().click();
  // Only the two steps that run after the page is drawn on every visit (the
  // comparison with the last-seen schedule, the note in the conferences
  // list) and the filter panel's controls (shown at once on this wide
  // screen; on a phone loaded in idle time) are fetched without being asked for.
  await expect.poll(() => fetched.some((f) => /^split_filters-/.test(f))).toBe(true);
  const splitModules = () => fetched.filter((f) => f.startsWith('split_') && !/^split_(last_seen|conferences_record|filters)-/.test(f));
  expect(splitModules()).toEqual([]);

  const nav = page.getByRole('navigation', { name: 'Main' });
  const views: [RegExp, string, RegExp][] = [
    [/Timetable/, 'split_timetable', /Timetable/],
    [/Now & next/, 'split_now', /Now/],
    [/My agenda/, 'split_agenda', /My agenda/],
  ];
  for (const [link, part, heading] of views) {
    await nav.getByRole('link', { name: link }).click();
    await expect(page.locator('main#main h1').first()).toHaveText(heading);
    expect(fetched).toContain(partFile(part));
  }
  // The agenda part shows the star given on the start view.
  await expect(page.locator('main#main').getByRole('button', { name: /^Remove from agenda/ }).first()).toBeVisible();
  // Each module was fetched once, however often its view is shown again.
  await nav.getByRole('link', { name: /Timetable/ }).click();
  await expect(page.locator('main#main h1').first()).toHaveText(/Timetable/);
  expect(fetched.filter((f) => f === partFile('split_timetable'))).toHaveLength(1);
  expect(errors).toEqual([]);
});

test('a part that cannot be fetched says so with Retry, and loads on Retry', async ({ page }) => {
  const errors = collectErrors(page);
  let offline = true;
  await page.route(`**/${partFile('split_timetable')}`, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
  await page.goto('/');
  const star = page.getByRole('button', { name: /^Add to agenda/ }).first();
  await star.click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Timetable/ }).click();
  const failed = page.getByRole('alert').filter({ hasText: 'This part of the app could not be loaded.' });
  await expect(failed).toBeVisible();
  // The rest of the page is untouched: header, navigation, the agenda's count and storage.
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /My agenda/ })).toContainText('1');
  expect(await page.evaluate((k) => localStorage.getItem(k), AGENDA_KEY)).toContain('"entries"');

  offline = false;
  await failed.getByRole('button', { name: 'Retry' }).click();
  await expect(page.locator('main#main h1').first()).toHaveText(/Timetable/);
  await expect(failed).toHaveCount(0);
  expect(errors).toEqual([]);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 667 } });

  test('the first screen works without the filter panel part; Filters loads it, with Retry when it cannot', async ({ page }) => {
    const errors = collectErrors(page);
    let offline = true;
    await page.route(`**/${partFile('split_filters')}`, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
    await page.goto('/');
    // Search, the stars and the Filters button are the start module's.
    await page.getByRole('button', { name: /^Add to agenda/ }).first().click();
    await expect(page.getByRole('button', { name: /^Remove from agenda/ }).first()).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search sessions' }).fill('security');
    await expect(page.locator('#main article')).toHaveCount(1);
    const filters = page.getByRole('button', { name: /^Filters/ });
    await filters.click();
    const panel = page.locator('#filter-panel');
    const failed = panel.getByRole('alert').filter({ hasText: 'This part of the app could not be loaded.' });
    await expect(failed).toBeVisible();
    offline = false;
    await failed.getByRole('button', { name: 'Retry' }).click();
    await expect(panel.getByRole('group', { name: 'Track' })).toBeVisible();
    await expect(panel.getByRole('combobox', { name: 'Speaker' })).toBeVisible();
    expect(errors).toEqual([]);
  });
});

test('a deep link to a lazily loaded view works on first load', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/speakers');
  await expect(page.locator('main#main h1').first()).toHaveText(/Speakers/);
  await page.goto('/conferences');
  await expect(page.locator('main#main h1').first()).toHaveText(/Conferences/);
  expect(errors).toEqual([]);
});

test('another format is read by the importers part, fetched only for it', async ({ page }) => {
  const errors = collectErrors(page);
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname.slice(1)));
  await page.goto('/');
  await expect(page.locator('main#main article').first()).toBeVisible();
  expect(fetched).not.toContain(partFile('split_importers'));
  await page.goto('/?schedule=/test-data/camp2019-frab-schedule.json');
  await expect(page.locator('main#main article').first()).toBeVisible();
  expect(fetched).toContain(partFile('split_importers'));
  expect(errors).toEqual([]);
});

test('a foreign file whose reader cannot be fetched names the problem and keeps the agenda', async ({ page }) => {
  await page.route(`**/${partFile('split_importers')}`, (route) => route.abort('internetdisconnected'));
  await page.goto('/?schedule=/test-data/camp2019-frab-schedule.json');
  await expect(page.locator('.error-message')).toContainText('could not be loaded. Check the connection and try again.');
  await expect(page.getByText('Your starred sessions are safe: nothing was changed.')).toBeVisible();
});

test('a check for a newer schedule whose part cannot be fetched says so and keeps the schedule; the next check loads it', async ({ page }) => {
  const errors = collectErrors(page);
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname.slice(1)));
  let offline = true;
  await page.route(`**/${partFile('split_live_check')}`, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
  await page.goto('/');
  const footer = page.getByRole('contentinfo');
  await expect(page.locator('main#main article').first()).toBeVisible();
  await page.getByRole('button', { name: /^Add to agenda/ }).first().click();
  // No check has run by itself (the demo conference is over): the part was never fetched.
  expect(fetched).not.toContain(partFile('split_live_check'));

  await footer.getByRole('button', { name: 'Check now' }).click();
  const failed = page.getByText(
    'The part of this app that checks for a newer schedule could not be loaded; the schedule shown is kept. Check the connection, or reload the page.',
  );
  await expect(failed).toBeVisible();
  expect(fetched).toContain(partFile('split_live_check'));
  // The schedule, the star and the page are untouched.
  await expect(page.locator('main#main article')).toHaveCount(28);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /My agenda/ })).toContainText('1');

  // With the part reachable, the next check asks the server: the same file, so the message goes.
  offline = false;
  await footer.getByRole('button', { name: 'Check now' }).click();
  await expect(failed).toHaveCount(0);
  await expect(page.locator('main#main article')).toHaveCount(28);
  expect(errors).toEqual([]);
});

test('a picked file whose reading part cannot be fetched says so; the schedule shown and the agenda stay', async ({ page }) => {
  let offline = true;
  await page.route(`**/${partFile('split_open_file')}`, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
  await page.goto('/');
  await expect(page.locator('main#main article').first()).toBeVisible();
  await page.getByRole('button', { name: /^Add to agenda/ }).first().click();
  const source = () => page.evaluate(() => localStorage.getItem('schedule-viewer/current-schedule'));
  const before = await source();
  await page.getByText("Open another conference's schedule").click();
  await page.getByLabel('Schedule file').setInputFiles('tests/data/rc3-channels-schedule.json');
  await expect(page.getByText('A part of this app that this needs could not be loaded. Check the connection and try again.')).toBeVisible();
  // The input is emptied, so picking the same file again is a change.
  await expect(page.getByLabel('Schedule file')).toHaveValue('');
  await expect(page.locator('main#main article')).toHaveCount(28);
  expect(await source()).toBe(before);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /My agenda/ })).toContainText('1');

  // With the network back, the same file opens.
  offline = false;
  await page.getByLabel('Schedule file').setInputFiles('tests/data/rc3-channels-schedule.json');
  await expect(page.getByText('Showing rc3-channels-schedule.json (a local file).')).toBeAttached();
  await expect(page.locator('main#main article')).toHaveCount(48);
});
