#!/usr/bin/env bash
# Every test: format and lint, native unit + integration tests, the release
# build, and the browser end-to-end suite in headless Chromium.
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
step "trunk build --release --offline"
trunk build --release --offline
step "size report"
node scripts/size-report.mjs dist
step "browser end-to-end (Playwright, headless Chromium)"
npx playwright test
