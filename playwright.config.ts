import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// The end-to-end suite runs Debian's Chromium (never a downloaded browser)
// against the release dist/, served over HTTP on 127.0.0.1.
const port = Number(process.env.E2E_PORT ?? 8181);
// The demo deployed under a sub-path (scripts/test.sh builds it with
// scripts/build.sh --base /mesoscon/2017/), served like GitHub Pages: no rewrites.
const basePort = Number(process.env.E2E_BASE_PORT ?? 8182);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // The JSON report lets scripts/test.sh name the failed tests at the end of
  // the log (scripts/e2e-failures.mjs).
  reporter: [['list'], ['json', { outputFile: 'target/e2e-results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // The app follows the browser's language and zone: the suite sets both
    // rather than take the machine's (a test that needs others says so).
    locale: 'en-US',
    timezoneId: 'UTC',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    {
      command: `node tests/e2e/serve.mjs dist ${port}`,
      url: `http://127.0.0.1:${port}/index.html`,
      reuseExistingServer: false,
    },
    // (tests/e2e/deploy.spec.ts fails in CI without it, and says why elsewhere)
    ...(existsSync('target/deploy-base/index.html')
      ? [
          {
            command: `node tests/e2e/serve.mjs target/deploy-base ${basePort} --base /mesoscon/2017/ --no-rewrites`,
            url: `http://127.0.0.1:${basePort}/mesoscon/2017/index.html`,
            reuseExistingServer: false,
          },
        ]
      : []),
  ],
});
