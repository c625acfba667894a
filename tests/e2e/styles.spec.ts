// The style sheet the release build serves is public/style.css without its
// comments (scripts/split.mjs): the browser's own CSS parser reads the same
// rules from both.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';

test('the served style sheet holds every rule of public/style.css, and no comment', async ({ page }) => {
  const source = readFileSync('public/style.css', 'utf8');
  await page.goto('/');
  const { served, text } = await page.evaluate(async () => {
    const link = document.querySelector<HTMLLinkElement>('link[rel=stylesheet][href*="/style-"]')!;
    const sheet = [...document.styleSheets].find((s) => s.href === link.href)!;
    return { served: [...sheet.cssRules].map((r) => r.cssText), text: await (await fetch(link.href)).text() };
  });
  expect(text).not.toContain('/*');
  expect(text.length).toBeLessThan(source.length);
  const parsed = await page.evaluate((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return [...sheet.cssRules].map((r) => r.cssText);
  }, source);
  expect(served.length).toBeGreaterThan(100);
  expect(served).toEqual(parsed);
});
