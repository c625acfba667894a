// A page per room (`/room/<slug>`, issue 31): every room name on a
// session page and at the head of a timetable column links to it; it shows
// the room's name, what is on there now and next, and that room's sessions
// only; it works as a deep link (and is a lazily loaded part of its own);
// an unknown room says so. (Hiding timetable columns is rooms.spec.ts.)
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ProgrammePage, collectErrors } from './fixtures';

const WTF = 'WTF, My Container Just Spawned a Shell';

test("a session's room links to the room's page, which lists that room's sessions only", async ({ page }) => {
  const errors = collectErrors(page);
  const p = new ProgrammePage(page);
  await p.goto('/');
  // On a card the room is text (a link there would sit too close to the
  // title's on a phone: WCAG 2.5.8); the session's own page links it.
  await expect(p.session(WTF).locator('.room')).toHaveText('Club A');
  await expect(p.session(WTF).getByRole('link', { name: 'Club A', exact: true })).toHaveCount(0);
  await p.session(WTF).getByRole('link', { name: WTF }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(WTF);
  const room = page.locator('#main').getByRole('link', { name: 'Club A', exact: true });
  await expect(room).toHaveAttribute('href', '/room/club-a');
  await room.click();
  await expect(page).toHaveURL(/\/room\/club-a$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Club A');
  await expect(page).toHaveTitle('Club A · MesosCon Europe 2017');
  // Club A's 13 sessions, on both days, and no other room's.
  await expect(p.sessions).toHaveCount(13);
  await expect(p.session(WTF)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Thursday 26 October 2017' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Friday 27 October 2017' })).toBeVisible();
  const rooms = await p.sessions.locator('.room').allTextContents();
  expect(rooms).toHaveLength(13);
  for (const name of rooms) expect(name).toBe('Club A');
  expect(errors).toEqual([]);
});

test('a room page works as a deep link, with a trailing slash and after a reload', async ({ page }) => {
  const errors = collectErrors(page);
  const p = new ProgrammePage(page);
  await p.goto('/room/foyer');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Foyer');
  // The breaks and the reception: the Foyer's five sessions.
  await expect(p.titles).toHaveText(['Coffee break', 'Lunch', 'Attendee reception', 'Coffee break', 'Lunch']);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Foyer');
  await expect(p.sessions).toHaveCount(5);
  await p.goto('/room/club-b/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Club B');
  await expect(p.titles).toHaveText(['Town Hall: Marathon']);
  expect(errors).toEqual([]);
});

test('the room page says what is on there now and next, by the app\'s clock', async ({ page }) => {
  const p = new ProgrammePage(page);
  await p.goto(`/room/club-a?now=${encodeURIComponent('2017-10-26T11:20:00+02:00')}`);
  const here = page.getByRole('region', { name: 'Now & next here' });
  await expect(here).toContainText('On now, until 11:40: Local or External Storage for Containers and Databases');
  await expect(here).toContainText('Next, at 11:50: Knee Deep in Microservices');
  await here.getByRole('link', { name: 'Knee Deep in Microservices' }).click();
  await expect(page).toHaveURL(/\/session\/thu-devops-knee-deep/);
  // Before the conference: nothing is on, so nothing is said.
  await p.goto(`/room/club-a?now=${encodeURIComponent('2017-10-01T10:00:00+02:00')}`);
  await expect(p.sessions).toHaveCount(13);
  await expect(page.getByRole('region', { name: 'Now & next here' })).toHaveCount(0);
});

test('the session page and the timetable link the room too', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const p = new ProgrammePage(page);
  await p.goto('/session/fri-users-wtf-shell');
  const room = page.getByRole('definition').getByRole('link', { name: 'Club A', exact: true });
  await expect(room).toHaveAttribute('href', '/room/club-a');
  await p.goto('/timetable/2017-10-26');
  const heads = page.locator('.tt-room');
  await expect(heads).toHaveText(['Congress Hall', 'Club A', 'Club B', 'Club C', 'Club D', 'Foyer']);
  await heads.getByRole('link', { name: 'Foyer', exact: true }).click();
  await expect(page).toHaveURL(/\/room\/foyer$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Foyer');
});

test('an unknown room says so and leads back to the programme', async ({ page }) => {
  const p = new ProgrammePage(page);
  await p.goto('/room/no-such-room');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Unknown room');
  await expect(page).toHaveTitle('Unknown room · MesosCon Europe 2017');
  await expect(page.getByText('This schedule has no room “no-such-room”.')).toBeVisible();
  await expect(p.sessions).toHaveCount(0);
  await page.getByRole('link', { name: 'See the whole programme' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Programme');
});

test.describe('as a part', () => {
  // page.on('request') must see the module fetch, so no service worker in between.
  test.use({ serviceWorkers: 'block' });

  test('the room page is a lazily loaded part, fetched when a room is first shown', async ({ page }) => {
    const parts: Record<string, string> = JSON.parse(readFileSync('dist/parts.json', 'utf8')).parts;
    const file = parts['split_room'];
    expect(file, `dist/parts.json has no part split_room: ${Object.keys(parts).join(', ')}`).toBeTruthy();
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname.slice(1)));
    const p = new ProgrammePage(page);
    await p.goto('/');
    await p.session(WTF).getByRole('link', { name: WTF }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(WTF);
    expect(fetched).not.toContain(file);
    await page.locator('#main').getByRole('link', { name: 'Club A', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Club A');
    expect(fetched).toContain(file);
  });
});
