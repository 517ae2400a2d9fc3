# Sourced by the other scripts: installs every tool the build and tests need, skipping what is
# already there in the right version, and puts them on PATH. Tools live outside the work tree
# (HOMEWARD_TOOLS) so a fresh clone on the same machine reuses them.
# Usage: . scripts/tools.sh [build|test]   (test adds Chromium and ChromeDriver)

HOMEWARD_TOOLS="${HOMEWARD_TOOLS:-$HOME/.cache/homeward/tools}"
TRUNK_VERSION="0.22.1"
BINARYEN_VERSION="132.0.0"
LEPTOSFMT_VERSION="0.1.33"
export TRUNK_SKIP_VERSION_CHECK=true
export PATH="$HOMEWARD_TOOLS/bin:$HOMEWARD_TOOLS/node/node_modules/.bin:$PATH"
# A build cache that outlives the clone keeps a warm CI run short.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/homeward/target}"
mkdir -p "$HOMEWARD_TOOLS/bin" "$HOMEWARD_TOOLS/node"

say() { printf '\033[1m[tools]\033[0m %s\n' "$*" >&2; }

homeward_tools() {
  local want="${1:-build}" root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32 target"
    rustup target add wasm32-unknown-unknown || return 1
  fi

  if [ "$want" = test ]; then
    # The style gates: rustfmt and clippy from rustup, leptosfmt for the view! macros.
    for component in rustfmt clippy; do
      if ! rustup component list --installed | grep -q "^$component"; then
        say "adding $component"
        rustup component add "$component" || return 1
      fi
    done
    if [ "$(leptosfmt --version 2>/dev/null)" != "leptosfmt $LEPTOSFMT_VERSION" ]; then
      say "installing leptosfmt $LEPTOSFMT_VERSION (about 2 minutes, once)"
      cargo install leptosfmt --version "$LEPTOSFMT_VERSION" --locked --root "$HOMEWARD_TOOLS" || return 1
    fi
  fi

  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing Trunk $TRUNK_VERSION (about 9 minutes, once)"
    # 0.22 declares a newer rust-version than it needs; it builds and works on 1.95.
    cargo install trunk --version "$TRUNK_VERSION" --locked --ignore-rust-version --root "$HOMEWARD_TOOLS" || return 1
  fi

  # The CLI must match the wasm-bindgen crate in Cargo.lock exactly.
  local wb
  wb="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$root/Cargo.lock")"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wb" ]; then
    say "installing wasm-bindgen-cli $wb"
    cargo install wasm-bindgen-cli --version "$wb" --no-default-features --root "$HOMEWARD_TOOLS" || return 1
  fi

  # Debian's binaryen 108 corrupts the module silently; binaryen 132 from npm does not.
  if ! "$HOMEWARD_TOOLS/node/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
    say "installing wasm-opt (binaryen $BINARYEN_VERSION)"
    npm install --prefix "$HOMEWARD_TOOLS/node" --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION" || return 1
  fi

  if [ "$want" = test ]; then
    # Chromium for the browser tests; Debian's `age` (Go) and `script` (util-linux) to prove
    # export files open with an implementation no one here wrote; pdftotext to read the printed
    # plan and report; Python's openpyxl to read the report's workbook.
    if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v age >/dev/null || ! command -v script >/dev/null || ! command -v pdftotext >/dev/null || ! /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
      say "installing Chromium, ChromeDriver, age, pdftotext and openpyxl"
      local sudo=""
      [ "$(id -u)" = 0 ] || sudo="sudo"
      $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver age bsdutils poppler-utils python3-openpyxl >/dev/null || return 1
    fi
    export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
    export CHROMIUM="${CHROMIUM:-$(command -v chromium)}"
    if [ ! -d "$root/tests/e2e/node_modules/playwright-core" ] || [ ! -d "$root/tests/e2e/node_modules/axe-core" ] || [ "$root/tests/e2e/package-lock.json" -nt "$root/tests/e2e/node_modules/.package-lock.json" ]; then
      say "installing the end-to-end test driver (playwright-core, no browser download) and axe-core"
      (cd "$root/tests/e2e" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error) || return 1
    fi
  fi

  # Trunk builds offline: fetch the crates first.
  (cd "$root" && cargo fetch --locked -q) || return 1
}

# The release build into dist/. Trunk runs wasm-bindgen for every bin into one shared folder of
# the build cache and links whatever JavaScript snippets it finds there, so files left by an
# earlier build (or written by another bin meanwhile) would be linked too: start it empty.
release_build() {
  rm -rf "$CARGO_TARGET_DIR/wasm-bindgen"
  trunk build --release
}
