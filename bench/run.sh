#!/usr/bin/env bash
# The benchmark, one command: native core micro-benchmarks, then the browser
# benchmark against the release build, the throttled first-load benchmark and
# Lighthouse. Writes bench/results/{core,browser,first-load,lighthouse}.{md,json}
# and twiggy summaries.
# Not part of the test suite's pass/fail. RUNS=5 SIZES=25,1000,10000 by default.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
mkdir -p bench/out
for n in 25 1000 10000; do
  cargo run --quiet --release --example synth -- "$n" ours > "bench/out/synth-$n.json"
  cargo run --quiet --release --example synth -- "$n" frab > "bench/out/synth-$n-frab.json"
done
cargo bench --bench core
trunk build --release --offline
# The size report of this build (dist/size.json): every table counts first-load code from it.
node scripts/size-report.mjs dist
node bench/browser.mjs
# The phone goals: first load on a throttled profile, and Lighthouse mobile.
node bench/first-load.mjs
node bench/formats.mjs
node bench/lighthouse.mjs
# Where the wasm's bytes go (twiggy, installed when missing).
command -v twiggy >/dev/null 2>&1 || cargo install twiggy --locked
{ echo "# twiggy top -n 25 (release wasm before wasm-bindgen/wasm-opt)"; twiggy top -n 25 target/wasm32-unknown-unknown/release/schedule-viewer.wasm;
  echo; echo "# twiggy dominators -d 2 -r 20"; twiggy dominators -d 2 -r 20 target/wasm32-unknown-unknown/release/schedule-viewer.wasm; } > bench/results/twiggy-after.txt
# Every figure into the README, from this run's results, naming the commit.
node bench/readme.mjs
