// axe-core on every view, light and dark: no violation of serious or critical impact.
import { test, expect } from '@playwright/test';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
// axe is injected as a script: let it past the page's CSP (the app itself runs under it elsewhere).
test.use({ bypassCSP: true });

const VIEWS = [
  '/',
  '/?track=devops-and-ops&q=mesos',
  '/?q=nothing-matches-this',
  '/track/users-and-ops',
  '/timetable/2017-10-26?now=2017-10-26T11%3A20%3A00%2B02%3A00',
  '/now?now=2017-10-26T11%3A20%3A00%2B02%3A00',
  '/speakers',
  '/speaker/julien-stroheker',
  '/room/club-a',
  '/session/thu-town-hall-dcos',
  '/agenda',
  '/agenda/shared#1;mesoscon-eu-2017;thu-devops-knee-deep,!fri-users-wtf-shell',
  '/no/such/page',
  '/conferences',
  // Last: these open another conference (a zone prompt, a room chooser, languages).
  `/?schedule=${encodeURIComponent('/test-data/sessionize-orlando-codecamp-2020.json')}`,
  '/timetable',
  `/?schedule=${encodeURIComponent('/test-data/rc3-channels-widget.json')}`,
];

const SIZES = { phone: { width: 375, height: 667 }, desktop: { width: 1280, height: 800 } };

for (const [size, viewport] of Object.entries(SIZES)) for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations (${scheme}, ${size})`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme: scheme });
    // An own entry, and two clashing stars, so the agenda shows its flags.
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('seeded-own')) {
        const own = { title: 'Lunch with Ana', start: '2017-10-26T19:30:00+02:00', end: '2017-10-26T20:00:00+02:00', place: 'Hall B', added: '' };
        // And two follows, so the agenda lists them and the filters mark them.
        const follows = { 'track:users-and-ops': { name: 'Users and Ops', added: '' }, 'room:club-a': { name: 'Club A', added: '' } };
        localStorage.setItem('schedule-viewer/agenda/mesoscon-eu-2017', JSON.stringify({ v: 3, entries: {}, own: { 'own-a11y': own }, follows }));
        sessionStorage.setItem('seeded-own', '1');
      }
    });
    await page.goto('/?track=town-halls-and-events');
    await page.getByRole('button', { name: 'Add to agenda: Town Hall: Mesos' }).click();
    await page.getByRole('button', { name: 'Add to agenda: Town Hall: DC/OS' }).click();
    const report: string[] = [];
    for (const view of VIEWS) {
      await page.goto(view);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      // The agenda with its own-entry form open; the timetable with its room chooser open.
      if (view === '/agenda') await page.getByRole('button', { name: 'Add your own entry' }).click();
      if (view === '/timetable') await page.locator('details.room-chooser summary').click();
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const result = await (window as any).axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        });
        return result.violations
          .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
          .map((v: any) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n: any) => n.target.join(' ')).join(' | ')}`);
      });
      report.push(...violations.map((v: string) => `${view}: ${v}`));
    }
    expect(report).toEqual([]);
  });
}
