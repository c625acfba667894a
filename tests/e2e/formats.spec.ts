// More conferences: Sessionize "All data" and pretalx widget files open like
// any schedule; the format is named; a zone-less file asks for its zone once;
// a file of no known format says which formats are read.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ProgrammePage, openSettings } from './fixtures';

const SESSIONIZE = '/test-data/sessionize-orlando-codecamp-2020.json';
const WIDGET = '/test-data/rc3-channels-widget.json';
const open = (file: string, extra = '') => `/?schedule=${encodeURIComponent(file)}${extra}`;

test.describe('a Sessionize file, opened in New York', () => {
  test.use({ timezoneId: 'America/New_York' });

  test('reads wall-clock times in the viewer zone until the conference zone is chosen, then remembers it', async ({ page }) => {
    const p = new ProgrammePage(page);
    // 13:10 UTC is 09:10 in New York on 28 March 2020 (EDT, -04:00).
    await p.goto(open(SESSIONIZE, '&now=2020-03-28T13:10:00Z'));
    await expect(p.count).toHaveText('99 sessions');
    const prompt = page.locator('.zone-prompt');
    await expect(prompt).toContainText('does not say its time zone');
    await expect(prompt).toContainText('Sessionize "All data" JSON');
    await expect(prompt).toContainText('America/New_York');
    await expect(page.locator('header.site-header')).toContainText('Times in America/New_York (UTC-04:00)');
    const devops = p.session('Elite DevOps using Kubernetes');
    await expect(devops).toContainText('09:00–09:45');
    await expect(devops.locator('.live-badge.now')).toHaveText('On now');
    await page.getByText("Open another conference's schedule").click();
    await expect(page.locator('#main')).toContainText('Format: Sessionize "All data" JSON.');

    // The conference is in Berlin: its 09:00 is 08:00 UTC, so at 13:10 UTC the talk is over.
    await page.getByLabel("The conference's zone").selectOption('Europe/Berlin');
    await page.getByRole('button', { name: 'Use this zone' }).click();
    await expect(page.locator('header.site-header')).toContainText('Times in Europe/Berlin (UTC+01:00)');
    await expect(devops).toContainText('09:00–09:45');
    await expect(devops.locator('.live-badge.now')).toHaveCount(0);
    await expect(prompt).toContainText('Times are read as Europe/Berlin, the zone chosen for this schedule.');
    // Remembered for this schedule: a plain reload keeps it.
    await page.reload();
    await expect(page.locator('header.site-header')).toContainText('Times in Europe/Berlin');
    // In my own zone the Berlin 09:00 is 04:00 in New York.
    await openSettings(page);
    await page.getByLabel('Time zone').selectOption({ label: 'Mine' });
    await expect(devops).toContainText('04:00–04:45');
  });

  test('?tz= in the link sets the zone, and a bad one is ignored with a notice', async ({ page }) => {
    const p = new ProgrammePage(page);
    await p.goto(open(SESSIONIZE, '&tz=Asia/Tokyo'));
    await expect(page.locator('.zone-prompt')).toContainText('Times are read as Asia/Tokyo, the zone this link names.');
    await expect(page.locator('header.site-header')).toContainText('Times in Asia/Tokyo (UTC+09:00)');
    await p.goto(open(SESSIONIZE, '&tz=Mars/Olympus_Mons'));
    await expect(page.getByText('No time zone "Mars/Olympus_Mons" is known; the link\'s tz= was ignored.')).toBeVisible();
    // The link's earlier zone was remembered for this schedule.
    await expect(page.locator('header.site-header')).toContainText('Times in Asia/Tokyo');
  });
});

test('a pretalx widget file names its zone, and Language and Room filter it in the URL', async ({ page }) => {
  const p = new ProgrammePage(page);
  await p.goto(open(WIDGET));
  await expect(p.count).toHaveText('49 sessions');
  await expect(page.locator('.zone-prompt')).toHaveCount(0);
  await expect(page.locator('header.site-header')).toContainText('Times in Europe/Berlin');
  await page.getByText("Open another conference's schedule").click();
  await expect(page.locator('#main')).toContainText('Format: pretalx widget JSON.');
  // No session types in widget data: no Type group.
  await expect(page.getByRole('group', { name: 'Type' })).toHaveCount(0);
  const language = page.getByRole('group', { name: 'Language' });
  await expect(language.getByRole('checkbox')).toHaveCount(2);
  await language.getByRole('checkbox', { name: 'German' }).check();
  await expect(p.count).toHaveText('19 sessions');
  await expect(page).toHaveURL(/[?&]lang=de(&|$)/);
  await language.getByRole('checkbox', { name: 'English' }).check();
  await expect(p.count).toHaveText('48 sessions');
  await expect(page).toHaveURL(/lang=de,en/);
  const rooms = page.getByRole('group', { name: 'Room' });
  await expect(rooms.getByRole('checkbox')).toHaveCount(5);
  await rooms.getByRole('checkbox', { name: 'r3s - Monheim/Rhein' }).check();
  await expect(page).toHaveURL(/room=r3s-monheim-rhein/);
  // The URL changes first: the list is counted once it shows that room only.
  await expect.poll(async () => [...new Set(await p.sessions.locator('.room').allTextContents())]).toEqual(['r3s - Monheim/Rhein']);
  const inRoom = await p.sessions.count();
  expect(inRoom).toBeGreaterThan(0);
  for (const meta of await p.sessions.locator('.room').allTextContents()) expect(meta).toBe('r3s - Monheim/Rhein');
  // The link reproduces the view, and Back undoes the last choice.
  await page.reload();
  await expect(p.sessions).toHaveCount(inRoom);
  await page.goBack();
  await expect(p.count).toHaveText('48 sessions');
});

test('Type, Room and Language appear only when the schedule has more than one value', async ({ page }) => {
  const p = new ProgrammePage(page);
  await p.goto('/');
  const types = page.getByRole('group', { name: 'Type' });
  await expect(types.getByRole('checkbox', { name: 'Keynote' })).toBeAttached();
  await expect(page.getByRole('group', { name: 'Room' }).getByRole('checkbox')).not.toHaveCount(0);
  // The demo gives no languages.
  await expect(page.getByRole('group', { name: 'Language' })).toHaveCount(0);
  await p.goto('/?type=keynote');
  await expect(p.sessions.locator('.kind')).not.toHaveCount(0);
  for (const kind of await p.sessions.locator('.kind').allTextContents()) expect(kind).toBe('Keynote');
  await p.goto('/?type=keynote,nothing');
  await expect(page.getByText('No session type "nothing" in this schedule.')).toBeVisible();
});

test('a file of no known format says which formats are read', async ({ page }) => {
  await page.goto(open('/test-data/hostile/unknown-format.json'));
  const message = page.locator('.error-message');
  await expect(message).toContainText('is not a schedule');
  for (const name of ['schedule-viewer JSON', 'frab/pretalx schedule.json', 'Sessionize "All data" JSON', 'pretalx widget JSON']) {
    await expect(message).toContainText(name);
  }
});

test('a session page lists its links as external links; cards mark recordings and live streams', async ({ page }) => {
  const p = new ProgrammePage(page);
  // The camp2019 frab export (real, EUPL) links project sites from 26 events.
  await p.goto(open('/test-data/camp2019-frab-schedule.json', '&q=fomu'));
  await p.session('Fomu - an FPGA inside your USB port!').getByRole('link', { name: 'Fomu - an FPGA inside your USB port!' }).click();
  const links = page.getByRole('region', { name: 'Links' }).getByRole('link');
  await expect(links).toHaveText(['Fomu Website', 'Fomu Github', 'Tomu Website']);
  for (const link of await links.all()) {
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', /noopener/);
    await expect(link).toHaveAttribute('href', /^https:\/\//);
  }
});

test.describe('links in a newer Sessionize export', () => {
  test.use({ serviceWorkers: 'block' });

  test('"Live" and "Recording" marks on cards and links on the page; only http(s)', async ({ page }) => {
    // The real Orlando file predates liveUrl/recordingUrl: add them as newer exports carry them.
    await page.route('**/test-data/sessionize-with-links.json', async (route) => {
      const data = JSON.parse(readFileSync('tests/data/sessionize-orlando-codecamp-2020.json', 'utf8').replace(/^\uFEFF/, ''));
      const devops = data.sessions.find((s: any) => s.id === '176210');
      devops.liveUrl = 'https://live.example.org/room-2';
      devops.recordingUrl = 'https://video.example.org/176210';
      data.sessions.find((s: any) => s.id === '161646').recordingUrl = 'javascript:alert(1)';
      await route.fulfill({ json: data });
    });
    const p = new ProgrammePage(page);
    await p.goto(open('/test-data/sessionize-with-links.json', '&tz=America/New_York'));
    const devops = p.session('Elite DevOps using Kubernetes');
    await expect(devops.locator('.link-mark')).toHaveText(['Live', 'Recording']);
    await expect(p.session('Building AR Apps using Unity AR Foundations').locator('.link-mark')).toHaveCount(0);
    await devops.getByRole('link', { name: 'Elite DevOps using Kubernetes' }).click();
    const links = page.getByRole('region', { name: 'Links' }).getByRole('link');
    await expect(links).toHaveText(['Live stream', 'Recording']);
    await expect(links.first()).toHaveAttribute('href', 'https://live.example.org/room-2');
    await page.goBack();
    await p.session('Building AR Apps using Unity AR Foundations').getByRole('link', { name: 'Building AR Apps using Unity AR Foundations' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Building AR Apps using Unity AR Foundations');
    await expect(page.getByRole('region', { name: 'Links' })).toHaveCount(0);
  });
});

test.describe('a zone name the browser does not know', () => {
  test.use({ serviceWorkers: 'block' });

  test('falls back to the file offsets instead of stopping the app', async ({ page }) => {
    await page.route('**/test-data/unknown-zone.json', (route) =>
      route.fulfill({
        json: {
          version: 1,
          conference: { id: 'mars', title: 'Mars Conf', time_zone: 'Mars/Olympus_Mons' },
          sessions: [{ id: 'a', title: 'Landing', start: '2030-05-01T10:00:00+02:00', end: '2030-05-01T11:00:00+02:00' }],
        },
      }),
    );
    const p = new ProgrammePage(page);
    await p.goto(open('/test-data/unknown-zone.json'));
    await expect(p.session('Landing')).toContainText('10:00–11:00');
  });
});
