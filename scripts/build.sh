#!/usr/bin/env bash
# Build the app for one conference's schedule, into a folder any static host serves:
#   bash scripts/build.sh --schedule <file> [--tz <IANA zone>] [--base /path/] [--venue <file>] [--lang <code>] [--out <dir>]
# <file> is in any of the four formats the app reads (ours, frab/pretalx schedule.json,
# Sessionize "All data", pretalx widget); the build writes it in ours as <out>/schedule.json
# (src/bin/prerender.rs, from Trunk's post-build hook). --tz is the conference's zone, needed
# for a file that names none (Sessionize). --base is the path the folder is served under
# (a GitHub Pages project site: /<repository>/), or its full URL (https://host/path/: the
# canonical links and sitemap.xml are then absolute); "/" by default. Every page of the
# schedule is written as <path>/index.html, with a 404.html for the rest: no rewrites needed.
# --venue is the organiser's venue file (docs/venue-format.md): per room a floor, directions,
# a map image or link, merged into the rooms the schedule names (the images are copied to
# <out>/venue/); a room the schedule does not name, or a broken file, stops the build with
# the file's line and the problem.
# --lang is the language the built pages are written in (en, de, fr; default en): each
# visitor's own language takes over once the app runs. An unknown one stops the build.
# --out defaults to dist; Trunk empties it first.
# The repository is not changed: public/schedule.json stays the demo.
set -euo pipefail

usage() {
  echo "usage: bash scripts/build.sh --schedule <file> [--tz <IANA zone>] [--base /path/] [--venue <file>] [--lang <code>] [--out <dir>]"
}
fail() {
  echo "build: $*" >&2
  exit 2
}

schedule=""
tz=""
base="/"
venue=""
lang=""
out="dist"
while [ $# -gt 0 ]; do
  case "$1" in
    --schedule | --tz | --base | --venue | --lang | --out)
      [ $# -ge 2 ] && [ -n "$2" ] || fail "$1 needs a value"
      case "$1" in
        --schedule) schedule="$2" ;;
        --tz) tz="$2" ;;
        --base) base="$2" ;;
        --venue) venue="$2" ;;
        --lang) lang="$2" ;;
        --out) out="$2" ;;
      esac
      shift 2
      ;;
    -h | --help)
      usage
      exit 0
      ;;
    *)
      usage >&2
      fail "unknown option $1"
      ;;
  esac
done
[ -n "$schedule" ] || {
  usage >&2
  fail "--schedule <file> is required"
}
[ -f "$schedule" ] && [ -r "$schedule" ] || fail "$schedule is not a readable file"
if [ -n "$venue" ]; then
  [ -f "$venue" ] && [ -r "$venue" ] || fail "--venue $venue is not a readable file"
fi

# Absolute paths before leaving the caller's directory.
schedule="$(realpath "$schedule")"
# -s: a symlinked venue file's map paths are read from its own folder.
[ -z "$venue" ] || venue="$(realpath -s "$venue")"
out="$(realpath -m "$out")"
repo="$(realpath "$(dirname "$0")/..")"

# Trunk deletes everything in its --dist folder: only a new, empty or earlier build's folder.
case "$repo/" in
  "$out"/*) fail "--out $out holds this repository; choose a folder of its own" ;;
esac
if [ -d "$out" ] && [ -n "$(ls -A "$out")" ] && [ ! -f "$out/index.html" ]; then
  fail "--out $out is not empty and holds no earlier build (Trunk would delete what is in it)"
fi
if [ -e "$out" ] && [ ! -d "$out" ]; then
  fail "--out $out is not a folder"
fi
if [ -f "$out/Cargo.toml" ] || [ -d "$out/.git" ]; then
  fail "--out $out looks like a project, not a build folder"
fi

cd "$repo"
# The file first (seconds): a file that cannot be used, or a zone-less one without --tz,
# fails here with the app's message, before the minutes of the wasm build; so does a venue
# file that cannot be merged (file:line: problem).
check=(--check --schedule "$schedule" --base "$base")
[ -z "$tz" ] || check+=(--tz "$tz")
[ -z "$venue" ] || check+=(--venue "$venue")
[ -z "$lang" ] || check+=(--lang "$lang")
# Only the venue given here: one from the caller's environment must not leak in.
unset SCHEDULE_VENUE SCHEDULE_LANG
cargo run --quiet --bin prerender -- "${check[@]}" || exit 1

scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
mkdir -p "$out"

# Trunk runs scripts/post-build.mjs, which runs src/bin/prerender.rs: it reads these.
export SCHEDULE_FILE="$schedule"
export SCHEDULE_TZ="$tz"
export SCHEDULE_BASE="$base"
[ -z "$venue" ] || export SCHEDULE_VENUE="$venue"
[ -z "$lang" ] || export SCHEDULE_LANG="$lang"
# The conference's name for a file without one comes from the file's name.
unset SCHEDULE_NAME
trunk build --release --offline --dist "$out"
echo "build: $out is ready for $base: serve it as it is (no rewrites needed: 404.html answers the rest)"
