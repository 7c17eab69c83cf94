#!/usr/bin/env bash
# End-to-end tests of the real Versus app: builds the debug binary, then runs
# tests/e2e/*.test.mjs with node's test runner inside one Xvfb display.
# Each test starts its own tauri-driver (-> WebKitWebDriver -> the app) on a
# fresh data folder (see lib.mjs). Exits non-zero when any test fails.
# Needs what `scripts/setup.sh test` installs.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
source scripts/lib/display.sh

export PATH="$HOME/.cargo/bin:$PATH"
export CI="${CI:-true}"
export WEBKIT_DISABLE_COMPOSITING_MODE=1
export NO_AT_BRIDGE=1 # no accessibility bus under Xvfb: keeps GTK from waiting for it
# Upper bound for the whole node run (seconds); a hung test cannot hang CI.
suite_timeout="${VERSUS_E2E_TIMEOUT:-1500}"

say() { printf '==> %s\n' "$*"; }
die() { printf 'tests/e2e/run.sh: %s\n' "$*" >&2; exit 1; }

# dbus-daemon: the pack hand-over test starts a session bus of its own (lib.mjs startSessionBus).
for tool in cargo node Xvfb import WebKitWebDriver tauri-driver dbus-daemon; do
  command -v "$tool" >/dev/null || die "$tool is missing: run scripts/setup.sh test"
done
[ -d node_modules/selenium-webdriver ] || die "node_modules is missing: run npm ci (scripts/setup.sh test does)"

say "cargo build (debug binary: target/debug/versus)"
cargo build </dev/null

work=$(mktemp -d "${TMPDIR:-/tmp}/versus-e2e-run.XXXXXX")
piddir="$work/process-groups"
mkdir -p "$piddir"
runner_pid=""

cleanup() {
  local status=$?
  trap - EXIT INT TERM HUP
  # The test runner, when this script is stopped while it runs (timeout passes the signal on to node).
  if [ -n "$runner_pid" ] && kill -0 "$runner_pid" 2>/dev/null; then
    kill -TERM "$runner_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$runner_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$runner_pid" 2>/dev/null || true
  fi
  # tauri-driver process groups the tests started and did not stop (normally none).
  local entry
  for entry in "$piddir"/*; do
    [ -e "$entry" ] || continue
    kill -KILL -- "-${entry##*/}" 2>/dev/null || true
  done
  stop_xvfb
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# One Xvfb for the whole run, on the first free display number.
say "Starting Xvfb"
start_xvfb 99 160 "$work/xvfb.log" ||
  { cat "$work/xvfb.log" >&2 || true; die "could not start Xvfb on any display from :99 to :160"; }
export DISPLAY="$xvfb_display"
export VERSUS_E2E_PIDDIR="$piddir"
export VERSUS_E2E_TMP="$work/data" # the tests' data folders; removed at the end
say "Xvfb on $DISPLAY"

rm -rf target/e2e-screenshots
mkdir -p target/e2e-screenshots

shopt -s nullglob
# Arguments name test files to run; none runs them all.
if [ $# -gt 0 ]; then tests=("$@"); else tests=(tests/e2e/*.test.mjs); fi
[ ${#tests[@]} -gt 0 ] || die "no tests in tests/e2e/"

node_args=(--test)
# --test-concurrency: node >= 20.10; older runners take the files one by one anyway (2-core default).
if node --test-concurrency=1 -e '' >/dev/null 2>&1; then
  node_args+=(--test-concurrency=1)
fi

say "node ${node_args[*]} ${tests[*]}"
start=$(date +%s)
# In the background, so that a signal to this script reaches its trap at once.
timeout --kill-after=15 "$suite_timeout" node "${node_args[@]}" "${tests[@]}" </dev/null &
runner_pid=$!
set +e
wait "$runner_pid"
status=$?
set -e
runner_pid=""
say "End-to-end tests took $(( $(date +%s) - start )) s; screenshots in $repo/target/e2e-screenshots/"
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
  echo "tests/e2e/run.sh: the end-to-end run passed its ${suite_timeout} s limit and was stopped" >&2
fi
exit "$status"
