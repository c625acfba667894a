#!/usr/bin/env bash
# Every test: format and lint, native unit + integration tests, the build
# scripts' own tests (node --test), the release build, the browser end-to-end
# suite in headless Chromium, and the core journeys in Firefox ESR and
# WebKitGTK. Fails when any engine fails. Leaves the working tree as it was:
# the README's screenshots are rewritten only with UPDATE_SCREENSHOTS=1.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

step() { printf '\n== test: %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check
step "cargo clippy (native and wasm32)"
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown -- -D warnings
step "cargo test"
cargo test
step "the build scripts' tests (node --test tests/node/)"
node --test tests/node/
step "trunk build --release --offline"
trunk build --release --offline
step "size report"
node scripts/size-report.mjs dist
step "the demo deployed under a sub-path, with its venue file (scripts/build.sh --base /mesoscon/2017/ --venue)"
bash scripts/build.sh --schedule public/schedule.json --base /mesoscon/2017/ --venue tests/data/venue-mesoscon.json --out target/deploy-base
step "the demo's pages written in German (post-build --pages with SCHEDULE_LANG=de, on a copy of dist/)"
rm -rf target/deploy-de && cp -r dist target/deploy-de
SCHEDULE_LANG=de node scripts/post-build.mjs --pages target/deploy-de
step "browser end-to-end (Playwright, headless Chromium)"
chromium_status=0
rm -f target/e2e-results.json
npx playwright test || chromium_status=$?
step "core journeys in Firefox ESR and WebKitGTK"
engines_status=0
xvfb-run -a node tests/engines/run.mjs firefox webkit || engines_status=$?

printf '\n== engines\n'
if [ "$chromium_status" -eq 0 ]; then
  echo "  ok   Chromium $(chromium --version 2>/dev/null | awk '{print $2}'): the Playwright suite passed"
else
  echo "  FAIL Chromium $(chromium --version 2>/dev/null | awk '{print $2}'): the Playwright suite failed (see above)"
  node scripts/e2e-failures.mjs target/e2e-results.json || true
fi
[ "$engines_status" -eq 0 ] && echo "  ok   Firefox ESR and WebKitGTK: every journey passed (lines above)" ||
  echo "  FAIL Firefox ESR / WebKitGTK: see the FAIL lines above"
[ "$chromium_status" -eq 0 ] && [ "$engines_status" -eq 0 ]
