// The programme: every session shows, filters narrow it and live in the URL.
import { test, expect } from '@playwright/test';
import { ProgrammePage, TOTAL_SESSIONS, openMore, screenshotPath } from './fixtures';

const DEVOPS = [
  'Local or External Storage for Containers and Databases',
  'Knee Deep in Microservices',
  'Mesos Security Exposed!',
  'Doing Real DevOps with DC/OS',
  'mesos2iam: IAM Credentials for Containers Running Inside a Mesos Cluster',
];

test('shows the conference and every session with time, room, track and speakers', async ({ page }) => {
  const p = new ProgrammePage(page);
  await p.goto();
  await expect(page).toHaveTitle('Programme · MesosCon Europe 2017');
  await expect(page.getByText('MesosCon Europe 2017').first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Thursday 26 October 2017' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Friday 27 October 2017' })).toBeVisible();
  await expect(p.sessions).toHaveCount(TOTAL_SESSIONS);
  await expect(p.count).toHaveText(`${TOTAL_SESSIONS} sessions`);
  const keynote = p.session('The State of Apache Mesos');
  await expect(keynote).toContainText('09:00–09:30');
  await expect(keynote).toContainText('Congress Hall');
  await expect(keynote).toContainText('Keynotes');
  await expect(keynote).toContainText('Ben Hindman');
  await expect(p.session('Optimising Mesos Utilization at Opentable')).toContainText('Jay Chin (OpenTable)');
  // The town halls run in parallel on Thursday evening.
  for (const topic of ['Mesos', 'Marathon', 'DC/OS', 'Kubernetes']) {
    await expect(p.session(`Town Hall: ${topic}`)).toContainText('19:00–20:30');
  }
});

test('filters by one and by several tracks, in the URL', async ({ page }) => {
  const p = new ProgrammePage(page);
  await p.goto();
  await p.track('DevOps and Ops').check();
  await expect(page).toHaveURL(/\?track=devops-and-ops$/);
  await expect(p.sessions).toHaveCount(5);
  await expect(p.titles).toHaveText(DEVOPS);
  await p.track('Town Halls and events').check();
  await expect(page).toHaveURL(/\?track=devops-and-ops,town-halls-and-events$/);
  await expect(p.sessions).toHaveCount(10);
  await page.goBack();
  await expect(p.sessions).toHaveCount(5);
  await expect(p.track('Town Halls and events')).not.toBeChecked();
});

test('a track has its own view', async ({ page }) => {
  const p = new ProgrammePage(page);
  await p.goto();
  await openMore(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users and Ops' }).click();
  await expect(page).toHaveURL(/\/track\/users-and-ops$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Users and Ops');
  await expect(page).toHaveTitle('Users and Ops · MesosCon Europe 2017');
  await expect(p.sessions).toHaveCount(7);
  await expect(page.getByRole('heading', { level: 2, name: 'Thursday 26 October 2017' })).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('track-view.png') });
});

test('filters by speaker', async ({ page }) => {
  const p = new ProgrammePage(page);
  await p.goto();
  // The list is built only when the box is used: none of its entries is in the page at load.
  await expect(page.locator('#speaker-options li')).toHaveCount(0);
  await p.chooseSpeaker('Julien Stroheker');
  await expect(page).toHaveURL(/\?speaker=julien-stroheker$/);
  await expect(p.titles).toHaveText(['Doing Real DevOps with DC/OS', 'An Autoscaler for DC/OS']);
  // The box names the chosen speaker, the list is closed; "All speakers" clears the filter.
  await expect(p.speaker).toHaveValue('Julien Stroheker');
  await expect(p.speaker).toHaveAttribute('aria-expanded', 'false');
  await p.speaker.click();
  await page.getByRole('option', { name: 'All speakers' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(p.speaker).toHaveValue('');
});

test('the Speaker filter is a combobox: typed words (accents and case ignored) and the keyboard pick', async ({ page }) => {
  const p = new ProgrammePage(page);
  await p.goto();
  await p.speaker.fill('jorg');
  const options = page.getByRole('listbox', { name: 'Speakers' }).getByRole('option');
  // "All speakers" first, then the matches.
  await expect(options.first()).toHaveText('All speakers');
  await expect(options.nth(1)).toContainText('Jörg Schad');
  await p.speaker.press('ArrowDown');
  await expect(p.speaker).toHaveAttribute('aria-activedescendant', 'speaker-option-1');
  await p.speaker.press('Enter');
  await expect(page).toHaveURL(/\?speaker=jorg-schad$/);
  await expect(p.speaker).toHaveValue('Jörg Schad');
  // Escape closes the list and keeps the choice.
  await p.speaker.fill('zzz');
  await expect(options).toHaveCount(1);
  await p.speaker.press('Escape');
  await expect(p.speaker).toHaveValue('Jörg Schad');
  await expect(page).toHaveURL(/\?speaker=jorg-schad$/);
});

test('filters by free text over titles, abstracts and speakers, accent-insensitively', async ({ page }) => {
  const p = new ProgrammePage(page);
  await p.goto();
  await p.search.fill('security');
  await expect(page).toHaveURL(/\?q=security$/);
  await expect(p.titles).toHaveText(['Mesos Security Exposed!']);
  await p.search.fill('tensorflow');
  await expect(p.titles).toHaveText(['The Future of Apache Mesos and DC/OS']);
  await p.search.fill('adam sandor');
  await expect(p.titles).toHaveText(['Knee Deep in Microservices']);
  await p.search.fill('weaveworks');
  await expect(p.titles).toHaveText(['Time Traveling in the Universe of Microservices and Orchestration']);
});

test('filters combine; an empty result says so and offers to clear', async ({ page }) => {
  const p = new ProgrammePage(page);
  await p.goto();
  await p.search.fill('dc/os');
  await expect(p.sessions).toHaveCount(7);
  await p.day.selectOption({ label: 'Friday 27 October 2017' });
  await expect(page).toHaveURL(/\?q=dc%2Fos&day=2017-10-27$/);
  await expect(p.sessions).toHaveCount(4);
  await p.track('DevOps and Ops').check();
  await expect(p.sessions).toHaveCount(0);
  await expect(p.count).toHaveText('No sessions match these filters.');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(p.sessions).toHaveCount(TOTAL_SESSIONS);
  await expect(p.search).toHaveValue('');
  await expect(page).toHaveURL(/\/$/);
});

test('a filtered link opened fresh shows the same view', async ({ page }) => {
  const p = new ProgrammePage(page);
  await p.goto('/?track=devops-and-ops&q=mesos');
  await expect(p.titles).toHaveText([
    'Local or External Storage for Containers and Databases',
    'Mesos Security Exposed!',
    'mesos2iam: IAM Credentials for Containers Running Inside a Mesos Cluster',
  ]);
  await expect(p.search).toHaveValue('mesos');
  await expect(p.track('DevOps and Ops')).toBeChecked();
  await expect(p.track('Keynotes')).not.toBeChecked();
  await page.reload();
  await expect(p.sessions).toHaveCount(3);
});

test('unknown filter values in a link are ignored with a notice', async ({ page }) => {
  const p = new ProgrammePage(page);
  await p.goto('/?track=nope,keynotes&day=2030-01-01');
  await expect(page.getByText('No track "nope" in this schedule.')).toBeVisible();
  await expect(page.getByText('No day "2030-01-01" in this schedule.')).toBeVisible();
  await expect(p.sessions).toHaveCount(7);
});

test('a session has its own page with abstract, speakers, time and room', async ({ page }) => {
  const p = new ProgrammePage(page);
  await p.goto();
  await page.getByRole('link', { name: 'WTF, My Container Just Spawned a Shell' }).click();
  await expect(page).toHaveURL(/\/session\/fri-users-wtf-shell$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('WTF, My Container Just Spawned a Shell');
  await expect(page).toHaveTitle('WTF, My Container Just Spawned a Shell · MesosCon Europe 2017');
  await expect(page.getByText('Friday 27 October 2017, 14:30–15:10 (40 min, UTC+02:00)')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Club A' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Users and Ops' }).last()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Jorge Salamero' })).toBeVisible();
  await expect(page.getByText('Falco')).toBeVisible();
  // Opened directly, the detail URL works too.
  await page.goto('/session/thu-town-hall-dcos');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Town Hall: DC/OS');
  await expect(page.getByRole('heading', { name: 'At the same time' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Town Hall: Kubernetes' })).toBeVisible();
});

test('speakers have a directory and pages', async ({ page }) => {
  const p = new ProgrammePage(page);
  await p.goto('/speakers');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Speakers');
  await page.getByRole('link', { name: 'Julien Stroheker' }).click();
  await expect(page).toHaveURL(/\/speaker\/julien-stroheker$/);
  await expect(p.sessions).toHaveCount(2);
});

test('an unknown path shows a not-found page', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test('Back returns to the same place in the list; a new page starts at the top', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 700 });
  const p = new ProgrammePage(page);
  await p.goto();
  // Scroll the list down to the link (clicking scrolls a link into view first,
  // so the position to come back to is the one the link is seen at).
  const link = page.getByRole('link', { name: 'Town Hall: Kubernetes' });
  await link.scrollIntoViewIfNeeded();
  const at = await page.evaluate(() => Math.round(scrollY));
  expect(at).toBeGreaterThan(1000);
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Town Hall: Kubernetes');
  expect(await page.evaluate(() => scrollY)).toBe(0);
  await page.goBack();
  await expect(p.sessions).toHaveCount(28);
  await expect.poll(() => page.evaluate(() => Math.round(scrollY))).toBe(at);
});
