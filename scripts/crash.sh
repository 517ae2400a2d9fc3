#!/usr/bin/env bash
# Crash test: kills the whole browser (SIGKILL on Chromium's process group) at random moments
# while Homeward is typed into, saving, creating cases and importing files; starts it again on
# the same profile and checks that every edit shown as "Saved" is there, that no case is
# half-written (a case without its summary or deadlines, or the reverse), that an import left all
# of its cases or none, and that the app still lists and opens cases. See tests/crash/crash.mjs.
#
# Usage: scripts/crash.sh [--kills N] [--seed S] [--max-delay MS] [--keep] [--verbose]
#   --kills N   kills in the run (default 50, about two minutes; CI runs 5)
#   --seed S    repeats the plan of an earlier run (printed at its start)
#   --keep      keeps the run's folder (profile, files, chromium.log) even when it passes
# Serves a copy of the release build in dist/ (or $HOMEWARD_DIST); it does not build.
# Exit status: 0 no violation, 1 violations (listed at the end), 2 the run itself failed.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d tests/e2e/node_modules/playwright-core ] || ! command -v "${CHROMIUM:-chromium}" >/dev/null; then
  . scripts/tools.sh
  homeward_tools test
fi
if [ ! -f "${HOMEWARD_DIST:-dist}/index.html" ]; then
  echo "No release build in ${HOMEWARD_DIST:-dist}/: build it first (scripts/test.sh does)." >&2
  exit 2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/homeward-crash-XXXXXX")"
# The browser runs in process groups of its own; should the test itself be stopped hard, end
# whatever still runs on this run's folder (only processes started for it), by process id.
leftovers() {
  local dir cmd pid
  for dir in /proc/[0-9]*; do
    pid="${dir#/proc/}"
    [ "$pid" = "$$" ] && continue
    cmd="$(tr '\0' ' ' 2>/dev/null <"$dir/cmdline")" || continue
    if [[ "$cmd" == *"$work"* ]]; then kill -9 "$pid" 2>/dev/null || true; fi
  done
  rmdir "$work" 2>/dev/null || true
}
trap leftovers EXIT
trap 'exit 130' INT TERM

status=0
node tests/crash/crash.mjs --work "$work" "$@" || status=$?
# 0, 1 and 2 are the test's own answers; anything else means it was stopped before it could say.
if [ "$status" -gt 2 ] && [ -d "$work" ]; then echo "The crash test was stopped (status $status); its folder is kept: $work" >&2; fi
exit "$status"
