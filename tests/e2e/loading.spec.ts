// Loading: a visible loading state, and an error page that names the problem.
import { test, expect } from '@playwright/test';
import { AGENDA_KEY, ProgrammePage, holdBack } from './fixtures';

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
  await expect(page.getByText('Your starred sessions are safe: nothing was changed.')).toBeVisible();
  expect(await page.evaluate((k) => localStorage.getItem(k), AGENDA_KEY)).toBe(stored);
});

test('a deep link to a built page paints that page before the app has loaded', async ({ page }) => {
  const release = await holdBack(page, '**/*.wasm');
  await page.goto('/track/devops-and-ops');
  const built = page.locator('#prerender');
  await expect(built.locator('h1')).toHaveText('DevOps and Ops');
  await expect(built.locator('article').first()).toBeVisible();
  // A picture of the page until the app takes over: inert, hidden from assistive technology.
  await expect(built).toHaveAttribute('inert', '');
  await expect(built).toHaveAttribute('aria-hidden', 'true');
  release();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('DevOps and Ops');
  await expect(built).toHaveCount(0);
});

test('a deep link shows a loading state until the schedule arrives', async ({ page }) => {
  const release = await holdBack(page, '**/schedule.json');
  // A page of the app's own (not built: the agenda is personal).
  await page.goto('/agenda');
  await expect(page.getByText('Loading schedule…')).toBeVisible();
  release();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My agenda');
});

test('on "/" the built programme paints before the app loads; the app takes over without a jump', async ({ page }) => {
  // Hold the wasm back: what shows is the page as built.
  const release = await holdBack(page, '**/*.wasm');
  await page.addInitScript(() => {
    (window as any).__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as any[]) if (!e.hadRecentInput) (window as any).__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('/');
  const built = page.locator('#prerender');
  await expect(built.locator('article h3').first()).toHaveText('The State of Apache Mesos');
  await expect(built).toBeVisible();
  await expect(built.locator('article')).toHaveCount(28);
  // Built, not the app: inert, hidden from assistive technology, no app yet.
  await expect(built).toHaveAttribute('inert', '');
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
  await expect(page.getByText('Loading schedule…')).toBeHidden();
  release();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Programme');
  await expect(built).toHaveCount(0);
  // Stars work as soon as the app has taken over.
  const p = new ProgrammePage(page);
  await p.star('The Apache Way').click();
  await expect(p.star('The Apache Way')).toHaveAccessibleName(/^Remove from agenda/);
  expect(await page.evaluate(() => (window as any).__cls)).toBeLessThanOrEqual(0.02);
});

test('a schedule opened with ?schedule= is never shown as the built-in one, not even before the app loads', async ({ page }) => {
  const release = await holdBack(page, '**/*.wasm');
  await page.goto('/?schedule=/test-data/rc3-channels-schedule.json');
  await expect(page.locator('#prerender')).toBeAttached();
  await expect(page.locator('#prerender')).toBeHidden();
  release();
  await expect(page.getByRole('article')).toHaveCount(48);
  // Remembered: a later visit to "/" opens it again, and the built programme stays hidden.
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto('/');
  await expect(page.locator('#prerender')).toBeHidden();
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
  await expect(page.getByText('2 sessions were skipped')).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(26);
});
