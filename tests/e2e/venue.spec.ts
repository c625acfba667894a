// The organiser's venue file (docs/venue-format.md, issue 31): the demo deployed
// with `bash scripts/build.sh --schedule public/schedule.json --base /mesoscon/2017/
// --venue tests/data/venue-mesoscon.json --out target/deploy-base` (run by
// scripts/test.sh), served under /mesoscon/2017/ with no rewrites (playwright.config.ts).
// Club A's page shows the floor, the directions and the map image the venue file gives,
// as built (JavaScript off) and as the app draws it; nothing scrolls sideways at 320 px.
import { existsSync, readFileSync } from 'node:fs';
import { test, expect, type Locator, type Page } from '@playwright/test';
import { collectErrors } from './fixtures';

const BUILT = 'target/deploy-base';
test.beforeEach(() => {
  const command = `bash scripts/build.sh --schedule public/schedule.json --base /mesoscon/2017/ --venue tests/data/venue-mesoscon.json --out ${BUILT}`;
  if (!existsSync(`${BUILT}/index.html`)) {
    expect(process.env.CI, `${BUILT} is missing: scripts/test.sh builds it`).not.toBe('true');
    test.skip(true, `SKIPPED: ${BUILT} is absent (${command})`);
  }
  if (!existsSync(`${BUILT}/venue/club-a.svg`)) {
    expect(process.env.CI, `${BUILT} was built without its venue file: scripts/test.sh gives it`).not.toBe('true');
    test.skip(true, `SKIPPED: ${BUILT} was built without --venue (${command})`);
  }
});

const port = Number(process.env.E2E_BASE_PORT ?? 8182);
const B = `http://127.0.0.1:${port}/mesoscon/2017`;
const ROOM = `${B}/room/club-a/`;
const MAP = '/mesoscon/2017/venue/club-a.svg';
const CLUB_A = JSON.parse(readFileSync('tests/data/venue-mesoscon.json', 'utf8')).rooms['club-a'];
// Its directions: two paragraphs.
const DIRECTIONS: string[] = CLUB_A.directions.split('\n\n');
const STREAM: string = CLUB_A.links[0].url;

/** The page's main content: the built copy's (JavaScript off), or the app's once it has taken over. */
async function mainOf(page: Page, js: boolean): Promise<Locator> {
  if (!js) return page.locator('#prerender main');
  await expect(page.locator('#prerender')).toHaveCount(0);
  return page.getByRole('main');
}

/** The map image under "How to get there", scrolled into view (it loads lazily) and loaded. */
async function loadedMap(main: Locator): Promise<Locator> {
  const img = main.getByRole('region', { name: 'How to get there' }).getByRole('img', { name: 'Map of Club A' });
  await img.scrollIntoViewIfNeeded();
  await expect
    .poll(() => img.evaluate((i: HTMLImageElement) => (i.complete ? i.naturalWidth : 0)), { message: 'the map image loads' })
    .toBeGreaterThan(0);
  return img;
}

for (const js of [false, true]) {
  test.describe(js ? 'with JavaScript' : 'with JavaScript off', () => {
    test.use({ javaScriptEnabled: js });

    test("Club A's page shows the venue file's floor, directions, map image and stream", async ({ page }) => {
      const errors = collectErrors(page);
      const response = await page.goto(ROOM);
      expect(response?.status()).toBe(200);
      const main = await mainOf(page, js);
      await expect(main.getByRole('heading', { level: 1 })).toHaveText('Club A');
      // The floor, in the room's facts.
      const facts = main.locator('dl.room-facts');
      await expect(facts.locator('dt')).toContainText(['Floor']);
      await expect(facts.locator('dd')).toContainText(['Level -1']);
      // The directions, as text, in their paragraphs.
      const way = main.getByRole('region', { name: 'How to get there' });
      await expect(way.getByRole('heading', { level: 2 })).toHaveText('How to get there');
      await expect(way.locator('p')).toHaveText(DIRECTIONS);
      // The map image, under the base, linking to itself at full size, and loaded.
      const img = await loadedMap(main);
      await expect(img).toHaveAttribute('src', MAP);
      await expect(way.getByRole('link', { name: 'Map of Club A' })).toHaveAttribute('href', MAP);
      const file = await page.request.get(`http://127.0.0.1:${port}${MAP}`);
      expect(file.status()).toBe(200);
      expect(file.headers()['content-type']).toContain('image/svg+xml');
      // The venue's stream link, with the room's other links.
      await expect(main.locator('ul.room-links').getByRole('link', { name: 'Live stream' })).toHaveAttribute('href', STREAM);
      // A room the venue file says nothing about has no such section.
      await page.goto(`${B}/room/club-c/`);
      const other = await mainOf(page, js);
      await expect(other.getByRole('heading', { level: 1 })).toHaveText('Club C');
      await expect(other.getByRole('region', { name: 'How to get there' })).toHaveCount(0);
      expect(errors).toEqual([]);
    });

    test("at 320 px Club A's page does not scroll sideways, its map as wide as the page at most", async ({ page }) => {
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(ROOM);
      const main = await mainOf(page, js);
      await expect(main.getByRole('heading', { level: 1 })).toHaveText('Club A');
      const img = await loadedMap(main);
      // The plan is 480 px wide: scaled down, not cut off.
      const box = (await img.boundingBox())!;
      expect(box.width).toBeGreaterThan(100);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(320);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
}

test('the map image is in the service worker\'s shell, so a room page shows it offline', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(ROOM);
  await expect(page.locator('#app > main#main')).toBeAttached();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  expect(await page.evaluate(async (map) => (await caches.match(map)) !== undefined, MAP)).toBe(true);
  await context.setOffline(true);
  await page.reload();
  const img = await loadedMap(page.getByRole('main'));
  await expect(img).toBeVisible();
  await context.close();
});
