#!/usr/bin/env bash
# Runs every test: the domain natively, storage in headless Chromium (wasm-bindgen-test), then
# the release build end to end in headless Chromium. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/tools.sh
homeward_tools test

# Browser steps run in their own process group, killed afterwards, so a runner that dies
# cannot leave Chromium or ChromeDriver behind.
in_own_group() {
  local status=0
  setsid "$@" &
  local pid=$!
  # Also when this script is stopped part-way.
  trap 'kill -- -'"$pid"' 2>/dev/null' EXIT INT TERM
  wait "$pid" || status=$?
  kill -- -"$pid" 2>/dev/null || true
  trap - EXIT INT TERM
  return "$status"
}

echo "== Style: leptosfmt and rustfmt, clippy with warnings as errors (native and wasm)"
leptosfmt --check -q src tests || { echo "Format with: leptosfmt src tests && cargo fmt" >&2; exit 1; }
cargo fmt --check
cargo clippy --locked --all-targets -q -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --lib --bins --tests -q -- -D warnings

echo "== Domain and the code's own rules (native cargo test)"
cargo test --locked

echo "== The import reader under libFuzzer, 30 seconds (scripts/fuzz.sh; longer runs by hand)"
scripts/fuzz.sh 30

echo "== The interface's vocabulary (wasm, in Node) and storage in headless Chromium (wasm-bindgen-test)"
# The runner's default of 20 s is tight for 10,000 records on two busy cores.
export WASM_BINDGEN_TEST_TIMEOUT=120
# ChromeDriver sometimes never sees the test page finish loading: the page sits at "Loading
# scripts..." with no CPU used until ChromeDriver gives up ("Timed out receiving message from
# renderer", wasm-bindgen/wasm-pack#783, wasm-bindgen/wasm-bindgen#882). No test ran then, so
# the run is tried again, up to five times in all (it stalled on 1 of 2 and 3 of 3 tries in
# full runs on 2026-12-07); a test that ran and failed is never retried.
wasm_tests() {
  local log try
  log=$(mktemp)
  for try in 1 2 3 4 5; do
    if in_own_group cargo test --locked --target wasm32-unknown-unknown --lib --test storage 2>&1 | tee "$log"; then
      rm -f "$log"
      return 0
    fi
    if ! grep -q "Failed to detect test as having been run" "$log" || grep -q "test result: FAILED" "$log"; then
      break
    fi
    echo "== ChromeDriver did not see the test page load (no test ran; try $try of 5)" >&2
  done
  rm -f "$log"
  return 1
}
wasm_tests

echo "== Release build"
release_build

echo "== End to end in headless Chromium"
# Two files at a time: each drives its own Chromium and server, and two cores keep both busy.
# The limit counts a whole file too (its tests run in one process): schema.test.mjs, two tests
# per schema version, takes about 130 s.
in_own_group node --test --test-concurrency=2 --test-timeout=240000 tests/e2e/

echo "== Crash test: the browser killed 5 times while typing, saving and importing (scripts/crash.sh; 50 kills when run alone)"
in_own_group scripts/crash.sh --kills 5
