// Following a track, a speaker or a room (issue 31): the button on its page,
// My agenda's list with upcoming sessions, "Only what I follow", the marks in
// the filters, the notices and notifications of changes to what is followed,
// the share link, and the agenda's storage guarantees applied to follows.
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
// @ts-ignore: plain ES module
import { serve } from './serve.mjs';
// @ts-ignore: plain ES module
import { base as demo, changed, MOVED, CANCELLED, ADDED } from './live-data.mjs';
import { AGENDA_KEY, ProgrammePage, collectErrors, disableStorage, seedStorage, recordNotifications, notes, fillableStorage, storageFull, lastSeenSnapshot } from './fixtures';

const schedule = JSON.parse(readFileSync('dist/schedule.json', 'utf8'));
const TRACK = { id: 'users-and-ops', name: 'Users and Ops' };
const SPEAKER = { id: 'adam-sandor', name: schedule.speakers.find((s: any) => s.id === 'adam-sandor').name };
/** The demo's sessions in the track or by the speaker, in the file's order. */
const followedTitles = schedule.sessions
  .filter((s: any) => s.track === TRACK.id || (s.speakers ?? []).includes(SPEAKER.id))
  .map((s: any) => s.title);

const followButton = (page: Page, kind: string, name: string) =>
  page.getByRole('button', { name: new RegExp(`^(Follow|Stop following) the ${kind} ${name}$`) });

async function follow(page: Page, kind: string, path: string, name: string) {
  await page.goto(path);
  const button = followButton(page, kind, name);
  await expect(button).toHaveAccessibleName(`Follow the ${kind} ${name}`);
  await button.click();
  await expect(button).toHaveAccessibleName(`Stop following the ${kind} ${name}`);
  await expect(button).toHaveText('Following');
  await expect(button).toHaveClass(/\bfollowing\b/);
}

const storedFollows = async (page: Page) =>
  Object.keys(JSON.parse((await page.evaluate((k) => localStorage.getItem(k), AGENDA_KEY)) ?? '{}').follows ?? {}).sort();

test('a track and a speaker are followed, kept after a reload, listed in My agenda and filtered by', async ({ page }) => {
  const errors = collectErrors(page);
  // The morning of the first day: everything is still to come.
  await page.clock.install({ time: new Date('2017-10-26T08:00:00+02:00') });
  await follow(page, 'track', `/track/${TRACK.id}`, TRACK.name);
  await follow(page, 'speaker', `/speaker/${SPEAKER.id}`, SPEAKER.name);
  expect(await storedFollows(page)).toEqual([`speaker:${SPEAKER.id}`, `track:${TRACK.id}`]);

  await page.reload();
  await expect(followButton(page, 'speaker', SPEAKER.name)).toHaveAccessibleName(`Stop following the speaker ${SPEAKER.name}`);

  // My agenda lists both with their upcoming sessions (five at most each).
  await page.goto('/agenda');
  const section = page.getByRole('region', { name: 'What you follow' });
  await expect(section.getByRole('heading', { level: 3 })).toHaveText([`Track: ${TRACK.name}`, `Speaker: ${SPEAKER.name}`]);
  const trackItem = section.getByRole('listitem').filter({ has: page.getByRole('link', { name: TRACK.name, exact: true }) });
  const trackSessions = schedule.sessions.filter((s: any) => s.track === TRACK.id);
  await expect(trackItem.locator('.followed-sessions > li')).toHaveCount(Math.min(5, trackSessions.length));
  await expect(trackItem.locator('.followed-sessions > li').first()).toContainText(trackSessions[0].title);
  if (trackSessions.length > 5) await expect(trackItem).toContainText(`${trackSessions.length - 5} more on its page`);

  // The programme: "Only what I follow" keeps exactly their sessions, in the URL.
  const p = new ProgrammePage(page);
  await p.goto('/');
  await expect(p.track(TRACK.name)).toHaveAccessibleName(`${TRACK.name} · following`);
  await page.getByLabel('Only what I follow').check();
  await expect(page).toHaveURL(/[?&]following=1/);
  await expect(p.count).toHaveText(`${followedTitles.length} sessions`);
  const shown = (await p.titles.allTextContents()).map((t) => t.trim());
  expect(shown.sort()).toEqual([...followedTitles].sort());
  // A link reproduces the view.
  await page.reload();
  await expect(p.count).toHaveText(`${followedTitles.length} sessions`);
  // Unfollowing from My agenda: the filter then matches nothing.
  await page.goto('/agenda');
  await followButton(page, 'track', TRACK.name).click();
  await followButton(page, 'speaker', SPEAKER.name).click();
  await expect(page.getByRole('region', { name: 'What you follow' })).toHaveCount(0);
  expect(await storedFollows(page)).toEqual([]);
  await p.goto('/?following=1');
  await expect(p.count).toHaveText('No sessions match these filters.');
  expect(errors).toEqual([]);
});

test('a room is followed from its page; an imported agenda brings its follows, and the speaker filter marks them', async ({ page }) => {
  await follow(page, 'room', '/room/club-a', 'Club A');
  await page.goto('/agenda');
  await expect(page.getByRole('region', { name: 'What you follow' }).getByRole('heading', { level: 3 })).toHaveText(['Room: Club A']);
  // An exported agenda of another browser: a star, a follow (and one of a kind this app does not know would be refused).
  const file = { v: 3, entries: {}, own: {}, follows: { [`speaker:${SPEAKER.id}`]: { name: SPEAKER.name, added: '2017-10-01T00:00:00Z' } } };
  await page.getByLabel('Import agenda (JSON)').setInputFiles({ name: 'agenda.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.getByText('Imported 0 new sessions; now following 1 more.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'What you follow' }).getByRole('heading', { level: 3 })).toHaveText([`Speaker: ${SPEAKER.name}`, 'Room: Club A']);
  expect(await storedFollows(page)).toEqual(['room:club-a', `speaker:${SPEAKER.id}`]);
  // The Speaker filter says which speakers are followed.
  const p = new ProgrammePage(page);
  await p.goto('/');
  await p.speaker.fill(SPEAKER.name.slice(0, 4));
  await expect(page.getByRole('listbox', { name: 'Speakers' }).getByRole('option', { name: new RegExp(`^${SPEAKER.name}.*· following$`) })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Room' }).getByRole('checkbox', { name: 'Club A · following' })).toBeVisible();
});

test('a corrupt stored agenda is kept aside, and following still works and is stored', async ({ page }) => {
  await seedStorage(page, AGENDA_KEY, '{"v":3,"entries":{},"follows":{"session:x":{}}}');
  await page.goto(`/track/${TRACK.id}`);
  await expect(page.getByRole('alert')).toContainText('Your saved agenda could not be used');
  await followButton(page, 'track', TRACK.name).click();
  await expect.poll(() => storedFollows(page)).toEqual([`track:${TRACK.id}`]);
});

test('a full storage keeps the follow in memory, says so, and writes it with the next change', async ({ page }) => {
  await fillableStorage(page);
  const p = new ProgrammePage(page);
  await p.goto(`/speaker/${SPEAKER.id}`);
  await storageFull(page, true);
  await followButton(page, 'speaker', SPEAKER.name).click();
  await expect(followButton(page, 'speaker', SPEAKER.name)).toHaveAccessibleName(/^Stop following/);
  await expect(page.getByRole('alert')).toContainText('storage is full');
  expect(await storedFollows(page)).toEqual([]);
  await storageFull(page, false);
  const first = (await p.titles.first().textContent())!.trim();
  await p.star(first).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await storedFollows(page)).toEqual([`speaker:${SPEAKER.id}`]);
});

test('with storage disabled, following works for the visit and nothing throws', async ({ page }) => {
  await disableStorage(page);
  const errors = collectErrors(page);
  await page.goto(`/track/${TRACK.id}`);
  await expect(page.getByRole('alert')).toContainText('does not let the page store data');
  await followButton(page, 'track', TRACK.name).click();
  await expect(followButton(page, 'track', TRACK.name)).toHaveAccessibleName(/^Stop following/);
  expect(errors).toEqual([]);
});

test('a follow in one tab appears in another, and both tabs\' follows are kept', async ({ context }) => {
  const one = await context.newPage();
  const two = await context.newPage();
  await one.goto(`/track/${TRACK.id}`);
  await two.goto(`/track/${TRACK.id}`);
  await followButton(one, 'track', TRACK.name).click();
  await expect(followButton(two, 'track', TRACK.name)).toHaveAccessibleName(/^Stop following/);
  await two.goto(`/speaker/${SPEAKER.id}`);
  await followButton(two, 'speaker', SPEAKER.name).click();
  await expect.poll(() => storedFollows(one)).toEqual([`speaker:${SPEAKER.id}`, `track:${TRACK.id}`]);
  await one.reload();
  await expect(followButton(one, 'track', TRACK.name)).toHaveAccessibleName(/^Stop following/);
});

test('follows travel with the share link, and "Add all" follows them too', async ({ context }) => {
  const sharer = await context.newPage();
  await follow(sharer, 'track', `/track/${TRACK.id}`, TRACK.name);
  await sharer.goto('/agenda');
  const link = await sharer.getByLabel('Share link').inputValue();
  expect(link).toContain(`;ft${TRACK.id}`);
  // Another visitor (a fresh context: nothing stored).
  const other = await context.browser()!.newContext();
  const visitor = await other.newPage();
  await visitor.goto(link);
  const theirs = visitor.getByRole('region', { name: 'They follow' });
  await expect(theirs.getByRole('link', { name: TRACK.name })).toBeVisible();
  await visitor.getByRole('button', { name: 'Add all to my agenda' }).click();
  await expect(visitor.getByText(/now following 1 more\.$/)).toBeVisible();
  await expect(followButton(visitor, 'track', TRACK.name)).toHaveAccessibleName(/^Stop following/);
  expect(await storedFollows(visitor)).toEqual([`track:${TRACK.id}`]);
  await other.close();
});

test('a change to a followed track is named, notified once live, and named again after a reload', async ({ page }) => {
  const errors = collectErrors(page);
  await seedStorage(page, 'schedule-viewer/settings', JSON.stringify({ reminders: true }));
  await recordNotifications(page);
  const server = await serve('dist', 0);
  server.answer('/schedule.json', { body: JSON.stringify(demo()) });
  try {
    await page.clock.install({ time: new Date('2017-10-26T13:59:00+02:00') });
    await page.goto(`${server.url}/track/${TRACK.id}`);
    await followButton(page, 'track', TRACK.name).click();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.clock.pauseAt(new Date('2017-10-26T14:00:00+02:00'));
    server.answer('/schedule.json', { body: JSON.stringify(changed()) });
    await page.clock.runFor('05:00');
    await expect(page.getByRole('button', { name: /— 3 changes, 3 in what you follow$/ })).toBeVisible();
    const you = ` You follow ${TRACK.name}.`;
    expect(await notes(page)).toEqual([
      { title: `Moved: “${MOVED.title}”`, body: `Now Fri 27 Oct 17:00, Club B (was Fri 27 Oct 14:30, Club A).${you}` },
      { title: `New: “${ADDED.title}”`, body: `Fri 27 Oct 17:00, Club C.${you}` },
      { title: `Cancelled: “${CANCELLED.title}”`, body: `Was Fri 27 Oct 15:20, Club A.${you}` },
    ]);
    const panel = page.getByRole('region', { name: '3 changes since you last looked' });
    await expect(panel.getByRole('listitem')).toHaveText([
      `Moved: “${MOVED.title}”, now Fri 27 Oct 17:00, Club B (was Fri 27 Oct 14:30, Club A) (you follow ${TRACK.name})`,
      `New: “${ADDED.title}”, Fri 27 Oct 17:00, Club C (you follow ${TRACK.name})`,
      `Cancelled: “${CANCELLED.title}” (was Fri 27 Oct 15:20, Club A) (you follow ${TRACK.name})`,
    ]);
    // After a reload: still named in the panel (since the last visit), not notified again.
    await page.reload();
    await expect(page.getByRole('region', { name: '3 changes since you last looked' }).getByRole('listitem').nth(1)).toHaveText(
      `New: “${ADDED.title}”, Fri 27 Oct 17:00, Club C (you follow ${TRACK.name})`,
    );
    expect(await notes(page)).toEqual([]);
    // Dismissed: seen, and not named again. The schedule seen is written
    // after the click (Cache Storage): kept before the reload reads it.
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => lastSeenSnapshot(page)).toContain(ADDED.title);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TRACK.name);
    await expect(page.getByRole('region', { name: /changes since you last looked$/ })).toHaveCount(0);
    expect(errors).toEqual([]);
  } finally {
    await server.close();
  }
});

test('an older copy of the app in another tab writes without follows: this tab puts them back', async ({ context }) => {
  const one = await context.newPage();
  await follow(one, 'track', `/track/${TRACK.id}`, TRACK.name);
  const p = new ProgrammePage(one);
  const starred = (await p.titles.first().textContent())!.trim();
  await p.star(starred).click();
  // Tab two stands for an app of the version before follows: it could not
  // read the value, so it writes its own (a star of its own, version 2).
  const two = await context.newPage();
  await two.goto('/speakers');
  await two.evaluate((key) => {
    localStorage.setItem(key, JSON.stringify({ v: 2, entries: { 'thu-devops-knee-deep': { level: 'must', title: 'Knee Deep in Microservices' } }, own: {} }));
  }, AGENDA_KEY);
  // Tab one heard it, took the other tab's star, and put back its follow and its star.
  // One read of what is stored, polled: before tab one has heard it, its
  // follow is stored already (with its star only), so the follow alone says nothing.
  await expect
    .poll(async () => {
      const stored = await p.storedAgenda();
      return {
        follows: Object.keys(stored?.follows ?? {}).sort(),
        v: stored?.v,
        entries: Object.keys(stored?.entries ?? {}).length,
        kneeDeep: Boolean(stored?.entries?.['thu-devops-knee-deep']),
      };
    })
    .toEqual({ follows: [`track:${TRACK.id}`], v: 3, entries: 2, kneeDeep: true });
  await expect(followButton(one, 'track', TRACK.name)).toHaveAccessibleName(/^Stop following/);
});
