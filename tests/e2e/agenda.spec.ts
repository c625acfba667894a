// The personal agenda: starring, persistence, and every way storage can fail.
import { test, expect } from '@playwright/test';
import { AGENDA_KEY, ProgrammePage, collectErrors, disableStorage, openSettings, seedStorage, fillableStorage, storageFull } from './fixtures';

const A = 'Knee Deep in Microservices';
const B = 'The Future of Apache Mesos and DC/OS';

test('starring two sessions survives a reload; unstarring removes one', async ({ page }) => {
  const p = new ProgrammePage(page);
  await p.goto();
  await p.star(B).click();
  await p.star(A).click();
  await expect(p.star(A)).toHaveAccessibleName(`Remove from agenda: ${A}`);
  await expect(p.star(A)).not.toHaveAttribute('aria-pressed');
  const stored = await p.storedAgenda();
  expect(stored.v).toBe(3);
  expect(Object.keys(stored.entries).sort()).toEqual(['fri-keynote-future', 'thu-devops-knee-deep']);
  expect(stored.entries['thu-devops-knee-deep']).toMatchObject({
    level: 'must',
    title: A,
    start: '2017-10-26T11:50:00+02:00',
    room: 'Club A',
  });

  await page.reload();
  await page.getByRole('link', { name: 'My agenda' }).click();
  await expect(page).toHaveURL(/\/agenda$/);
  await expect(page).toHaveTitle('My agenda · MesosCon Europe 2017');
  // Time order, grouped by day, whatever the order of starring.
  await expect(p.titles).toHaveText([A, B]);
  await expect(page.getByRole('heading', { level: 2, name: 'Thursday 26 October 2017' })).toBeVisible();

  await p.star(A).click();
  await expect(p.titles).toHaveText([B]);
  await expect(page.getByText(`Removed “${A}” from your agenda.`)).toBeVisible();
  await page.reload();
  await expect(p.titles).toHaveText([B]);
  await page.getByRole('button', { name: 'Remove from agenda' }).click();
  await expect(page.getByText('Nothing starred yet.')).toBeVisible();
});

test('unstar can be undone', async ({ page }) => {
  const p = new ProgrammePage(page);
  await p.goto();
  await p.star(A).click();
  await p.star(A).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(p.star(A)).toHaveAccessibleName(`Remove from agenda: ${A}`);
  expect(Object.keys((await p.storedAgenda()).entries)).toEqual(['thu-devops-knee-deep']);
});

test('the star works from the keyboard with Enter and Space', async ({ page }) => {
  const p = new ProgrammePage(page);
  await p.goto();
  await p.star(A).focus();
  await page.keyboard.press('Enter');
  await expect(p.star(A)).toHaveAccessibleName(`Remove from agenda: ${A}`);
  await p.star(B).focus();
  await page.keyboard.press('Space');
  await expect(p.star(B)).toHaveAccessibleName(`Remove from agenda: ${B}`);
  await page.keyboard.press('Space');
  await expect(p.star(B)).toHaveAccessibleName(`Add to agenda: ${B}`);
  expect(Object.keys((await p.storedAgenda()).entries)).toEqual(['thu-devops-knee-deep']);
});

test('a corrupt stored agenda is kept aside, reported, and the app works', async ({ page }) => {
  const corrupt = '{"v":1,"entries":{"oops"';
  await seedStorage(page, AGENDA_KEY, corrupt);
  const p = new ProgrammePage(page);
  await p.goto();
  await expect(page.getByRole('alert')).toContainText('Your saved agenda could not be used');
  const backups = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('schedule-viewer/backup/mesoscon-eu-2017/'))
      .map((k) => localStorage.getItem(k)),
  );
  expect(backups).toEqual([corrupt]);
  await p.star(A).click();
  // (the corrupt text stays stored until the star's write replaces it: not JSON, read as nothing)
  await expect
    .poll(async () => Object.keys((await p.storedAgenda().catch(() => null))?.entries ?? {}))
    .toEqual(['thu-devops-knee-deep']);
});

test('an agenda from a newer app version is never overwritten', async ({ page }) => {
  const future = '{"v":9,"entries":{},"more":"stuff"}';
  await seedStorage(page, AGENDA_KEY, future);
  const p = new ProgrammePage(page);
  await p.goto();
  await expect(page.getByRole('alert')).toContainText('written by a newer version of this app');
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('/backup/')));
  expect(keys).toHaveLength(1);
  expect(await page.evaluate((k) => localStorage.getItem(k), keys[0])).toBe(future);
});

test.describe('with storage disabled', () => {
  let errors: string[] = [];
  test.beforeEach(async ({ page }) => {
    await disableStorage(page);
    errors = collectErrors(page);
    await new ProgrammePage(page).goto();
    await expect(page.getByRole('alert')).toContainText('does not let the page store data');
  });
  // Nothing may panic or throw: gloo-storage's raw() would, were it reached.
  test.afterEach(() => expect(errors).toEqual([]));

  test('the agenda works in memory, with a notice', async ({ page }) => {
    const p = new ProgrammePage(page);
    await p.star(A).click();
    await expect(p.star(A)).toHaveAccessibleName(`Remove from agenda: ${A}`);
    await page.getByRole('link', { name: 'My agenda' }).click();
    await expect(p.titles).toHaveText([A]);
  });

  test('every other stored thing holds for the visit: settings, rooms, conferences, another schedule', async ({ page }) => {
    const p = new ProgrammePage(page);
    // Settings are written on every change (and cannot be). The real clock
    // is years after the demo: hiding past sessions hides them all.
    await page.getByLabel('Hide past sessions').check();
    await expect(p.count).toHaveText('No sessions match these filters.');
    await page.getByLabel('Hide past sessions').uncheck();
    await expect(p.count).toHaveText('28 sessions');
    await openSettings(page);
    await page.getByLabel('Theme').selectOption({ label: 'Dark' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    // The room choice is read and written per conference.
    await page.goto('/timetable/2017-10-26');
    await page.locator('details.room-chooser summary').click();
    await page.getByRole('button', { name: 'Hide all rooms' }).click();
    await expect(page.getByText('Every room with sessions on this day is hidden')).toBeVisible();
    await page.getByRole('button', { name: 'Show all rooms' }).click();
    await expect(page.getByRole('article')).toHaveCount(16);
    // The conferences list is read and written on every load.
    await page.goto('/conferences');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Conferences');
    // Another schedule: its source and the link's zone would be remembered.
    const devops = 'Elite DevOps using Kubernetes';
    await p.goto(`/?schedule=${encodeURIComponent('/test-data/sessionize-orlando-codecamp-2020.json')}&tz=America/New_York`);
    await expect(p.count).toHaveText('99 sessions');
    await p.star(devops).click();
    await expect(p.star(devops)).toHaveAccessibleName(`Remove from agenda: ${devops}`);
  });
});

test('a full storage keeps the star in memory, says so, and saves on the next success', async ({ page }) => {
  await fillableStorage(page);
  const p = new ProgrammePage(page);
  await p.goto();
  await storageFull(page, true);
  await p.star(A).click();
  await expect(p.star(A)).toHaveAccessibleName(`Remove from agenda: ${A}`);
  await expect(page.getByRole('alert')).toContainText('storage is full');
  expect(await p.storedAgenda()).toBeNull();
  await storageFull(page, false);
  await p.star(B).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(Object.keys((await p.storedAgenda()).entries).sort()).toEqual(['fri-keynote-future', 'thu-devops-knee-deep']);
});

test('a star in one tab appears in another', async ({ context }) => {
  const one = new ProgrammePage(await context.newPage());
  const two = new ProgrammePage(await context.newPage());
  await one.goto();
  await two.goto();
  await one.star(A).click();
  await expect(two.star(A)).toHaveAccessibleName(`Remove from agenda: ${A}`);
  await two.star(B).click();
  await expect(one.star(B)).toHaveAccessibleName(`Remove from agenda: ${B}`);
  expect(Object.keys((await one.storedAgenda()).entries).sort()).toEqual(['fri-keynote-future', 'thu-devops-knee-deep']);
});

test('concurrent changes in two tabs merge in storage: no lost star, no revived one', async ({ context }) => {
  // Tab two does not hear tab one's changes to the agenda (as when both
  // change at once), and counts those it missed: its own write (storage.rs's
  // save_changes) is then the only way it can learn them.
  await context.addInitScript((key) => {
    (window as any).__missed = 0;
    window.addEventListener(
      'storage',
      (e) => {
        if (!(window as any).__deaf || e.key !== key) return;
        (window as any).__missed += 1;
        e.stopImmediatePropagation();
      },
      true,
    );
  }, AGENDA_KEY);
  const one = new ProgrammePage(await context.newPage());
  const two = new ProgrammePage(await context.newPage());
  await one.goto();
  await two.goto();
  await expect(one.sessions).toHaveCount(28);
  await expect(two.sessions).toHaveCount(28);
  const missed = () => two.page.evaluate(() => (window as any).__missed as number);
  const storedIds = async (tab: ProgrammePage) => Object.keys((await tab.storedAgenda())?.entries ?? {}).sort();
  await two.page.evaluate(() => ((window as any).__deaf = true));

  // Tab one stars A; tab two has been told (the event reached it) but did not listen.
  await one.star(A).click();
  await expect.poll(missed).toBe(1);
  await expect(two.star(A)).toHaveAccessibleName(`Add to agenda: ${A}`);
  await expect.poll(() => storedIds(two)).toEqual(['thu-devops-knee-deep']);
  // Tab two stars B, not knowing A: its write merges into what is stored.
  await two.star(B).click();
  await expect.poll(() => storedIds(two)).toEqual(['fri-keynote-future', 'thu-devops-knee-deep']);
  await expect(two.star(A)).toHaveAccessibleName(`Remove from agenda: ${A}`);
  await expect(two.star(B)).toHaveAccessibleName(`Remove from agenda: ${B}`);
  await expect(one.star(A)).toHaveAccessibleName(`Remove from agenda: ${A}`);
  await expect(one.star(B)).toHaveAccessibleName(`Remove from agenda: ${B}`);

  // Tab one unstars A; tab two still shows it and stars C: the merge starts
  // from what is stored, so A stays removed (writing tab two's copy would revive it).
  const C = 'Mesos Security Exposed!';
  await one.star(A).click();
  await expect.poll(missed).toBe(2);
  await expect(two.star(A)).toHaveAccessibleName(`Remove from agenda: ${A}`);
  await two.star(C).click();
  await expect.poll(() => storedIds(one)).toEqual(['fri-keynote-future', 'thu-devops-security-exposed']);
  for (const tab of [one, two]) {
    await expect(tab.star(A)).toHaveAccessibleName(`Add to agenda: ${A}`);
    await expect(tab.star(B)).toHaveAccessibleName(`Remove from agenda: ${B}`);
    await expect(tab.star(C)).toHaveAccessibleName(`Remove from agenda: ${C}`);
  }
  // And after a reload, from storage alone.
  await two.page.reload();
  await expect(two.star(B)).toHaveAccessibleName(`Remove from agenda: ${B}`);
  await expect(two.star(C)).toHaveAccessibleName(`Remove from agenda: ${C}`);
  await expect(two.star(A)).toHaveAccessibleName(`Add to agenda: ${A}`);
});

test('a starred session that moved or vanished is named, and can be acknowledged', async ({ page }) => {
  const stored = {
    v: 1,
    entries: {
      'thu-devops-knee-deep': { level: 'must', title: A, start: '2017-10-26T10:00:00+02:00', end: '2017-10-26T10:40:00+02:00', room: 'Club B', added: '2017-10-01T00:00:00Z' },
      'thu-old-talk': { level: 'must', title: 'A Talk That Was Cancelled', start: '2017-10-26T16:00:00+02:00', end: '2017-10-26T16:40:00+02:00', room: 'Club A', added: '2017-10-01T00:00:00Z' },
    },
  };
  await seedStorage(page, AGENDA_KEY, JSON.stringify(stored));
  const p = new ProgrammePage(page);
  await p.goto('/agenda');
  await expect(page.getByText(`Moved: “${A}”, now Thu 26 Oct 11:50, Club A (was Thu 26 Oct 10:00, Club B)`)).toBeVisible();
  const gone = page.getByRole('region', { name: 'No longer in the schedule' });
  await expect(gone).toContainText('A Talk That Was Cancelled (was Thu 26 Oct 16:00, Club A)');
  // Nothing is dropped silently: both ids are still stored.
  expect(Object.keys((await p.storedAgenda()).entries).sort()).toEqual(['thu-devops-knee-deep', 'thu-old-talk']);
  await page.getByRole('button', { name: `OK, noted: ${A}` }).click();
  await expect(page.getByText(`Moved: “${A}”`)).toHaveCount(0);
  expect((await p.storedAgenda()).entries['thu-devops-knee-deep']).toMatchObject({ start: '2017-10-26T11:50:00+02:00', room: 'Club A', added: '2017-10-01T00:00:00Z' });
  await gone.getByRole('button', { name: 'Dismiss A Talk That Was Cancelled' }).click();
  await expect(gone).toHaveCount(0);
  expect(Object.keys((await p.storedAgenda()).entries)).toEqual(['thu-devops-knee-deep']);
  await page.reload();
  // The loaded agenda first (while "Loading schedule…" shows, no note could be there either).
  await expect(p.titles).toHaveText([A]);
  await expect(page.getByText(`Moved: “${A}”`)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'No longer in the schedule' })).toHaveCount(0);
});

test('after the first star the agenda says what the browser answered about keeping data', async ({ context }) => {
  // The browser's answer to navigator.storage.persist() is the test's to
  // give (window.__grant); a real browser decides by its own heuristics.
  await context.addInitScript(() => {
    (window as any).__asked = 0;
    StorageManager.prototype.persist = function () {
      (window as any).__asked += 1;
      return Promise.resolve((window as any).__grant === true);
    };
  });
  const cases = [
    { grant: true, star: A, then: 'Mesos Security Exposed!', says: 'Your browser has agreed to keep this agenda even when it runs short of space.' },
    {
      grant: false,
      star: B,
      then: 'Doing Real DevOps with DC/OS',
      says: "Your browser has not promised to keep this site's data: it may clear this agenda if it runs short of space, or after weeks without a visit.",
    },
  ];
  for (const { grant, star, then, says } of cases) {
    const p = new ProgrammePage(await context.newPage());
    await p.goto();
    await expect(p.sessions).toHaveCount(28);
    await p.page.evaluate((g) => ((window as any).__grant = g), grant);
    const asked = () => p.page.evaluate(() => (window as any).__asked as number);
    // Not asked before the first star of this visit; once after it, not again.
    expect(await asked()).toBe(0);
    await p.star(star).click();
    await expect.poll(asked).toBe(1);
    await p.star(then).click();
    await expect(p.star(then)).toHaveAccessibleName(`Remove from agenda: ${then}`);
    await p.page.getByRole('link', { name: 'My agenda' }).click();
    await expect(p.page.locator('.persistence')).toHaveText(says);
    expect(await asked()).toBe(1);
    await p.page.close();
  }
});
