#!/usr/bin/env bash
# The package test: builds the .deb (scripts/package.sh deb), installs it with
# apt-get, then launches the INSTALLED binary under Xvfb, as a learner would:
#
#   1. with the start-up probe (VERSUS_STARTUP_PROBE=1) on a fresh data folder:
#      it must print `startup_ms=<n>` and exit 0 within the time limit, having
#      created its database there;
#   2. when a D-Bus session can be started (dbus-run-session), twice on the same
#      data folder: the second launch must hand over to the first and exit 0.
#
# The package is removed again in an exit trap, so a failure never leaves it
# installed. Needs root or sudo (apt-get), and what `scripts/setup.sh test` installs.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/display.sh

limit="${VERSUS_PACKAGE_PROBE_TIMEOUT:-60}" # seconds for one launch of the installed app

say() { printf '==> %s\n' "$*"; }
die() { printf 'tests/package/run.sh: %s\n' "$*" >&2; exit 1; }
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    die "need root to run: $*  (install sudo or run as root)"
  fi
}
apt() { as_root env DEBIAN_FRONTEND=noninteractive apt-get "$@" </dev/null; }

for tool in Xvfb dpkg-deb dpkg-query apt-get timeout; do
  command -v "$tool" >/dev/null || die "$tool is missing: run scripts/setup.sh test"
done

# --- build ----------------------------------------------------------------------
bash scripts/package.sh deb
shopt -s nullglob
debs=(target/release/bundle/deb/*.deb)
[ ${#debs[@]} -eq 1 ] || die "expected one .deb in target/release/bundle/deb/, found ${#debs[@]}"
deb="$PWD/${debs[0]}"
pkg=$(dpkg-deb -f "$deb" Package)
say "Built $deb: package $pkg $(dpkg-deb -f "$deb" Version), $(stat -c %s "$deb") bytes"

if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
  die "a $pkg package is already installed on this machine; this test installs its own build and removes it afterwards. Remove it first: apt-get remove $pkg"
fi

# --- install, and always remove again ----------------------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/versus-package-test.XXXXXX")
installed=""

cleanup() {
  local status=$?
  trap - EXIT INT TERM HUP
  stop_xvfb
  if [ -n "$installed" ]; then
    say "Removing the $installed package"
    apt remove -y -qq "$installed" >/dev/null || as_root dpkg -r "$installed" >/dev/null ||
      echo "tests/package/run.sh: could not remove $installed: remove it by hand (apt-get remove $installed)" >&2
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

say "apt-get install -y $deb"
installed="$pkg" # from here on the trap removes it, even if the install fails half-way
apt install -y -qq "$deb" >"$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; die "apt-get install failed"; }

files=$(dpkg -L "$pkg")
binary=$(printf '%s\n' "$files" | grep -E '^/usr/bin/[^/]+$' | head -n 1 || true)
[ -n "$binary" ] && [ -x "$binary" ] || die "the package installs no program in /usr/bin:"$'\n'"$files"
printf '%s\n' "$files" | grep -qE '^/usr/share/applications/.+\.desktop$' || die "the package installs no .desktop file"
printf '%s\n' "$files" | grep -qE '^/usr/share/icons/hicolor/.+\.png$' || die "the package installs no icon"
say "Installed $binary (and its .desktop file and icons)"

# --- a display ----------------------------------------------------------------------
start_xvfb 140 199 "$work/xvfb.log" || { cat "$work/xvfb.log" >&2 || true; die "could not start Xvfb"; }

# --- 1. the start-up probe ------------------------------------------------------------
say "Launching $binary with VERSUS_STARTUP_PROBE=1 (limit ${limit} s)"
mapfile -t vars < <(app_env "$work/probe")
set +e
start=$(date +%s%N)
timeout --kill-after=5 "$limit" env "${vars[@]}" VERSUS_STARTUP_PROBE=1 "$binary" \
  >"$work/probe.out" 2>"$work/probe.err" </dev/null
status=$?
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
set -e
if [ "$status" -ne 0 ]; then
  cat "$work/probe.out" "$work/probe.err" >&2 || true
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then die "the installed app did not finish within ${limit} s"; fi
  die "the installed app exited with status $status"
fi
grep -qE '^startup_ms=[0-9]+$' "$work/probe.out" ||
  { cat "$work/probe.out" "$work/probe.err" >&2; die "the installed app did not print startup_ms=<number>"; }
[ -s "$work/probe/data/versus.db" ] || die "the installed app created no database in VERSUS_DATA_DIR"
say "OK: $(grep -E '^startup_ms=' "$work/probe.out"), exit status 0, ${elapsed} ms in all"

# --- 2. one instance per data folder ------------------------------------------------------
if command -v dbus-run-session >/dev/null; then
  say "Launching it twice on one data folder in a D-Bus session: the second must hand over"
  mapfile -t vars < <(app_env "$work/twice")
  set +e
  VERSUS_BINARY="$binary" VERSUS_LIMIT="$limit" timeout --kill-after=5 $((limit * 2)) \
    dbus-run-session -- env "${vars[@]}" bash -c '
      "$VERSUS_BINARY" >/dev/null 2>&1 </dev/null &
      first=$!
      # The first instance owns the D-Bus name once its database exists (setup runs after the plugins).
      for _ in $(seq 1 $((VERSUS_LIMIT * 10))); do
        [ -s "$VERSUS_DATA_DIR/versus.db" ] && break
        kill -0 "$first" 2>/dev/null || { echo "the first instance exited early" >&2; exit 3; }
        sleep 0.1
      done
      timeout 20 "$VERSUS_BINARY" >/dev/null 2>&1 </dev/null
      second=$?
      kill -0 "$first" 2>/dev/null; alive=$?
      kill -KILL "$first" 2>/dev/null
      [ "$second" -eq 0 ] || { echo "the second launch exited with status $second (124: it ran on instead of handing over)" >&2; exit 4; }
      [ "$alive" -eq 0 ] || { echo "the first instance did not survive the second launch" >&2; exit 5; }
    ' 2>"$work/twice.err"
  status=$?
  set -e
  [ "$status" -eq 0 ] || { cat "$work/twice.err" >&2; die "single instance check failed (status $status)"; }
  say "OK: the second launch handed over to the first and exited 0"
else
  say "Skipped the single-instance check: no dbus-run-session (package dbus-daemon)"
fi
