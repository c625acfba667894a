// Runs the core journeys in one engine or more and prints a line per engine:
//   node tests/engines/run.mjs firefox webkit
// WebKitGTK needs a display: scripts/test.sh runs this under xvfb-run.
// Exits non-zero when any journey fails in any engine; every failure names its engine.
import { serve } from '../e2e/serve.mjs';
import { journeys, offlineJourney } from './journeys.mjs';
import { firefox, webkit } from './drivers.mjs';

const engines = { firefox, webkit };
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(engines);
const summary = [];
let failed = false;

for (const key of wanted) {
  const started = Date.now();
  const server = await serve('dist', 0);
  let d;
  const results = [];
  try {
    d = await engines[key]();
    // Offline first, in a browser that has done nothing else yet, on a
    // server (an origin) of its own that it then stops: the other journeys
    // get a fresh origin. (WebKitGTK's service worker install could stall
    // for good when it began under the other journeys' quick navigations.)
    const offline = await serve('dist', 0);
    try {
      await offlineJourney(d, offline.url, () => offline.close());
      results.push('  ok   offline reload after one visit');
    } catch (e) {
      failed = true;
      results.push(`  FAIL offline reload after one visit: ${e.message.split('\n')[0]}`);
    } finally {
      await offline.close().catch(() => {});
    }
    for (const j of journeys) {
      try {
        await j.run(d, server.url, server);
        results.push(`  ok   ${j.name}`);
      } catch (e) {
        failed = true;
        results.push(`  FAIL ${j.name}: ${e.message.split('\n')[0]}`);
      }
    }
  } catch (e) {
    failed = true;
    results.push(`  FAIL could not start ${key}: ${e.message.split('\n')[0]}`);
  } finally {
    await d?.close().catch(() => {});
    await server.close().catch(() => {});
  }
  const name = d?.name ?? key;
  const passed = results.filter((r) => r.startsWith('  ok')).length;
  const fails = results.filter((r) => r.startsWith('  FAIL')).length;
  console.log(`\n${name}:`);
  for (const r of results) console.log(r.replace('FAIL ', `FAIL [${name}] `));
  summary.push(`${fails ? 'FAIL' : 'ok  '} ${name}: ${passed} passed, ${fails} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

console.log('\nEngines:');
for (const line of summary) console.log('  ' + line);
process.exit(failed ? 1 : 0);
