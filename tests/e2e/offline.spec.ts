// Offline first: the service worker, the cache, new deployments, installability.
// Each test runs its own server on a copy of dist/, so it can stop the server
// (a real network failure) or deploy a new version into it.
import { test, expect, chromium } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-ignore: plain ES module
import { serve } from './serve.mjs';

async function ownServer() {
  const dir = mkdtempSync(join(tmpdir(), 'sv-dist-'));
  cpSync('dist', dir, { recursive: true });
  const server = await serve(dir, 0);
  return { dir, ...server };
}

async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
}

test('after one visit, the app and the schedule load with no network', async ({ page }) => {
  const server = await ownServer();
  await page.goto(server.url + '/');
  await expect(page.getByRole('article')).toHaveCount(28);
  await controlled(page);
  await server.close();

  const started = Date.now();
  await page.reload();
  await expect(page.getByRole('article')).toHaveCount(28);
  const coldOfflineMs = Date.now() - started;
  test.info().annotations.push({ type: 'offline reload', description: `${coldOfflineMs} ms` });
  console.log(`offline reload to 28 sessions: ${coldOfflineMs} ms`);
  await expect(page.getByText(/^Offline — showing the saved schedule as of \w{3} \d+ \w{3} \d\d:\d\d\.$/)).toBeVisible();

  // Deep links work offline too (history routing from the cached shell).
  await page.goto(server.url + '/track/devops-and-ops');
  await expect(page.getByRole('article')).toHaveCount(5);
  await page.getByRole('button', { name: /^Add to agenda: Knee Deep/ }).click();
  await page.goto(server.url + '/agenda');
  await expect(page.getByRole('article')).toHaveCount(1);

  // Every lazily loaded part was precached: none of them was opened online,
  // and each view works offline (a deep link, then in-app navigation).
  for (const [path, heading] of [
    ['/timetable/2017-10-26', /^Timetable/],
    ['/now', /^Now & next/],
    ['/speakers', /^Speakers$/],
    ['/conferences', /^Conferences$/],
  ] as const) {
    await page.goto(server.url + path);
    await expect(page.locator('main#main h1').first()).toHaveText(heading);
  }
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Timetable/ }).click();
  await expect(page.locator('main#main h1').first()).toHaveText(/^Timetable/);
  await expect(page.getByText('This part of the app could not be loaded.')).toHaveCount(0);
});

test('a new deployment is offered, and taken over cleanly', async ({ page }) => {
  const server = await ownServer();
  await page.goto(server.url + '/');
  await expect(page.getByRole('article')).toHaveCount(28);
  await controlled(page);
  const before = await page.evaluate(() => caches.keys());
  expect(before.filter((k) => k.startsWith('shell-'))).toHaveLength(1);

  // Deploy: a new build has a new cache version in sw.js.
  const swPath = join(server.dir, 'sw.js');
  const sw = readFileSync(swPath, 'utf8');
  const newVersion = 'feedfacefeedface';
  writeFileSync(swPath, sw.replace(/const VERSION = "[0-9a-f]+"/, `const VERSION = "${newVersion}"`));
  expect(readFileSync(swPath, 'utf8')).toContain(newVersion);

  await page.reload();
  await expect(page.getByText('A new version of this app is available.')).toBeVisible({ timeout: 15_000 });
  // Until the user agrees, the old version keeps serving.
  await expect(page.getByRole('article')).toHaveCount(28);
  const [oldShell] = before.filter((k) => k.startsWith('shell-'));
  await page.getByRole('button', { name: 'Reload' }).click();
  // The new version's shell, and the previous one kept for tabs still running
  // it (their lazily loaded parts may not be opened yet).
  await page.waitForFunction(
    ([v, old]) =>
      caches.keys().then((keys) => {
        const shells = keys.filter((k) => k.startsWith('shell-')).sort();
        return shells.length === 2 && shells.includes(`shell-${v}`) && shells.includes(old);
      }),
    [newVersion, oldShell],
    { timeout: 15_000 },
  );
  await expect(page.getByRole('article')).toHaveCount(28);
  await expect(page.getByText('A new version of this app is available.')).toHaveCount(0);
  await server.close();
});

test('the manifest makes the app installable (Chromium reports no installability errors)', async ({}, testInfo) => {
  const server = await ownServer();
  // Installability needs a real (non-incognito) profile.
  const profile = mkdtempSync(join(tmpdir(), 'sv-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    headless: true,
    ...(testInfo.project.use.launchOptions ?? {}),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url + '/');
  await expect(page.getByRole('article')).toHaveCount(28);
  await controlled(page);
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors).toEqual([]);
  const manifest = await (await page.request.get(server.url + '/manifest.webmanifest')).json();
  expect(manifest).toMatchObject({ display: 'standalone', start_url: '/' });
  await context.close();
  await server.close();
});
