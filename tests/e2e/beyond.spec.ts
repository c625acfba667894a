// Beyond the other schedule apps: must/maybe, what changed, the clash resolver.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { AGENDA_KEY, ProgrammePage, openSettings, decodeQr, screenshotPath, lastSeenSnapshot } from './fixtures';

const KNEE = 'Knee Deep in Microservices';

test('a star has two levels: must and maybe, persisted and carried by the share link', async ({ page, browser }) => {
  const p = new ProgrammePage(page);
  await p.goto();
  await p.star(KNEE).click();
  const level = p.session(KNEE).getByRole('button', { name: /^Mark as/ });
  await expect(level).toHaveAccessibleName(`Mark as maybe: ${KNEE}`);
  expect((await p.storedAgenda()).entries['thu-devops-knee-deep'].level).toBe('must');
  await level.click();
  await expect(level).toHaveAccessibleName(`Mark as must: ${KNEE}`);
  expect((await p.storedAgenda()).entries['thu-devops-knee-deep'].level).toBe('maybe');
  await page.reload();
  await expect(p.session(KNEE).getByRole('button', { name: /^Mark as/ })).toHaveAccessibleName(`Mark as must: ${KNEE}`);
  await page.getByRole('link', { name: 'My agenda' }).click();
  const link = await page.getByLabel('Share link').inputValue();
  expect(link).toMatch(/\/agenda\/shared#2;[\w-]{6};[bd][\w-]+$/);
  // The level travels: another browser adds it as a maybe.
  const other = await browser.newContext();
  const visitor = new ProgrammePage(await other.newPage());
  await visitor.goto(link);
  await expect(visitor.titles).toHaveText([KNEE]);
  await visitor.page.getByRole('button', { name: 'Add all to my agenda' }).click();
  await expect(visitor.page.getByText('Added 1 session to your agenda.')).toBeVisible();
  expect((await visitor.storedAgenda()).entries['thu-devops-knee-deep'].level).toBe('maybe');
  await other.close();
  // Unstarred sessions have no level control.
  await page.goto('/');
  await expect(p.session('Mesos Security Exposed!').getByRole('button', { name: /^Mark as/ })).toHaveCount(0);
});

test.describe('what changed', () => {
  test.use({ serviceWorkers: 'block', timezoneId: 'America/New_York' });

  test('a newer schedule shows exactly what changed, starred sessions first', async ({ page }) => {
    const v1 = JSON.parse(readFileSync('public/schedule.json', 'utf8'));
    const v2 = structuredClone(v1);
    const find = (s: any, id: string) => s.sessions.find((x: any) => x.id === id);
    find(v2, 'thu-devops-knee-deep').start = '2017-10-26T14:00:00+02:00';
    find(v2, 'thu-devops-knee-deep').end = '2017-10-26T14:40:00+02:00';
    find(v2, 'fri-users-autoscaler').title = 'Autoscaling DC/OS Clusters';
    v2.sessions = v2.sessions.filter((x: any) => x.id !== 'thu-devops-mesos2iam');
    v2.sessions.push({ ...find(v1, 'fri-users-wtf-shell'), id: 'fri-users-lightning', title: 'Lightning talks', start: '2017-10-27T17:00:00+02:00', end: '2017-10-27T17:30:00+02:00', speakers: [] });
    let current = v1;
    await page.route('**/schedule.json', (route) => route.fulfill({ json: current }));

    const snapshot = () => lastSeenSnapshot(page);
    const p = new ProgrammePage(page);
    await p.goto();
    // The first visit's comparison ends by writing the snapshot (there is
    // none to compare with): once it is there, "no changes" is its result.
    await expect.poll(snapshot).not.toBeNull();
    await expect(page.getByText(/changes? since you last looked/)).toHaveCount(0);
    await p.star('mesos2iam: IAM Credentials for Containers Running Inside a Mesos Cluster').click();
    await p.star(KNEE).click();

    current = v2;
    await page.reload();
    const panel = page.getByRole('region', { name: '4 changes since you last looked' });
    await expect(panel.getByRole('listitem')).toHaveText([
      '★ Moved: “Knee Deep in Microservices”, now Thu 26 Oct 14:00, Club A (was Thu 26 Oct 11:50, Club A)',
      '★ Cancelled: “mesos2iam: IAM Credentials for Containers Running Inside a Mesos Cluster” (was Thu 26 Oct 15:10, Club A)',
      'Renamed: “An Autoscaler for DC/OS”, now “Autoscaling DC/OS Clusters”',
      'New: “Lightning talks”, Fri 27 Oct 17:00, Club A',
    ]);
    await expect(p.session(KNEE)).toContainText('Changed');
    await expect(p.session('Autoscaling DC/OS Clusters')).toContainText('Changed');
    // The messages honour the zone toggle (the browser runs in New York here).
    await openSettings(page);
    await page.getByLabel('Time zone').selectOption({ label: 'Mine' });
    await expect(panel.getByRole('listitem').first()).toHaveText(
      '★ Moved: “Knee Deep in Microservices”, now Thu 26 Oct 08:00, Club A (was Thu 26 Oct 05:50, Club A)',
    );
    // So do the agenda's notes about a moved star.
    await page.getByRole('link', { name: /My agenda/ }).click();
    await expect(page.getByRole('region', { name: 'Changed since you starred them' })).toContainText(
      'now Thu 26 Oct 08:00, Club A (was Thu 26 Oct 05:50, Club A)',
    );
    await page.getByLabel('Time zone').selectOption({ label: "Conference's" });
    await expect(page.getByRole('region', { name: 'Changed since you starred them' })).toContainText(
      'now Thu 26 Oct 14:00, Club A (was Thu 26 Oct 11:50, Club A)',
    );
    await page.goto('/');
    await expect(p.session('Mesos Security Exposed!')).not.toContainText('Changed');
    await page.setViewportSize({ width: 1280, height: 800 });
    // Not dismissed: the panel is back on the next load (its part and the
    // comparison run after the page is drawn), and the screenshot shows it.
    await expect(page.getByRole('region', { name: '4 changes since you last looked' })).toBeVisible();
    await page.screenshot({ path: screenshotPath('changes.png') });
    await panel.getByRole('button', { name: 'Dismiss' }).click();
    await expect(panel).toHaveCount(0);
    await expect(p.session(KNEE)).not.toContainText('Changed');
    // Dismissing keeps this schedule as the one last seen.
    await expect.poll(snapshot).toContain('Autoscaling DC/OS Clusters');
    // One more change: after a reload exactly that one is listed, so the
    // comparison ran, and the four dismissed are not shown again.
    const v3 = structuredClone(v2);
    find(v3, 'thu-devops-security-exposed').title = 'Mesos Security, Exposed';
    current = v3;
    await page.reload();
    await expect(page.getByRole('region', { name: '1 change since you last looked' }).getByRole('listitem')).toHaveText([
      'Renamed: “Mesos Security Exposed!”, now “Mesos Security, Exposed”',
    ]);
    await expect(page.getByText(/changes since you last looked/)).toHaveCount(0);
  });
});

test('clashing musts are flagged more strongly, and a clash resolves with one action', async ({ page }) => {
  const p = new ProgrammePage(page);
  await p.goto('/?track=town-halls-and-events');
  await p.star('Town Hall: Mesos').click();
  await p.star('Town Hall: DC/OS').click();
  await page.getByRole('link', { name: 'My agenda' }).click();
  const clash = page.locator('.clash-summary .clash');
  await expect(clash).toContainText('“Town Hall: Mesos” and “Town Hall: DC/OS” overlap — 2 of them are musts.');
  await expect(clash).toHaveClass(/strong/);
  await p.session('Town Hall: DC/OS').getByRole('button', { name: 'Mark as maybe: Town Hall: DC/OS' }).click();
  await expect(clash).toContainText('“Town Hall: Mesos” and “Town Hall: DC/OS” overlap.');
  await expect(clash).not.toHaveClass(/strong/);
  await page.screenshot({ path: screenshotPath('clash.png'), fullPage: true });
  await clash.getByText('Resolve: sessions in this slot').click();
  const options = clash.locator('.alternatives li');
  await expect(options).toHaveCount(4);
  await clash.getByRole('button', { name: 'Choose Town Hall: Kubernetes' }).click();
  await expect(p.titles).toHaveText(['Town Hall: Kubernetes']);
  await expect(page.locator('.clash-summary')).toHaveCount(0);
  expect(Object.keys((await p.storedAgenda()).entries)).toEqual(['thu-town-hall-kubernetes']);
});

test.describe('QR share', () => {
  // jsQR (the independent decoder) is injected as a script, past the page's CSP.
  test.use({ bypassCSP: true });

  test('the share link is also a QR code that decodes to the link', async ({ page, browser }) => {
    const p = new ProgrammePage(page);
    await p.goto();
    await p.star(KNEE).click();
    await p.star('WTF, My Container Just Spawned a Shell').click();
    await p.session('WTF, My Container Just Spawned a Shell').getByRole('button', { name: /^Mark as maybe/ }).click();
    await page.getByRole('link', { name: 'My agenda' }).click();
    const link = await page.getByLabel('Share link').inputValue();
    const qr = page.getByRole('img', { name: 'QR code: scan to open this agenda' });
    await expect(qr).toBeVisible();
    const decoded = await decodeQr(page, qr);
    expect(decoded).toBe(link);
    expect(decoded).toMatch(/\/agenda\/shared#2;[\w-]{6};[bd][\w-]+$/);
    // The decoded link opens the same agenda in a fresh browser.
    const other = await browser.newContext();
    const visitor = new ProgrammePage(await other.newPage());
    await visitor.goto(decoded!);
    await expect(visitor.titles).toHaveText([KNEE, 'WTF, My Container Just Spawned a Shell']);
    await other.close();
  });
});

test('a reminder fires before a must session, with its room, once (fixed clock, stubbed Notification)', async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).__notes = [];
    (window as any).__asked = 0;
    class FakeNotification {
      // Granted stays granted across reloads, as in a real browser.
      static permission = sessionStorage.getItem('permission') ?? 'default';
      static requestPermission() {
        (window as any).__asked++;
        sessionStorage.setItem('permission', 'granted');
        FakeNotification.permission = 'granted';
        return Promise.resolve('granted');
      }
      constructor(title: string, options: { body?: string }) {
        (window as any).__notes.push({ title, body: options?.body });
      }
    }
    (window as any).Notification = FakeNotification;
  });
  const p = new ProgrammePage(page);
  await p.goto('/?track=devops-and-ops');
  await p.star(KNEE).click(); // 11:50, Club A: must
  await p.star('Mesos Security Exposed!').click(); // 13:30
  await page.goto(`/agenda?now=${encodeURIComponent('2017-10-26T11:42:00+02:00')}`);
  await expect(p.titles).toHaveCount(2);
  expect(await page.evaluate(() => (window as any).__notes)).toEqual([]);
  await page.getByLabel('Remind me 10 minutes before my must sessions').check();
  await expect(page.getByText('Reminders are on while this app is open.')).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as any).__notes)).toEqual([
    { title: `In 8 min: ${KNEE}`, body: 'Club A · 11:50–12:30' },
  ]);
  expect(await page.evaluate(() => (window as any).__asked)).toBe(1);
  // The setting persists: after a reload the next must is announced by itself.
  await page.goto(`/agenda?now=${encodeURIComponent('2017-10-26T13:25:00+02:00')}`);
  await expect(page.getByLabel('Remind me 10 minutes before my must sessions')).toBeChecked();
  await expect.poll(() => page.evaluate(() => (window as any).__notes)).toEqual([
    { title: 'In 5 min: Mesos Security Exposed!', body: 'Club A · 13:30–14:10' },
  ]);
  // A maybe gets no reminder.
  await p.session('Mesos Security Exposed!').getByRole('button', { name: /^Mark as maybe/ }).click();
  await page.goto(`/agenda?now=${encodeURIComponent('2017-10-26T13:26:00+02:00')}`);
  // The app checks for due reminders at once, in a lazily loaded part
  // (src/views/reminders.rs), which counts each check on <html>: once it
  // has counted one, the check has run: no waiting for "nothing" to happen.
  await expect(p.titles).toHaveCount(2);
  await expect(page.locator('html[data-reminders-checked]')).toHaveCount(1);
  expect(await page.evaluate(() => (window as any).__notes)).toEqual([]);
});
