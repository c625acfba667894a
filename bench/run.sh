#!/usr/bin/env bash
# The benchmark, one command: native core micro-benchmarks, then the browser
# benchmark against the release build. Writes bench/results/{core,browser}.{md,json}.
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
node bench/browser.mjs
