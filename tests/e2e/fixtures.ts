// Shared helpers for the end-to-end suite: a page object for the programme,
// and the facts of the demo schedule the tests check against.
import { expect, type Page, type Locator } from '@playwright/test';

export const AGENDA_KEY = 'schedule-viewer/agenda/mesoscon-eu-2017';
export const TOTAL_SESSIONS = 28;

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

/** Open the Settings menu (time zone, theme) in the header. */
export async function openSettings(page: Page) {
  const summary = page.locator('body > header details.settings > summary');
  if (!(await page.locator('body > header details.settings').evaluate((d: HTMLDetailsElement) => d.open))) await summary.click();
  await expect(page.getByLabel('Time zone')).toBeVisible();
}

/** Open "More" in the main navigation (tracks, speakers). */
export async function openMore(page: Page) {
  const summary = page.getByRole('navigation', { name: 'Main' }).locator('details.more > summary');
  if (!(await page.locator('body > header details.more').evaluate((d: HTMLDetailsElement) => d.open))) await summary.click();
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
    return this.page.getByLabel('Speaker', { exact: true });
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
