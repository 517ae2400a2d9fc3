#!/usr/bin/env bash
# Fuzzes the import reader: libFuzzer (cargo fuzz) feeds fuzz/fuzz_targets/import_reader.rs bytes
# mutated from the seeds in fuzz/seeds/import_reader/ (export files as Homeward writes them,
# plain and age-encrypted) and fails on any panic, crash, hang or runaway memory.
#
# Usage: scripts/fuzz.sh [SECONDS | --runs N]
#   (nothing)   until 1,000,000 executions (about 1.5 minutes on 2 cores, after a first build of
#               2 to 6)
#   SECONDS     for that long (CI runs 30)
#   --runs N    until N executions
# Installs cargo-fuzz (and a C++ compiler, for libFuzzer) when missing. Builds on the stable
# toolchain: without a sanitizer, cargo fuzz passes rustc no unstable flag.
# The corpus it grows is kept between runs in $HOMEWARD_FUZZ_CORPUS; a failing input is written
# to fuzz/artifacts/import_reader/ and its path printed.
# Exit status: 0 no failure, 1 a failing input was found, 2 the run itself failed.
set -euo pipefail
cd "$(dirname "$0")/.."

HOMEWARD_TOOLS="${HOMEWARD_TOOLS:-$HOME/.cache/homeward/tools}"
CARGO_FUZZ_VERSION="0.13.2"
TARGET="import_reader"
corpus="${HOMEWARD_FUZZ_CORPUS:-$HOME/.cache/homeward/fuzz-corpus/$TARGET}"
artifacts="fuzz/artifacts/$TARGET"
export PATH="$HOMEWARD_TOOLS/bin:$PATH"

say() { printf '\033[1m[fuzz]\033[0m %s\n' "$*" >&2; }
usage() {
  echo "Usage: scripts/fuzz.sh [SECONDS | --runs N]   (default: --runs 1000000)" >&2
  exit 2
}

limit=(-runs=1000000)
case "${1:-}" in
  "") ;;
  --runs) [[ "${2:-}" =~ ^[0-9]+$ ]] || usage; limit=(-runs="$2") ;;
  *) [[ "$1" =~ ^[0-9]+$ ]] || usage; limit=(-max_total_time="$1") ;;
esac

# libfuzzer-sys compiles libFuzzer, which is C++.
if ! command -v c++ >/dev/null; then
  say "installing a C++ compiler (g++) for libFuzzer"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq g++ >/dev/null; } || exit 2
fi
if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  say "installing cargo-fuzz $CARGO_FUZZ_VERSION (about a minute, once)"
  mkdir -p "$HOMEWARD_TOOLS"
  env -u CARGO_TARGET_DIR cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --root "$HOMEWARD_TOOLS" ||
    exit 2
fi

# Its own build cache: the fuzz build's flags differ from the app's, and sharing one cache
# would rebuild both each time.
export CARGO_TARGET_DIR="${HOMEWARD_FUZZ_TARGET_DIR:-$HOME/.cache/homeward/fuzz-target}"

# The app's crates at the app's versions: the fuzz crate's lock starts from the app's, and cargo
# adds only what the fuzz crate alone uses (libfuzzer-sys).
if [ ! -f fuzz/Cargo.lock ] || [ Cargo.lock -nt fuzz/Cargo.lock ]; then
  cp Cargo.lock fuzz/Cargo.lock
fi

say "building the fuzz target (a few minutes the first time)"
cargo fuzz build --sanitizer none "$TARGET" || exit 2

mkdir -p "$corpus" "$artifacts"
started="$(mktemp)"
log="$(mktemp)"
trap 'rm -f "$started" "$log"' EXIT
say "fuzzing ${limit[0]#-} (corpus: $corpus)"
# -timeout: no input should take a second (age's scrypt is capped in the target); 10 s is a hang.
# The first corpus folder is where new inputs go; the seeds are only read. What is shown leaves
# out each new input's lines, the dictionary libFuzzer recommends at the end, and its warnings
# that there is no sanitizer.
set +e
cargo fuzz run --sanitizer none "$TARGET" "$corpus" "fuzz/seeds/$TARGET" -- \
  -dict="fuzz/$TARGET.dict" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "${limit[@]}" 2>&1 |
  tee "$log" | grep --line-buffered -vE '^#[0-9]+[[:space:]]+(NEW|REDUCE)|NEW_FUNC|^"|ecommended dictionary|__sanitizer_'
status="${PIPESTATUS[0]}"
set -e

failed="$(find "$artifacts" -type f -newer "$started" ! -name 'slow-unit-*' 2>/dev/null || true)"
if [ "$status" != 0 ] || [ -n "$failed" ]; then
  if [ -n "$failed" ]; then
    echo "FUZZING FAILED on this input (the panic is shown above); run it again with" >&2
    for file in $failed; do
      echo "  $CARGO_TARGET_DIR/$(rustc -vV | sed -n 's/^host: //p')/release/$TARGET $file" >&2
    done
    exit 1
  fi
  echo "The fuzzer stopped with status $status and wrote no failing input: see its output above." >&2
  exit 2
fi

# The figures: executions, time, speed, coverage (edges and features) and corpus size.
done_line="$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1)"
runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")"
speed="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")"
seconds="$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log")"
coverage="$(grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' <<<"$done_line")"
say "no failure: $runs executions in ${seconds}s ($speed/s), $coverage inputs"
