// Several conferences: every schedule opened on this device is listed with
// its dates and stars, can be switched to, and removed with its data after a
// confirmation that names what is deleted.
import { expect, test } from '@playwright/test';
import { AGENDA_KEY, ProgrammePage, openMore } from './fixtures';

const WIDGET = '/test-data/rc3-channels-widget.json';
const SESSIONIZE = '/test-data/sessionize-orlando-codecamp-2020.json';

test('the Conferences list switches between schedules and removes one with its data', async ({ page }) => {
  const p = new ProgrammePage(page);
  // Each visit is recorded after the page is drawn (a small part, fetched
  // then): wait for it before leaving, as a visitor who reads the page does.
  const recorded = (n: number) =>
    expect
      .poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('schedule-viewer/conferences') ?? '[]').length))
      .toBe(n);
  await p.goto('/?q=knee deep');
  await p.star('Knee Deep in Microservices').click();
  await recorded(1);
  await p.goto(`/?schedule=${encodeURIComponent(WIDGET)}`);
  await p.star('Der faule Admin automatisiert: Gluon auf echter Hardware testen').click();
  await recorded(2);
  await p.goto(`/?schedule=${encodeURIComponent(SESSIONIZE)}&tz=America/New_York`);
  await expect(p.count).toHaveText('99 sessions');

  await openMore(page);
  await page.getByRole('link', { name: 'Conferences' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Conferences');
  const items = page.locator('.conference-list > li');
  await expect(items).toHaveCount(3);
  await expect(items.locator('h2')).toHaveText(['Sessionize orlando codecamp 2020', 'Rc3 channels widget', 'MesosCon Europe 2017']);
  await expect(items.nth(0)).toContainText('28 March 2020 · nothing starred · open now');
  await expect(items.nth(1)).toContainText('27–30 December 2020 · 1 starred session');
  await expect(items.nth(2)).toContainText('26–27 October 2017 · 1 starred session');
  // The open one cannot be removed from here.
  await expect(items.nth(0).getByRole('button', { name: /^Remove/ })).toHaveCount(0);

  // Switch to the demo: its agenda is there.
  await page.getByRole('button', { name: 'Open MesosCon Europe 2017' }).click();
  await expect(page.getByText('MesosCon Europe 2017').first()).toBeVisible();
  await p.goto('/agenda');
  await expect(p.titles).toHaveText(['Knee Deep in Microservices']);

  // Remove the widget conference: the confirmation names what goes.
  await p.goto('/conferences');
  const widget = page.locator('.conference-list > li', { hasText: 'Rc3 channels widget' });
  await widget.getByRole('button', { name: 'Remove Rc3 channels widget' }).click();
  const confirm = widget.getByRole('alertdialog', { name: 'Confirm removal' });
  await expect(confirm).toContainText('Remove Rc3 channels widget from this device? This deletes its agenda (1 starred session)');
  await expect(confirm).toContainText('the saved copy of its schedule');
  const widgetKeyBefore = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('schedule-viewer/agenda/')).sort());
  expect(widgetKeyBefore).toContain('schedule-viewer/agenda/rc3-channels-widget');
  // Cancel keeps everything.
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(items).toHaveCount(3);
  await widget.getByRole('button', { name: 'Remove Rc3 channels widget' }).click();
  await widget.getByRole('button', { name: 'Remove and delete its data' }).click();
  await expect(items).toHaveCount(2);
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('schedule-viewer/agenda/')).sort());
  expect(keys).toEqual([AGENDA_KEY]);
  const list = await page.evaluate(() => JSON.parse(localStorage.getItem('schedule-viewer/conferences') ?? '[]').map((c: any) => c.title));
  expect(list).toEqual(['MesosCon Europe 2017', 'Sessionize orlando codecamp 2020']);
  // The list survives a reload; the demo's agenda was not touched.
  await page.reload();
  await expect(items).toHaveCount(2);
  await p.goto('/agenda');
  await expect(p.titles).toHaveText(['Knee Deep in Microservices']);
});
