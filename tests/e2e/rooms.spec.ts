// Hide rooms in the timetable: choose which room columns show, remembered
// per conference, so a conference with 40 rooms stays usable.
import { expect, test } from '@playwright/test';
import { ProgrammePage } from './fixtures';

const SESSIONIZE = '/test-data/sessionize-orlando-codecamp-2020.json';

test('room columns can be hidden, the choice is remembered per conference', async ({ page }) => {
  const p = new ProgrammePage(page);
  await p.goto(`/?schedule=${encodeURIComponent(SESSIONIZE)}&tz=America/New_York`);
  await p.goto('/timetable');
  const columns = page.locator('.tt-room');
  await expect(columns).toHaveCount(14);
  const chooser = page.locator('details.room-chooser');
  await chooser.locator('summary').click();
  await expect(chooser.locator('summary')).toHaveText('Rooms: all 14 shown');
  const rooms = page.getByRole('group', { name: 'Rooms shown' });
  const inRoom3 = await page.locator('.tt-session', { hasText: '· Room 3' }).count();
  expect(inRoom3).toBeGreaterThan(0);
  await rooms.getByRole('checkbox', { name: 'Room 3', exact: true }).uncheck();
  await expect(columns).toHaveCount(13);
  await expect(columns).not.toContainText(['Room 3']);
  await expect(page.locator('.tt-session', { hasText: '· Room 3' })).toHaveCount(0);
  await expect(chooser.locator('summary')).toHaveText('Rooms: 13 of 14 shown');
  await page.reload();
  await expect(columns).toHaveCount(13);
  // Hide all, then pick two.
  await chooser.locator('summary').click();
  await page.getByRole('button', { name: 'Hide all rooms' }).click();
  await expect(page.getByText('Every room with sessions on this day is hidden')).toBeVisible();
  await rooms.getByRole('checkbox', { name: 'Auditorium' }).check();
  await rooms.getByRole('checkbox', { name: 'Room 1', exact: true }).check();
  await expect(columns).toHaveText(['Room 1', 'Auditorium']);
  // Another conference keeps all its rooms.
  await page.goto('/');
  await page.getByText("Open another conference's schedule").click();
  await page.getByRole('button', { name: 'Back to the demo schedule' }).click();
  await expect(page.getByText('MesosCon Europe 2017').first()).toBeVisible();
  await p.goto('/timetable');
  await expect(page.locator('details.room-chooser summary')).toHaveText(/^Rooms: all \d+ shown$/);
});

test.describe('a conference with 40 rooms', () => {
  test.use({ serviceWorkers: 'block' });

  test('stays usable: the timetable scrolls inside itself and a few rooms can be picked', async ({ page }) => {
    const rooms = Array.from({ length: 40 }, (_, i) => ({ id: `r${i + 1}`, name: `Hall ${i + 1}` }));
    const sessions = rooms.map((r, i) => ({
      id: `s${i + 1}`,
      title: `Talk in ${r.name}`,
      start: '2030-05-01T10:00:00+02:00',
      end: '2030-05-01T10:45:00+02:00',
      room: r.id,
    }));
    await page.route('**/test-data/forty-rooms.json', (route) =>
      route.fulfill({ json: { version: 1, conference: { id: 'forty', title: 'Forty Rooms Conf', time_zone: 'Europe/Berlin' }, rooms, sessions } }),
    );
    const p = new ProgrammePage(page);
    await p.goto(`/?schedule=${encodeURIComponent('/test-data/forty-rooms.json')}`);
    await p.goto('/timetable');
    await expect(page.locator('.tt-room')).toHaveCount(40);
    // The page itself does not scroll sideways; the grid scrolls in its box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await page.locator('details.room-chooser summary').click();
    await page.getByRole('button', { name: 'Hide all rooms' }).click();
    const group = page.getByRole('group', { name: 'Rooms shown' });
    await expect(group.getByRole('checkbox')).toHaveCount(40);
    for (const n of [7, 12, 33]) await group.getByRole('checkbox', { name: `Hall ${n}`, exact: true }).check();
    await expect(page.locator('.tt-room')).toHaveText(['Hall 7', 'Hall 12', 'Hall 33']);
    await expect(page.locator('.tt-session')).toHaveCount(3);
    await expect(page.locator('details.room-chooser summary')).toHaveText('Rooms: 3 of 40 shown');
  });
});
