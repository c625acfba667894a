// Shared helpers for the end-to-end suite: a page object for the programme,
// and the facts of the demo schedule the tests check against.
import { expect, test, type Page, type Locator } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export const AGENDA_KEY = 'schedule-viewer/agenda/mesoscon-eu-2017';
export const TOTAL_SESSIONS = 28;

/** Where the app keeps the schedule last seen (Cache Storage), for "what changed". */
export const LAST_SEEN = { cache: 'schedule-viewer-local-schedules', key: '/snapshots/mesoscon-eu-2017' };

/** The text of the demo's last-seen schedule, or null while none is kept. */
export function lastSeenSnapshot(page: Page): Promise<string | null> {
  return page.evaluate(
    ({ cache, key }) =>
      caches
        .open(cache)
        .then((c) => c.match(key))
        .then((r) => (r ? r.text() : null)),
    LAST_SEEN,
  );
}

/**
 * Where a README picture is written: `docs/screenshots/<name>` (tracked) only
 * when asked with `UPDATE_SCREENSHOTS=1`; otherwise the test's own folder
 * under test-results/ (ignored by git), so a test run leaves the working tree
 * clean and the screenshot is still taken.
 */
export function screenshotPath(name: string): string {
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync('docs/screenshots', { recursive: true });
    return `docs/screenshots/${name}`;
  }
  return test.info().outputPath(name);
}

/** Put `value` under `key` in localStorage before the app's first load (not again on reloads). */
export async function seedStorage(page: Page, key: string, value: string) {
  await page.addInitScript(
    ([k, v]) => {
      if (!sessionStorage.getItem(`seeded:${k}`)) {
        localStorage.setItem(k, v);
        sessionStorage.setItem(`seeded:${k}`, '1');
      }
    },
    [key, value],
  );
}

/** Make `localStorage` throw as when the user disables site data (for every load of the page). */
export async function disableStorage(page: Page) {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
}

/**
 * Replace the browser's Notification with one that grants permission and
 * records what it is asked to show (for every load of the page).
 * `notes(page)` reads them back.
 */
export async function recordNotifications(page: Page) {
  await page.addInitScript(() => {
    (window as any).__notes = [];
    (window as any).Notification = class {
      static permission = 'granted';
      static requestPermission() {
        return Promise.resolve('granted');
      }
      constructor(title: string, options: { body?: string }) {
        (window as any).__notes.push({ title, body: options?.body });
      }
    };
  });
}

/** The notifications shown since this load, as `recordNotifications` kept them. */
export function notes(page: Page): Promise<{ title: string; body?: string }[]> {
  return page.evaluate(() => (window as any).__notes);
}

/**
 * Let the test fill `localStorage` up: while `storageFull(page, true)` holds,
 * every write throws the QuotaExceededError a full storage throws.
 */
export async function fillableStorage(page: Page) {
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k: string, v: string) {
      if ((window as any).__full) throw new DOMException('quota', 'QuotaExceededError');
      return real.call(this, k, v);
    };
  });
}

/** Storage full (every write refused) or not, for a page set up with `fillableStorage`. */
export async function storageFull(page: Page, full: boolean) {
  await page.evaluate((f) => ((window as any).__full = f), full);
}

/** Collect uncaught page errors and Rust panics (logged by the panic hook) from now on. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && m.text().includes('panicked')) errors.push(m.text());
  });
  return errors;
}

/**
 * Decode the share QR code (an SVG) with jsQR, an independent decoder
 * injected into the page: the test needs `bypassCSP`. `size` is the canvas it is drawn on.
 */
export async function decodeQr(page: Page, qr: Locator, size = 400): Promise<string | null> {
  await page.addScriptTag({ path: 'node_modules/jsqr/dist/jsQR.js' });
  return qr.evaluate(async (svg, size) => {
    const xml = new XMLSerializer().serializeToString(svg);
    const img = new Image();
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(xml);
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0, size, size);
    return (window as any).jsQR(ctx.getImageData(0, 0, size, size).data, size, size)?.data ?? null;
  }, size);
}

/** Hold back every request matching `pattern` until the returned function is called. */
export async function holdBack(page: Page, pattern: string): Promise<() => void> {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  await page.route(pattern, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

/** Open the Settings menu (language, time zone, theme) in the header. */
export async function openSettings(page: Page) {
  const summary = page.locator('header.site-header details.settings > summary');
  if (!(await page.locator('header.site-header details.settings').evaluate((d: HTMLDetailsElement) => d.open))) await summary.click();
  // (by its id: the label is in the page's language)
  await expect(page.locator('#zone-setting')).toBeVisible();
}

/** Open "More" in the main navigation (tracks, speakers). */
export async function openMore(page: Page) {
  const summary = page.getByRole('navigation', { name: 'Main' }).locator('details.more > summary');
  if (!(await page.locator('header.site-header details.more').evaluate((d: HTMLDetailsElement) => d.open))) await summary.click();
}

export class ProgrammePage {
  constructor(readonly page: Page) {}

  async goto(path = '/') {
    await this.page.goto(path);
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  get sessions(): Locator {
    return this.page.getByRole('article');
  }

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search sessions' });
  }

  track(name: string): Locator {
    return this.page.getByRole('group', { name: 'Track' }).getByRole('checkbox', { name });
  }

  get speaker(): Locator {
    return this.page.getByRole('combobox', { name: 'Speaker', exact: true });
  }

  /** Types into the Speaker combobox and picks the speaker from its list. */
  async chooseSpeaker(name: string): Promise<void> {
    await this.speaker.fill(name);
    await this.page.getByRole('listbox', { name: 'Speakers' }).getByRole('option', { name }).click();
  }

  get day(): Locator {
    return this.page.getByLabel('Day', { exact: true });
  }

  get count(): Locator {
    return this.page.locator('#main .result-count');
  }

  session(title: string): Locator {
    return this.page.getByRole('article', { name: title, exact: true });
  }

  star(title: string): Locator {
    return this.session(title).getByRole('button', { name: /^(Add to|Remove from) agenda/ });
  }

  /** The session titles shown, for `expect(…).toHaveText([…])` (which waits). */
  get titles(): Locator {
    return this.page.getByRole('article').getByRole('heading', { level: 3 });
  }

  async storedAgenda(): Promise<any> {
    const raw = await this.page.evaluate((k) => localStorage.getItem(k), AGENDA_KEY);
    return raw === null ? null : JSON.parse(raw);
  }
}
