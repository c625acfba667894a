#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing; quick when all is present.
# Works on a fresh Debian machine with rustup/cargo, node/npm and apt.
#   scripts/setup.sh          build tools (wasm target, trunk, wasm-bindgen-cli, wasm-opt)
#   scripts/setup.sh --test   also the browser test tools (Chromium, Firefox ESR, WebKitGTK, Xvfb, icalendar)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# The wasm-bindgen CLI must match the crate pinned in Cargo.toml; Trunk.toml names it.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm_bindgen = "\(.*\)"/\1/p' Trunk.toml)
# The wasm splitter's version (its split points come from the wasm_split_helpers crate in Cargo.lock).
WASM_SPLIT_VERSION=0.2.4
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf '\n== setup: %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (takes a few minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked ||
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# The splitter that cuts the lazily loaded parts out of the wasm (scripts/split.mjs).
# (the CLI has no --version: cargo's list of installed crates tells)
if ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (wasm_split_cli_support)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked ||
    cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
fi

# wasm-opt (npm binaryen), Playwright and axe-core, pinned in package-lock.json.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/terser ] || [ ! -d node_modules/@playwright/test ] ||
  [ ! -d node_modules/puppeteer-core ] || [ ! -d node_modules/selenium-webdriver ] ||
  [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--test" ]; then
  # Browsers from Debian only (no test tool downloads one): Chromium for the
  # Playwright suite; Firefox ESR, WebKitGTK's WebKitWebDriver + MiniBrowser
  # and Xvfb (WebKitGTK needs a display) for the cross-engine journeys.
  missing=""
  command -v chromium >/dev/null 2>&1 || missing="$missing chromium fonts-dejavu-core"
  command -v firefox-esr >/dev/null 2>&1 || missing="$missing firefox-esr"
  command -v WebKitWebDriver >/dev/null 2>&1 || missing="$missing webkit2gtk-driver"
  command -v xvfb-run >/dev/null 2>&1 || missing="$missing xvfb xauth"
  if [ -n "$missing" ]; then
    say "installing from Debian:$missing"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $missing
  fi
  # An independent iCalendar parser for the .ics checks (tests/ics_check.py).
  if ! .venv-tests/bin/python -c 'import icalendar' 2>/dev/null; then
    say "installing Python icalendar into .venv-tests"
    if ! python3 -m venv .venv-tests; then
      SUDO=""
      [ "$(id -u)" -eq 0 ] || SUDO="sudo"
      $SUDO apt-get update
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends python3-venv
      python3 -m venv .venv-tests
    fi
    .venv-tests/bin/pip install --quiet icalendar==6.1.0
  fi
fi
