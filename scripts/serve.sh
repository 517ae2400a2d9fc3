#!/usr/bin/env bash
# Builds the release app and serves it on 127.0.0.1, printing the address.
# Usage: scripts/serve.sh [port]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/tools.sh
homeward_tools build
release_build
exec node tests/e2e/server.mjs dist "${1:-8080}"
