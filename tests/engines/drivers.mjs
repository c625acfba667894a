// The two non-Chromium drivers behind the journeys' small interface.
// Nothing here downloads a browser: both use Debian's packages.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** Firefox ESR through puppeteer-core over WebDriver BiDi (no geckodriver). */
export async function firefox() {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: mkdtempSync(join(tmpdir(), 'sv-firefox-')),
    extraPrefsFirefox: { 'dom.serviceWorkers.enabled': true, 'dom.serviceWorkers.testing.enabled': true },
  });
  const page = await browser.newPage();
  const version = (await browser.version()).replace(/^firefox\//i, '');
  return {
    name: `Firefox ESR ${version}`,
    goto: (url) => page.goto(url, { waitUntil: 'load' }),
    reload: () => page.reload({ waitUntil: 'load' }),
    back: () => page.goBack(),
    evaluate: (fn, ...args) => page.evaluate(fn, ...args),
    click: (css) => page.click(css),
    type: (css, text) => page.type(css, text),
    upload: async (css, path) => (await page.waitForSelector(css)).uploadFile(path),
    close: () => browser.close(),
  };
}

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** WebKitGTK's MiniBrowser through selenium-webdriver and WebKitWebDriver (needs a display: xvfb-run). */
export async function webkit() {
  const { Builder, By, Capabilities } = await import('selenium-webdriver');
  const port = await freePort();
  const service = spawn(WEBKIT_DRIVER, [`--port=${port}`], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      await fetch(url + '/status');
      break;
    } catch {
      if (i > 100) throw new Error('WebKitWebDriver did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const caps = new Capabilities();
  caps.set('browserName', 'MiniBrowser');
  caps.set('webkitgtk:browserOptions', { binary: MINIBROWSER, args: ['--automation'] });
  const driver = await new Builder().usingServer(url).withCapabilities(caps).build();
  const version = (await driver.getCapabilities()).get('browserVersion');
  const wrap = (fn) => `return (${fn}).apply(null, arguments);`;
  return {
    name: `WebKitGTK ${version}`,
    goto: (u) => driver.get(u),
    reload: () => driver.navigate().refresh(),
    back: () => driver.navigate().back(),
    evaluate: (fn, ...args) => driver.executeScript(wrap(fn), ...args),
    click: async (css) => (await driver.findElement(By.css(css))).click(),
    type: async (css, text) => (await driver.findElement(By.css(css))).sendKeys(text),
    // A file input takes a path as its keys.
    upload: async (css, path) => (await driver.findElement(By.css(css))).sendKeys(path),
    close: async () => {
      await driver.quit().catch(() => {});
      service.kill();
    },
  };
}
