// Interop: other conferences' schedules in, iCalendar and share links out.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { AGENDA_KEY, ProgrammePage, seedStorage } from './fixtures';

const PYTHON = '.venv-tests/bin/python';

test('the agenda downloads as an .ics that an independent parser reads back field for field', async ({ page }, testInfo) => {
  const p = new ProgrammePage(page);
  await p.goto('/?track=keynotes');
  const stars = page.getByRole('button', { name: /^Add to agenda/ });
  await expect(stars).toHaveCount(7);
  for (let i = 0; i < 7; i++) await stars.first().click();
  await p.goto('/?q=town hall');
  await p.star('Town Hall: DC/OS').click();
  await page.getByRole('link', { name: 'My agenda' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download calendar (.ics)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('mesoscon-eu-2017-agenda.ics');
  const file = testInfo.outputPath('agenda.ics');
  await download.saveAs(file);
  const text = readFileSync(file, 'utf8');
  expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  const ids = Object.keys((await p.storedAgenda()).entries);
  expect(ids).toHaveLength(8);
  const out = execFileSync(PYTHON, ['tests/ics_check.py', file, 'public/schedule.json', ...ids], { encoding: 'utf8' });
  expect(out).toContain('ics_check: OK: 8 events');
});

test('a single session downloads as .ics from its page', async ({ page }, testInfo) => {
  await page.goto('/session/thu-devops-security-exposed');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Add to calendar (.ics)' }).click(),
  ]);
  const file = testInfo.outputPath('one.ics');
  await download.saveAs(file);
  const out = execFileSync(PYTHON, ['tests/ics_check.py', file, 'public/schedule.json', 'thu-devops-security-exposed'], { encoding: 'utf8' });
  expect(out).toContain('ics_check: OK: 1 events');
});

test('a share link opens read-only in a fresh browser and adds all on request', async ({ page, browser }) => {
  const p = new ProgrammePage(page);
  await p.goto();
  await p.star('Knee Deep in Microservices').click();
  await p.star('WTF, My Container Just Spawned a Shell').click();
  await page.getByRole('link', { name: 'My agenda' }).click();
  const link = await page.getByLabel('Share link').inputValue();
  expect(link).toMatch(/\/agenda\/shared#2;[\w-]{6};[bd][\w-]+$/);

  const other = await browser.newContext();
  const visitor = new ProgrammePage(await other.newPage());
  // The visitor already has a star of their own, which must survive.
  await seedStorage(visitor.page, AGENDA_KEY, JSON.stringify({ v: 1, entries: { 'fri-keynote-criteo': { level: 'must', title: 'Operating 600+ Mesos Servers on 7 Datacenters @Criteo', start: '2017-10-27T09:35:00+02:00', end: '2017-10-27T10:00:00+02:00', room: 'Congress Hall', added: '' } } }));
  await visitor.goto(link);
  await expect(visitor.page.getByRole('heading', { level: 1 })).toHaveText('Shared agenda');
  await expect(visitor.titles).toHaveText(['Knee Deep in Microservices', 'WTF, My Container Just Spawned a Shell']);
  // Opening the link changed nothing.
  expect(Object.keys((await visitor.storedAgenda()).entries)).toEqual(['fri-keynote-criteo']);
  await visitor.page.getByRole('button', { name: 'Add all to my agenda' }).click();
  await expect(visitor.page.getByText('Added 2 sessions to your agenda.')).toBeVisible();
  expect(Object.keys((await visitor.storedAgenda()).entries).sort()).toEqual(['fri-keynote-criteo', 'fri-users-wtf-shell', 'thu-devops-knee-deep']);
  await other.close();
});

test('the agenda exports as JSON and imports into another browser, merging', async ({ page, browser }, testInfo) => {
  const p = new ProgrammePage(page);
  await p.goto();
  await p.star('Knee Deep in Microservices').click();
  await page.getByRole('link', { name: 'My agenda' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export agenda (JSON)' }).click(),
  ]);
  const file = testInfo.outputPath('agenda.json');
  await download.saveAs(file);
  expect(JSON.parse(readFileSync(file, 'utf8')).entries['thu-devops-knee-deep'].title).toBe('Knee Deep in Microservices');

  const other = await browser.newContext();
  const q = new ProgrammePage(await other.newPage());
  await q.goto();
  await q.star('An Autoscaler for DC/OS').click();
  await q.page.getByRole('link', { name: 'My agenda' }).click();
  await q.page.getByLabel('Import agenda (JSON)').setInputFiles(file);
  await expect(q.page.getByText('Imported 1 new session.')).toBeVisible();
  await expect(q.titles).toHaveText(['Knee Deep in Microservices', 'An Autoscaler for DC/OS']);
  await other.close();
});

test('?schedule= opens a frab schedule.json, remembered and with its own agenda', async ({ page }) => {
  const p = new ProgrammePage(page);
  await p.goto();
  await p.star('Knee Deep in Microservices').click();
  await p.goto('/?schedule=/test-data/camp2019-frab-schedule.json');
  await expect(page.getByText('Chaos Communication Camp 2019').first()).toBeVisible();
  // 79 sessions: a list longer than 50 renders in pages of 30 (the last
  // few come with the page before them); the count covers all.
  await expect(p.count).toHaveText('79 sessions');
  await expect(p.sessions).toHaveCount(30);
  await page.getByRole('button', { name: 'Show 49 more (49 not shown yet)' }).click();
  await expect(p.sessions).toHaveCount(79);
  await expect(page.getByRole('button', { name: /^Show \d+ more/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(5);
  await expect(p.session('MegaPixels: Face Recognition Training Datasets')).toContainText('18:00–18:45');
  await p.star('MegaPixels: Face Recognition Training Datasets').click();
  // Remembered: the plain address opens it again; agendas do not mix.
  await p.goto('/agenda');
  await expect(p.titles).toHaveText(['MegaPixels: Face Recognition Training Datasets']);
  await page.getByRole('link', { name: 'Programme' }).click();
  await page.getByText("Open another conference's schedule").click();
  await page.getByRole('button', { name: 'Back to the demo schedule' }).click();
  await expect(page.getByText('MesosCon Europe 2017').first()).toBeVisible();
  await p.goto('/agenda');
  await expect(p.titles).toHaveText(['Knee Deep in Microservices']);
});

test('?schedule= with an unreachable or invalid address says why', async ({ page }) => {
  await page.goto('/?schedule=javascript:alert(1)');
  await expect(page.locator('.error-message')).toContainText('is not a schedule address this app can open');
  await page.goto('/?schedule=/test-data/no-such-file.json');
  await expect(page.locator('.error-message')).toContainText('404');
  await page.getByRole('button', { name: 'Open the demo schedule instead' }).click();
  await expect(page.getByRole('article')).toHaveCount(28);
});

test('a local schedule.json can be picked or dropped', async ({ page }) => {
  const p = new ProgrammePage(page);
  await p.goto();
  await page.getByText("Open another conference's schedule").click();
  await page.getByLabel('Schedule file').setInputFiles('tests/data/rc3-channels-schedule.json');
  await expect(p.sessions).toHaveCount(48);
  await expect(p.session('Your Name Is Invalid!')).toBeVisible();
  // Reopened from the browser's cache after a reload.
  await page.reload();
  await expect(p.sessions).toHaveCount(48);

  // Drop: a broken file is refused with a message, and nothing changes.
  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['{"schedule": {'], 'broken.json', { type: 'application/json' }));
    return dt;
  });
  await page.getByText("Open another conference's schedule").click();
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(page.getByRole('alert')).toContainText('broken.json cannot be opened');
  await expect(p.sessions).toHaveCount(48);
  const good = readFileSync('tests/data/camp2019-frab-schedule.json', 'utf8');
  const dt2 = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'camp.json', { type: 'application/json' }));
    return dt;
  }, good);
  await page.dispatchEvent('main', 'drop', { dataTransfer: dt2 });
  await expect(p.count).toHaveText('79 sessions');
});
