#!/usr/bin/env bash
# Build the app (release) and serve it on http://127.0.0.1:8080 (PORT=… to change).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
exec trunk serve --release --offline --no-autoreload --port "${PORT:-8080}"
