#!/usr/bin/env bash
# The benchmark: builds the release app and the benchmark's harness, then measures Homeward in
# headless Chromium at 1,000 and 10,000 cases and prints one table of medians (see README).
# Usage: scripts/bench.sh [--runs N] [--sizes 1000,10000] [--json FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/tools.sh
homeward_tools test

echo "== Release build" >&2
release_build
echo "== Benchmark harness" >&2
cargo build --locked --release --target wasm32-unknown-unknown --bin bench_harness
site="$CARGO_TARGET_DIR/bench-site"
rm -rf "$site"
cp -r dist "$site"
mkdir -p "$site/bench"
wasm-bindgen --target web --no-typescript --out-dir "$site/bench" \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/bench_harness.wasm"
cp tests/bench/index.html tests/bench/page.mjs "$site/bench/"

echo "== Measuring" >&2
# Its own process group, killed afterwards, so no Chromium outlives the run.
setsid node tests/bench/bench.mjs --site "$site" "$@" &
pid=$!
trap 'kill -- -'"$pid"' 2>/dev/null || true' EXIT INT TERM
status=0
wait "$pid" || status=$?
kill -- -"$pid" 2>/dev/null || true
exit "$status"
