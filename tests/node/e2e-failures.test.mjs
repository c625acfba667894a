// scripts/e2e-failures.mjs names each failed Playwright test at the end of
// CI's log, from the JSON report (here one of the shape Playwright 1.x
// writes: a file's suite, a describe block inside it, a passed and a failed
// test, and an error outside any test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { failures } from '../../scripts/e2e-failures.mjs';

const passed = { status: 'passed', errors: [] };
const report = {
  config: { rootDir: '/repo/tests/e2e' },
  suites: [
    {
      title: 'agenda.spec.ts',
      file: 'agenda.spec.ts',
      specs: [{ title: 'a star is kept', ok: true, file: 'agenda.spec.ts', line: 7, tests: [{ results: [passed] }] }],
      suites: [
        {
          title: 'with storage disabled',
          file: 'agenda.spec.ts',
          specs: [
            {
              title: 'stars last the visit',
              ok: false,
              file: 'agenda.spec.ts',
              line: 12,
              tests: [
                {
                  results: [
                    {
                      status: 'failed',
                      error: {
                        message:
                          'Error: \u001b[2mexpect(\u001b[22mreceived).toBe(expected)\n\nExpected: \u001b[32m2\u001b[39m\nReceived: 1\n    at /repo/tests/e2e/agenda.spec.ts:14:5',
                      },
                    },
                  ],
                },
              ],
            },
            { title: 'times out', ok: false, file: 'agenda.spec.ts', line: 20, tests: [{ results: [{ status: 'timedOut' }] }] },
          ],
        },
      ],
    },
  ],
  errors: [{ message: 'Error: the web server did not start' }],
  stats: { expected: 1, unexpected: 2, flaky: 0, skipped: 0 },
};

test('each failed test is named by its path from here, its describe blocks, its title and what failed', () => {
  assert.deepEqual(failures(report, '/repo'), [
    'FAIL   tests/e2e/agenda.spec.ts:12 with storage disabled › stars last the visit: Error: expect(received).toBe(expected) · Expected: 2 · Received: 1',
    'FAIL   tests/e2e/agenda.spec.ts:20 with storage disabled › times out: timedOut',
    'FAIL   (outside a test) Error: the web server did not start',
    'Playwright: 1 passed, 2 failed, 0 flaky, 0 skipped',
  ]);
});

test('a report with every test passed names none', () => {
  const green = { ...report, suites: [{ ...report.suites[0], suites: [] }], errors: [], stats: { expected: 1 } };
  assert.deepEqual(failures(green, '/repo'), ['Playwright: 1 passed, 0 failed, 0 flaky, 0 skipped']);
});
