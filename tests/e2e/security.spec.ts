// The schedule is untrusted input; the page runs under a strict CSP.
import { test, expect } from '@playwright/test';

const HOSTILE = {
  version: 1,
  conference: { id: 'hostile', title: 'Hostile <i>Conf</i>' },
  tracks: [{ id: 't', name: '<img src=x onerror="window.__xss=1">' }],
  rooms: [{ id: 'r', name: 'Room <svg onload="window.__xss=2">' }],
  speakers: [{ id: 's', name: '<b onclick="window.__xss=3">Mallory</b>', affiliation: '"><script>window.__xss=4</script>' }],
  sessions: [
    {
      id: 'x1',
      title: '<script>window.__xss=5</script>Talk',
      type: 'talk',
      start: '2024-05-01T10:00:00+02:00',
      end: '2024-05-01T11:00:00+02:00',
      room: 'r',
      track: 't',
      speakers: ['s'],
      abstract: '<img src=x onerror="window.__xss=6"> and <a href="javascript:window.__xss=7">click</a>',
      url: 'javascript:window.__xss=8',
    },
  ],
};

test('markup in a schedule is shown as text, never run; only http(s) links are followed', async ({ page }) => {
  await page.route('**/schedule.json', (route) => route.fulfill({ json: HOSTILE }));
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await page.goto('/');
  const card = page.getByRole('article');
  await expect(card).toHaveCount(1);
  await expect(card.getByRole('heading')).toHaveText('<script>window.__xss=5</script>Talk');
  await expect(card).toContainText('<img src=x onerror="window.__xss=6">');
  await expect(card).toContainText('<b onclick="window.__xss=3">Mallory</b>');
  await card.getByRole('heading').getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('<script>window.__xss=5</script>Talk');
  await expect(page.getByText('Room <svg onload="window.__xss=2">')).toBeVisible();
  // The javascript: URL was dropped, so there is no link to follow.
  await expect(page.getByRole('link', { name: 'Session page on the conference site' })).toHaveCount(0);
  expect(await page.locator('main img, main script, main svg, main b').count()).toBe(0);
  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test('the page runs under a strict Content-Security-Policy with no violations', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    (window as any).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as any).__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto('/');
  await expect(page.getByRole('article')).toHaveCount(28);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]{44}'/);
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain("'unsafe-eval'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).toContain("object-src 'none'");
  // Exercise the app: navigation, filtering, starring, detail pages.
  await page.getByRole('checkbox', { name: 'Keynotes' }).check();
  await page.getByRole('button', { name: /^Add to agenda/ }).first().click();
  await page.getByRole('link', { name: 'My agenda' }).click();
  await expect(page.getByRole('article')).toHaveCount(1);
  expect(await page.evaluate(() => (window as any).__csp)).toEqual([]);
  expect(violations).toEqual([]);
});

test('an injected inline script is blocked by the CSP', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('article').first()).toBeVisible();
  // Wait for the real event: the browser reports the blocked script.
  const { ran, directive } = await page.evaluate(async () => {
    const violation = new Promise<SecurityPolicyViolationEvent>((resolve) =>
      document.addEventListener('securitypolicyviolation', resolve, { once: true }),
    );
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.appendChild(s);
    const v = await violation;
    return { ran: (window as any).__inline, directive: v.effectiveDirective };
  });
  expect(directive).toMatch(/^script-src/);
  expect(ran).toBeUndefined();
});
