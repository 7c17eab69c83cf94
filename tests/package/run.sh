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
# Before that, without a display: the package declares .versuspack files as
# its own (the .desktop file's MimeType= and a %F on its Exec line, the MIME
# type's definition in /usr/share/mime/packages), and the installed binary's
# `--check-pack` passes a good pack and fails a bad one, naming the file and
# the field.
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

# --- .versuspack files open with the app ------------------------------------------------
desktop=$(printf '%s\n' "$files" | grep -E '^/usr/share/applications/.+\.desktop$' | head -n 1)
grep -qE '^MimeType=(.*;)?application/x-versuspack(;|$)' "$desktop" ||
  { cat "$desktop" >&2; die "$desktop declares no MimeType=application/x-versuspack"; }
# Without a field code the file manager starts the app without the file.
grep -qE '^Exec=[^ ]+ (.* )?%[fF]( |$)' "$desktop" ||
  { cat "$desktop" >&2; die "the Exec line of $desktop passes no file (%f or %F)"; }
mime_xml=/usr/share/mime/packages/versus.xml
{ [ -f "$mime_xml" ] && grep -q 'type="application/x-versuspack"' "$mime_xml" && grep -q 'pattern="\*\.versuspack"' "$mime_xml"; } ||
  die "the package installs no MIME type definition for *.versuspack at $mime_xml"
# shared-mime-info's trigger compiles the definition when it is installed.
if command -v update-mime-database >/dev/null && [ -d /usr/share/mime/application ]; then
  [ -f /usr/share/mime/application/x-versuspack.xml ] ||
    die "application/x-versuspack is not in the MIME database after the install (update-mime-database did not run?)"
fi
say "OK: $desktop opens application/x-versuspack (*.versuspack) files: $(grep -E '^Exec=' "$desktop")"

comparison=$(cat content/compute/ec2-vs-lambda.json)
pack_json() { # NAME: a pack holding the seed comparison ec2-vs-lambda
  printf '{"format":"versus-pack","format_version":1,"id":"package-test","name":"%s","version":"1.0.0","author":"Versus","description":"The package test'"'"'s pack","comparisons":[%s]}' \
    "$1" "$comparison"
}
pack_json "Package test" >"$work/good.versuspack"
pack_json "" >"$work/bad.versuspack"
"$binary" --check-pack "$work/good.versuspack" >"$work/check.out" 2>"$work/check.err" </dev/null ||
  { cat "$work/check.out" "$work/check.err" >&2; die "--check-pack failed a valid pack"; }
grep -qF "$work/good.versuspack: valid: pack \"package-test\" version 1.0.0 with 1 comparison" "$work/check.out" ||
  { cat "$work/check.out" >&2; die "--check-pack did not say the good pack is valid"; }
set +e
"$binary" --check-pack "$work/bad.versuspack" >"$work/check.out" 2>"$work/check.err" </dev/null
status=$?
set -e
[ "$status" -ne 0 ] || die "--check-pack passed a pack with an empty name"
grep -qF "$work/bad.versuspack: " "$work/check.err" && grep -qE '^  name: ' "$work/check.err" ||
  { cat "$work/check.err" >&2; die "--check-pack did not name the bad file and the field at fault"; }
say "OK: --check-pack passes a good pack and fails a bad one (status $status) naming the field"

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
