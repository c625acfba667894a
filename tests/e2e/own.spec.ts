// A plan that is really yours: own entries in My agenda (add, edit, delete),
// in clashes, free time, the .ics and the JSON export; in share links only
// when asked; the stored agenda moves to version 3 (own entries came with 2, follows with 3) without losing anything.
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { AGENDA_KEY, ProgrammePage, seedStorage } from './fixtures';

const PYTHON = '.venv-tests/bin/python';

async function addOwn(page: import('@playwright/test').Page, title: string, start: string, end: string, place: string) {
  await page.getByRole('button', { name: 'Add your own entry' }).click();
  const form = page.locator('.own-entry-form').last();
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Start').fill(start);
  await form.getByLabel('End').fill(end);
  await form.getByLabel('Place').fill(place);
  await form.getByRole('button', { name: 'Save' }).click();
}

test('an own entry is added, clashes with a starred session, survives a reload, is edited and deleted', async ({ page }) => {
  const p = new ProgrammePage(page);
  await p.goto('/?q=knee deep');
  await p.star('Knee Deep in Microservices').click();
  await p.goto('/agenda');
  // Knee Deep runs 11:50–12:30 in Prague; lunch 12:15–13:15 overlaps it.
  await addOwn(page, 'Lunch with Ana', '2017-10-26T12:15', '2017-10-26T13:15', 'Hall B');
  const lunch = page.getByRole('article', { name: 'Lunch with Ana' });
  await expect(lunch).toContainText('12:15–13:15');
  await expect(lunch).toContainText('Hall B');
  await expect(lunch).toContainText('Your entry');
  await expect(page.locator('.clash-summary')).toContainText('“Knee Deep in Microservices” and “Lunch with Ana” overlap');
  await expect(lunch).toContainText('Overlaps with “Knee Deep in Microservices” (11:50–12:30)');
  // Stored with the agenda, as version 3, times with the conference offset.
  const stored = await p.storedAgenda();
  expect(stored.v).toBe(3);
  expect(Object.keys(stored.entries)).toEqual(['thu-devops-knee-deep']);
  const own = Object.values(stored.own) as any[];
  expect(own).toHaveLength(1);
  expect(own[0]).toMatchObject({ title: 'Lunch with Ana', start: '2017-10-26T12:15:00+02:00', end: '2017-10-26T13:15:00+02:00', place: 'Hall B' });

  await page.reload();
  await expect(lunch).toBeVisible();
  // A wrong edit is refused with a message; a right one is saved.
  await page.getByRole('button', { name: 'Edit Lunch with Ana' }).click();
  const form = page.locator('.own-entry-form');
  await form.getByLabel('End').fill('2017-10-26T11:00');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toHaveText('The end is before the start.');
  await form.getByLabel('Title').fill('Lunch with Ana and Bo');
  await form.getByLabel('Start').fill('2017-10-26T13:00');
  await form.getByLabel('End').fill('2017-10-26T14:00');
  await form.getByRole('button', { name: 'Save' }).click();
  const moved = page.getByRole('article', { name: 'Lunch with Ana and Bo' });
  await expect(moved).toContainText('13:00–14:00');
  await expect(page.locator('.clash-summary')).toHaveCount(0);
  // Free time between the talk and lunch.
  await expect(page.locator('.gap').first()).toContainText('Free 12:30–13:00');
  await page.getByRole('button', { name: 'Delete Lunch with Ana and Bo' }).click();
  await expect(moved).toHaveCount(0);
  expect(Object.keys((await p.storedAgenda()).own)).toHaveLength(0);
});

test('own entries are in the .ics and the JSON export; share links carry them only when asked', async ({ page, browser }, testInfo) => {
  const p = new ProgrammePage(page);
  await p.goto('/?q=knee deep');
  await p.star('Knee Deep in Microservices').click();
  await p.goto('/agenda');
  await addOwn(page, 'Booth duty', '2017-10-26T14:00', '2017-10-26T15:00', 'Hall B');
  await expect(page.getByRole('article', { name: 'Booth duty' })).toBeVisible();

  const [ics] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download calendar (.ics)' }).click()]);
  const icsFile = testInfo.outputPath('agenda.ics');
  await ics.saveAs(icsFile);
  const out = execFileSync(
    PYTHON,
    ['tests/ics_check.py', icsFile, 'public/schedule.json', 'thu-devops-knee-deep', '--own', 'Booth duty|2017-10-26T14:00:00+02:00|2017-10-26T15:00:00+02:00|Hall B'],
    { encoding: 'utf8' },
  );
  expect(out).toContain('ics_check: OK: 2 events');

  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export agenda (JSON)' }).click()]);
  const jsonFile = testInfo.outputPath('agenda.json');
  await json.saveAs(jsonFile);
  const exported = JSON.parse(readFileSync(jsonFile, 'utf8'));
  expect(exported.v).toBe(3);
  expect((Object.values(exported.own) as any[]).map((e) => e.title)).toEqual(['Booth duty']);

  const link = page.getByLabel('Share link');
  expect(await link.inputValue()).not.toContain(';o');
  await page.getByRole('checkbox', { name: 'Include my own entries' }).check();
  await expect(link).toHaveValue(/;o[A-Za-z0-9_-]+$/);
  const url = await link.inputValue();

  // Another device opens the link: it sees the entry and can add it.
  const other = await browser.newContext();
  const q = new ProgrammePage(await other.newPage());
  await q.goto(url.replace(/^https?:\/\/[^/]+/, ''));
  await expect(q.page.locator('.shared-own')).toContainText('Booth duty');
  await expect(q.page.locator('.shared-own')).toContainText('14:00–15:00');
  await q.page.getByRole('button', { name: 'Add all to my agenda' }).click();
  await q.goto('/agenda');
  await expect(q.page.getByRole('article', { name: 'Booth duty' })).toContainText('Hall B');
  await expect(q.titles).toHaveText(['Knee Deep in Microservices', 'Booth duty']);
  await other.close();
});

test('a version 1 agenda is read as the current version (3) and nothing is lost', async ({ page }) => {
  const v1 = JSON.stringify({
    v: 1,
    entries: {
      'thu-devops-knee-deep': { level: 'maybe', title: 'Knee Deep in Microservices', start: '2017-10-26T11:50:00+02:00', end: '2017-10-26T12:30:00+02:00', room: 'Club A', added: '2017-10-01T10:00:00Z' },
      'withdrawn-talk': { level: 'must', title: 'A talk that was withdrawn', start: '2017-10-27T10:00:00+02:00', end: '2017-10-27T10:40:00+02:00', room: 'Club B', added: '2017-10-01T10:00:00Z' },
    },
  });
  await seedStorage(page, AGENDA_KEY, v1);
  const p = new ProgrammePage(page);
  await p.goto('/agenda');
  await expect(p.titles).toHaveText(['Knee Deep in Microservices']);
  await expect(page.getByText('A talk that was withdrawn')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The first write stores version 3 with every entry kept as it was.
  await addOwn(page, 'Coffee with Bo', '2017-10-27T09:00', '2017-10-27T09:30', '');
  await expect.poll(async () => (Object.values((await p.storedAgenda()).own ?? {}) as any[]).map((e) => e.title)).toEqual(['Coffee with Bo']);
  const stored = await p.storedAgenda();
  expect(stored.v).toBe(3);
  expect(stored.entries).toEqual(JSON.parse(v1).entries);
  expect((Object.values(stored.own) as any[]).map((e) => e.title)).toEqual(['Coffee with Bo']);
});
