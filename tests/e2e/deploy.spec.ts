// The demo as an organiser deploys it: `bash scripts/build.sh --schedule
// public/schedule.json --base /mesoscon/2017/ --out target/deploy-base` (run by
// scripts/test.sh), served under /mesoscon/2017/ by a host WITHOUT rewrites
// (like GitHub Pages: a folder's index.html, a 404.html for the rest; see
// playwright.config.ts). Every built page is the app's own markup: these
// tests also compare it with what the app draws, read it with JavaScript off,
// and measure the take-over.
import { existsSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { collectErrors } from './fixtures';
import { serve } from './serve.mjs';

const BUILT = 'target/deploy-base';
test.beforeEach(() => {
  if (!existsSync(`${BUILT}/index.html`)) {
    expect(process.env.CI, `${BUILT} is missing: scripts/test.sh builds it`).not.toBe('true');
    test.skip(true, `SKIPPED: ${BUILT} is absent (bash scripts/build.sh --schedule public/schedule.json --base /mesoscon/2017/ --out ${BUILT})`);
  }
});

const port = Number(process.env.E2E_BASE_PORT ?? 8182);
const B = `http://127.0.0.1:${port}/mesoscon/2017`;
const SESSION = 'thu-devops-external-storage';
const SESSION_TITLE = 'Local or External Storage for Containers and Databases';

async function ready(page: Page) {
  // The app has taken over: the build-time copy is gone and a star works.
  await expect(page.locator('#prerender')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

test('every view works under /mesoscon/2017/ on a host without rewrites', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`${B}/`);
  await ready(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Programme');
  // Every link of the app stays under the base.
  const hrefs = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs.length).toBeGreaterThan(20);
  for (const href of hrefs) expect(href).toMatch(/^\/mesoscon\/2017\//);
  // In-app navigation to each view.
  for (const [link, heading] of [
    [/^Timetable/, /^Timetable/],
    [/^Now & next/, /^Now/],
    [/^My agenda/, 'My agenda'],
    [/^Programme/, 'Programme'],
  ] as const) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    expect(new URL(page.url()).pathname).toMatch(/^\/mesoscon\/2017\//);
  }
  // Deep links, each its own file (the host answers a folder's path with a
  // redirect to its slash, as GitHub Pages does): the app reads them all.
  for (const [path, heading] of [
    [`/session/${SESSION}`, new RegExp(SESSION_TITLE)],
    ['/track/devops-and-ops', 'DevOps and Ops'],
    ['/timetable/2017-10-27', /Friday/],
    ['/timetable', /Thursday/],
    ['/speakers', 'Speakers'],
    ['/speaker/ben-hindman', 'Ben Hindman'],
    ['/agenda', 'My agenda'],
    ['/now', /^Now/],
    ['/conferences', /onferences/],
  ] as const) {
    const response = await page.goto(`${B}${path}`);
    expect(response?.status(), path).toBe(200);
    await ready(page);
    await expect(page.getByRole('heading', { level: 1 }), path).toHaveText(heading);
  }
  // Anything else: the host's 404.html, which is the app, which says so.
  const missing = await page.goto(`${B}/no/such/page`);
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  // A star on a deep link works (the live app, not the copy).
  await page.goto(`${B}/session/${SESSION}`);
  await ready(page);
  await page.getByRole('button', { name: /^Add to agenda/ }).first().click();
  await expect(page.getByRole('button', { name: /^Remove from agenda/ }).first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('the service worker works under the base: scoped to it, and a reload offline opens a deep link', async ({ page }) => {
  // A server of this test's own, stopped to go offline (the worker's own
  // fetches do not follow a browser context's offline switch).
  const server = await serve(BUILT, 0, { base: '/mesoscon/2017/', rewrites: false });
  const at = `${server.url}/mesoscon/2017`;
  await page.goto(`${at}/`);
  await ready(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(`${at}/`);
  await page.reload();
  await ready(page);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  const manifest = await page.evaluate(async () => {
    const href = document.querySelector('link[rel="manifest"]')!.getAttribute('href')!;
    return { href, body: await (await fetch(href)).json() };
  });
  expect(manifest.href).toBe('/mesoscon/2017/manifest.webmanifest');
  expect(manifest.body.start_url).toBe('/mesoscon/2017/');
  expect(manifest.body.scope).toBe('/mesoscon/2017/');
  // Online, a deep link is its built page, fetched (network first).
  await page.goto(`${at}/session/${SESSION}/`);
  await ready(page);
  expect(await page.locator('meta[name="app-page"]').getAttribute('content')).toBe(`/mesoscon/2017/session/${SESSION}`);
  await server.close();
  // Offline: built pages are not precached; the shell (the programme's
  // page) answers, and the app draws the route itself.
  await page.goto(`${at}/session/${SESSION}/`);
  await ready(page);
  expect(await page.locator('meta[name="app-page"]').getAttribute('content')).toBe('/mesoscon/2017/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(SESSION_TITLE);
});

test('a share link made under the base opens the agenda in a fresh browser', async ({ page, browser }) => {
  await page.goto(`${B}/`);
  await ready(page);
  const cards = page.getByRole('article');
  const titles = [await cards.nth(0).getByRole('heading').textContent(), await cards.nth(5).getByRole('heading').textContent()];
  await cards.nth(0).getByRole('button', { name: /^Add to agenda/ }).click();
  await cards.nth(5).getByRole('button', { name: /^Add to agenda/ }).click();
  await page.getByRole('link', { name: /^My agenda/ }).click();
  const link = await page.getByLabel('Share link').inputValue();
  expect(link.startsWith(`${B}/agenda/shared#`)).toBe(true);
  const other = await browser.newContext();
  const visitor = await other.newPage();
  await visitor.goto(link);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Shared agenda');
  await expect(visitor.getByRole('article').getByRole('heading')).toHaveText(titles as string[]);
  await other.close();
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('a session page shows its title, time, room and speakers, and its links lead to built pages', async ({ page }) => {
    const response = await page.goto(`${B}/session/${SESSION}/`);
    expect(response?.status()).toBe(200);
    const main = page.locator('#prerender main');
    await expect(main.getByRole('heading', { level: 1 })).toContainText(SESSION_TITLE);
    await expect(main).toContainText('11:00–11:40');
    await expect(main).toContainText('Club A');
    await expect(main).toContainText('David vonThenen');
    // Said once, plainly: what needs the app.
    await expect(page.locator('.nojs-note')).toHaveCount(1);
    await expect(page.locator('.nojs-note')).toContainText('need JavaScript');
    // Stars and filters, which cannot work, are not offered.
    await expect(page.getByRole('button', { name: /^Add to agenda/ })).toHaveCount(0);
    // Its track link leads to the built track page.
    await main.getByRole('link', { name: 'DevOps and Ops' }).first().click();
    await expect(page).toHaveURL(/\/mesoscon\/2017\/track\/devops-and-ops\/?$/);
    await expect(page.locator('#prerender main').getByRole('heading', { level: 1 })).toHaveText('DevOps and Ops');
    await expect(page.locator('#prerender article').first()).toBeVisible();
    // And the timetable of a day is there too.
    await page.goto(`${B}/timetable/2017-10-26/`);
    await expect(page.locator('#prerender main')).toContainText(SESSION_TITLE);
  });
});

/** The markup under `root` as a canonical string: elements with their
 * attributes (sorted; no style, no build-time style classes), trimmed text,
 * no comments: what both the build and the app must agree on. A card's
 * generated id ends in a fingerprint of its session (model::live::card_key),
 * hashed differently by the 64-bit build and the 32-bit wasm: the copy's ids
 * are its own (never the same as the app's while both are in the page). */
function canonical(root: Element): string {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) {
      const t = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (t) out.push(t);
      return;
    }
    if (n.nodeType !== Node.ELEMENT_NODE) return;
    const el = n as Element;
    const attrs = [...el.attributes]
      .filter((a) => a.name !== 'style')
      .map((a) => {
        if (a.name === 'id' || a.name === 'aria-labelledby') return `${a.name}="${a.value.replace(/^(session-\d+)-[0-9a-f]+$/, '$1')}"`;
        const v = a.name === 'class' ? a.value.split(/\s+/).filter((c) => c && !/^s-[0-9a-f]{8}(-\d+)?$/.test(c)).join(' ') : a.value;
        return `${a.name}="${v}"`;
      })
      .filter((a) => a !== 'class=""')
      .sort();
    out.push(`<${el.tagName.toLowerCase()}${attrs.length ? ' ' + attrs.join(' ') : ''}>`);
    el.childNodes.forEach(walk);
    out.push(`</${el.tagName.toLowerCase()}>`);
  };
  walk(root);
  return out.join('');
}

for (const path of ['/', `/session/${SESSION}`]) {
  test(`the built markup of ${path} is what the app draws there`, async ({ page, request }) => {
    const html = await (await request.get(`${B}${path}`)).text();
    await page.goto(`${B}${path}`);
    await ready(page);
    const [built, app] = await page.evaluate(
      ([html, fn]) => {
        const canonical = new Function(`return (${fn})`)();
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const copy = doc.getElementById('prerender')!;
        const pick = (root: ParentNode) =>
          ['header.site-header', 'main'].map((s) => canonical(root.querySelector(s)!)).join('\n');
        return [pick(copy), pick(document.body)];
      },
      [html, canonical.toString()] as const,
    );
    expect(built.length).toBeGreaterThan(500);
    // Where they part, if they do: the first difference and what surrounds it.
    let at = 0;
    while (at < built.length && built[at] === app[at]) at++;
    const around = (s: string) => s.slice(Math.max(0, at - 200), at + 200);
    expect(`built: ${around(built)}`).toBe(`built: ${around(app)}`);
    expect(built).toBe(app);
  });
}

test('a deep link changes from the built copy to the app with no layout shift', async ({ page }) => {
  // The parts that draw these pages arrive late: the copy stays until they have drawn.
  await page.route('**/split_*.wasm', async (route) => {
    await new Promise((r) => setTimeout(r, 300));
    await route.continue();
  });
  await page.setViewportSize({ width: 375, height: 667 });
  await page.addInitScript(() => {
    (window as any).__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as any[]) if (!e.hadRecentInput) (window as any).__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  for (const path of [`/session/${SESSION}`, '/track/devops-and-ops', '/timetable/2017-10-26']) {
    await page.goto(`${B}${path}`);
    await ready(page);
    // Two frames after the take-over: any shift it caused is recorded.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const cls = await page.evaluate(() => (window as any).__cls);
    expect(cls, path).toBeLessThanOrEqual(0.02);
  }
});
