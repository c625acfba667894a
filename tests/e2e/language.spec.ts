// The interface in the visitor's language (issue 30): a German, a French and
// an English browser each see the words, dates and <html lang> in theirs,
// with no English label, aria-label, title or placeholder left in the other
// two; a choice in Settings is kept; a build written in German (`--lang de`,
// target/deploy-de, made by scripts/test.sh) reads in German without
// JavaScript, is adopted by a German browser and taken over in place by an
// English one.
import { existsSync, readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { AGENDA_KEY, collectErrors, disableStorage, openSettings, screenshotPath, seedStorage } from './fixtures';
import { serve } from './serve.mjs';

const catalogue = (code: string): Record<string, string> =>
  JSON.parse(readFileSync(`public/lang/${code}.json`, 'utf8'));

// A star, a must, a follow: My agenda shows its sections, the cards their marks.
const AGENDA = JSON.stringify({
  v: 3,
  entries: { 'thu-devops-knee-deep': { level: 'must' }, 'fri-users-autoscaler': { level: 'maybe' } },
  own: {},
  follows: { 'track:users-and-ops': { name: 'Users and Ops', added: '2017-10-01T10:00:00Z' } },
});

// Each view, and what must be open in it for all its words to show.
const VIEWS: { path: string; open?: (page: Page) => Promise<void> }[] = [
  { path: '/', open: openSettings },
  { path: '/?track=users-and-ops&q=mesos' },
  { path: '/agenda' },
  { path: '/now?now=2017-10-26T09:20:00Z' },
  { path: '/session/thu-devops-knee-deep' },
  { path: '/track/users-and-ops' },
  { path: '/room/club-a' },
  { path: '/speakers' },
  { path: '/timetable/2017-10-26' },
  { path: '/conferences' },
  { path: '/no/such/page' },
  // A schedule that cannot be loaded: the error page.
  { path: '/?schedule=/no-such-schedule.json' },
];

async function ready(page: Page) {
  await expect(page.locator('#prerender')).toHaveCount(0);
  await expect(page.locator('main#main h1').first()).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

/**
 * Every word of the page a visitor reads or hears (text, aria-label, title,
 * placeholder, alt, the document's title) that is not written from `code`'s
 * catalogue: what is left in English. A text passes when, once every
 * catalogue text, every text of the schedule (content is never
 * translated) and every language's own name are taken out of it, no letter
 * is left; or when it is a catalogue sentence with its values filled in.
 */
async function notIn(page: Page, code: string): Promise<string[]> {
  const words = catalogue(code);
  const templates = Object.values(words).flatMap((v) => v.split('|'));
  // The languages' own names, and the app's.
  const names = ['English', 'Deutsch', 'Français', 'schedule-viewer'];
  return page.evaluate(
    async ({ templates, names }) => {
      const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
      const base = document.querySelector('meta[name="app-base"]')?.getAttribute('content') ?? '/';
      const file = await (await fetch(`${base}schedule.json`)).text();
      const content: string[] = [];
      JSON.parse(file, (_k, v) => {
        if (typeof v === 'string' && /\p{L}/u.test(v)) content.push(norm(v));
        return v;
      });
      const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const fixed = templates.map(norm);
      // A sentence matches by what it says itself (three letters at least).
      const patterns = fixed
        .filter((t) => t.replace(/\{[a-z_]+\}/g, '').replace(/[^\p{L}]/gu, '').length >= 3)
        .map((t) => new RegExp(`^${t.split(/\{[a-z_]+\}/).map(esc).join('[\\s\\S]*')}$`));
      // Longest first, so that a word inside a longer text is not taken out of it first.
      const parts = [...new Set([...fixed.map((t) => t.replace(/\{[a-z_]+\}/g, '')), ...content, ...names])]
        .map(norm)
        .filter((t) => /\p{L}/u.test(t))
        .sort((a, b) => b.length - a.length);
      const said: string[] = [document.title];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.parentElement?.closest('script, style, noscript, template')) continue;
        said.push(n.nodeValue ?? '');
      }
      for (const el of document.body.querySelectorAll('*')) {
        for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
          const v = el.getAttribute(a);
          if (v) said.push(v);
        }
      }
      const left = new Set<string>();
      for (const raw of said) {
        const s = norm(raw);
        if (!/\p{L}/u.test(s) || patterns.some((p) => p.test(s))) continue;
        let rest = s;
        for (const p of parts) if (rest.includes(p)) rest = rest.split(p).join(' ');
        // What is left: digits, punctuation, a zone's offset ("UTC+02:00"), a lone letter.
        rest = rest.replace(/UTC[+−-]\d\d:\d\d/g, ' ');
        if ((rest.match(/\p{L}{2,}/gu) ?? []).length) left.add(s);
      }
      return [...left];
    },
    { templates, names },
  );
}

for (const [code, locale, heading] of [
  ['de', 'de-DE', 'Programm'],
  ['fr', 'fr-FR', 'Programme'],
] as const) {
  test.describe(`a ${locale} browser`, () => {
    test.use({ locale });

    test(`reads every view in ${code}, with no English word left`, async ({ page }) => {
      test.setTimeout(90_000);
      const errors = collectErrors(page);
      await seedStorage(page, AGENDA_KEY, AGENDA);
      for (const view of VIEWS) {
        await page.goto(view.path);
        await ready(page);
        await expect(page.locator('html')).toHaveAttribute('lang', code);
        await view.open?.(page);
        expect(await notIn(page, code), `${view.path} in ${code}`).toEqual([]);
      }
      await page.goto('/');
      await ready(page);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      expect(errors).toEqual([]);
    });

    test(`on a 320 px phone in ${code}: no sideways scroll, no clipped label`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.setViewportSize({ width: 320, height: 640 });
      await seedStorage(page, AGENDA_KEY, AGENDA);
      for (const view of VIEWS) {
        await page.goto(view.path);
        await ready(page);
        await view.open?.(page);
        const wide = await page.evaluate(() => document.scrollingElement!.scrollWidth);
        expect(wide, `${view.path}: the page is ${wide} px wide`).toBeLessThanOrEqual(320);
        // A control or heading whose words are cut off (overflow hidden or an ellipsis).
        const clipped = await page.evaluate(() =>
          [...document.querySelectorAll('button, label, summary, a, h1, h2, h3, legend, option, .label, th')]
            .filter((el) => {
              const e = el as HTMLElement;
              if (!e.offsetParent || e.closest('.visually-hidden, .sr-only') || e.clientWidth < 2) return false;
              const style = getComputedStyle(e);
              const hides = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
              return hides && e.scrollWidth > e.clientWidth + 1;
            })
            .map((e) => `${e.tagName.toLowerCase()}.${(e as HTMLElement).className}: ${e.textContent?.trim().slice(0, 40)}`),
        );
        expect(clipped, view.path).toEqual([]);
        if (view.path === '/' || view.path === '/agenda') {
          await page.screenshot({ path: screenshotPath(`phone-${code}${view.path === '/' ? '' : '-agenda'}.png`) });
        }
      }
    });

    test(`dates are written as Intl writes them in ${code}`, async ({ page }) => {
      await page.goto('/now?now=2017-10-26T09:20:00Z');
      await ready(page);
      const intl = await page.evaluate((code) => {
        const at = new Date('2017-10-26T09:20:00Z');
        const zone = { timeZone: 'Europe/Prague' };
        return {
          long: new Intl.DateTimeFormat(code, { ...zone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(at),
          short: new Intl.DateTimeFormat(code, { ...zone, weekday: 'short', day: 'numeric', month: 'short' }).format(at),
        };
      }, code);
      await expect(page.locator('.clock')).toContainText(intl.long);
      // The header's dates begin with the first day, short.
      await expect(page.locator('header.site-header')).toContainText(intl.short);
    });
  });
}

test('an English browser reads English, and <html lang="en">', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Programme');
});

test('the language chosen in Settings is kept after a reload, and Automatic follows the browser again', async ({ page }) => {
  await page.goto('/agenda');
  await ready(page);
  await openSettings(page);
  await Promise.all([page.waitForEvent('load'), page.getByLabel('Language').selectOption('de')]);
  await ready(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Meine Agenda');
  await page.reload();
  await ready(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Meine Agenda');
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('schedule-viewer/settings') ?? '{}').lang)).toBe('de');
  await page.locator('header.site-header details.settings > summary').click();
  await Promise.all([page.waitForEvent('load'), page.getByLabel('Sprache').selectOption('')]);
  await ready(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My agenda');
});

test('with storage disabled, a language that cannot be kept is not chosen: the menu goes back and says why, with no reload', async ({ page }) => {
  await disableStorage(page);
  const errors = collectErrors(page);
  await page.goto('/agenda');
  await ready(page);
  await page.evaluate(() => ((window as any).__sameDocument = true));
  await openSettings(page);
  const menu = page.getByLabel('Language');
  await menu.selectOption('de');
  await expect(page.getByRole('alert').filter({ hasText: 'another language cannot be kept' })).toHaveText(
    "This browser does not let the page store data, so another language cannot be kept: the interface follows the browser's languages.",
  );
  await expect(menu).toHaveValue('');
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My agenda');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(errors).toEqual([]);
});

test.describe('a build written in German (--lang de)', () => {
  const BUILT = 'target/deploy-de';
  test.beforeEach(() => {
    if (!existsSync(`${BUILT}/index.html`)) {
      expect(process.env.CI, `${BUILT} is missing: scripts/test.sh builds it`).not.toBe('true');
      test.skip(true, `SKIPPED: ${BUILT} is absent (scripts/test.sh makes it)`);
    }
  });

  test('its pages are German without JavaScript', async ({ browser }) => {
    const server = await serve(BUILT, 0, { rewrites: false });
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
    const page = await context.newPage();
    try {
      for (const [path, h1, description] of [
        ['/', 'Programm', 'MesosCon Europe 2017, 26.–27. Oktober 2017, Prague, Czech Republic: 28 Sessions.'],
        ['/speakers/', 'Vortragende', '23 Vortragende bei MesosCon Europe 2017.'],
        ['/track/users-and-ops/', 'Users and Ops', '7 Sessions im Track Users and Ops von MesosCon Europe 2017, 26.–27. Oktober 2017.'],
        ['/timetable/2017-10-26/', 'Zeitplan, Donnerstag, 26. Oktober 2017', null],
      ] as const) {
        await page.goto(`${server.url}${path}`);
        await expect(page.locator('html')).toHaveAttribute('lang', 'de');
        await expect(page.locator('#prerender h1')).toHaveText(h1);
        // The link preview too.
        if (description) {
          await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', description);
          await expect(page.locator('meta[property="og:description"]')).toHaveAttribute('content', description);
        }
        expect(await notIn(page, 'de'), path).toEqual([]);
      }
      // The installed app's name and words too.
      const manifest = await (await page.request.get(`${server.url}/manifest.webmanifest`)).json();
      expect(manifest).toMatchObject({ lang: 'de', name: 'MesosCon Europe 2017 · Programm', short_name: 'Programm' });
    } finally {
      await context.close();
      await server.close();
    }
  });

  test('a German browser adopts it; an English one takes it over in place', async ({ browser }) => {
    const server = await serve(BUILT, 0, { rewrites: false });
    try {
      for (const [locale, h1] of [
        ['de-DE', 'Programm'],
        ['en-GB', 'Programme'],
      ] as const) {
        const context = await browser.newContext({ locale });
        const page = await context.newPage();
        await page.addInitScript(() => {
          (window as any).__cls = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries() as any[]) if (!e.hadRecentInput) (window as any).__cls += e.value;
          }).observe({ type: 'layout-shift', buffered: true });
          // The heading the build drew, marked: adopted, it is the app's own.
          document.addEventListener('DOMContentLoaded', () => {
            const h1 = document.querySelector('#prerender h1') as any;
            if (h1) h1.__built = true;
          });
        });
        await page.goto(`${server.url}/`);
        await expect(page.locator('main#main h1').first()).toHaveText(h1);
        await expect(page.locator('html')).toHaveAttribute('lang', locale.slice(0, 2));
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const adopted = await page.evaluate(() => !!(document.querySelector('main#main h1') as any)?.__built);
        expect(adopted, locale).toBe(locale === 'de-DE');
        expect(await page.evaluate(() => (window as any).__cls), locale).toBeLessThanOrEqual(0.02);
        await context.close();
      }
    } finally {
      await server.close();
    }
  });
});
