// Loading: a visible loading state, and an error page that names the problem.
import { test, expect } from '@playwright/test';
import { AGENDA_KEY } from './fixtures';

// page.route() must see every schedule fetch, so no service worker in between.
test.use({ serviceWorkers: 'block' });

test('a malformed schedule.json shows an error page naming the problem', async ({ page }) => {
  await page.route('**/schedule.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"version": 1,\n "conference": {' }),
  );
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The schedule could not be loaded');
  await expect(page.locator('.error-message')).toContainText('line 2 column');
  expect(errors).toEqual([]);
});

test('a missing schedule.json shows the HTTP status', async ({ page }) => {
  await page.route('**/schedule.json', (route) => route.fulfill({ status: 404, body: 'nope' }));
  await page.goto('/agenda');
  await expect(page.locator('.error-message')).toContainText('The server answered 404');
});

test('a failed load leaves the stored agenda untouched', async ({ page }) => {
  const stored = '{"v":1,"entries":{"x":{"level":"must","title":"X","start":"","end":"","room":"","added":""}}}';
  await page.addInitScript(([k, v]) => localStorage.setItem(k, v), [AGENDA_KEY, stored]);
  await page.route('**/schedule.json', (route) => route.fulfill({ status: 200, body: '' }));
  await page.goto('/');
  await expect(page.locator('.error-message')).toContainText('the schedule file is empty');
  expect(await page.evaluate((k) => localStorage.getItem(k), AGENDA_KEY)).toBe(stored);
});

test('the page shows a loading state until the schedule arrives', async ({ page }) => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  await page.route('**/schedule.json', async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto('/');
  await expect(page.getByText('Loading schedule…')).toBeVisible();
  release();
  await expect(page.getByRole('article').first()).toBeVisible();
});

test('invalid sessions are skipped and counted; the rest shows', async ({ page }) => {
  await page.route('**/schedule.json', async (route) => {
    const res = await route.fetch();
    const data = await res.json();
    data.sessions[0].end = '2017-10-26T08:00:00+02:00';
    data.sessions[1].track = 'no-such-track';
    await route.fulfill({ response: res, json: data });
  });
  await page.goto('/');
  await expect(page.getByText('2 session(s) were skipped')).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(26);
});
