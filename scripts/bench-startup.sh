#!/usr/bin/env bash
# Start-up time, idle memory and size of the Versus release build, each beside
# the same figure for a bare Tauri 2 window built and measured in the same run.
#
#   scripts/bench-startup.sh
#
# - Versus: scripts/package.sh deb (release binary and .deb).
# - The bare window: a minimal Tauri 2 app written to a temporary folder (same
#   tauri version as Cargo.lock, whose copy lets cargo reuse the crates offline;
#   a one-line index.html; the same [profile.release]; the same window size),
#   built the same way with the same Tauri CLI. Its build is cached in
#   target/bench-bare.
# - Start-up: the probe (VERSUS_STARTUP_PROBE=1), ms from the start of the
#   process's Rust code to the first view rendered with its data (for the bare
#   window: its page's load handler calling a command). After one untimed
#   warm-up run of each, N runs (10), the first on an empty data folder, then
#   warm; median, min and max, and the trace of the Versus run nearest the
#   median (where its start-up went).
# - Idle memory: the app started on its warm data folder, left alone for 10 s,
#   then PSS (/proc/<pid>/smaps_rollup) summed over its process and every
#   descendant (WebKitWebProcess, WebKitNetworkProcess, ...).
# Everything runs under its own Xvfb, with WEBKIT_DISABLE_COMPOSITING_MODE=1.
# Environment: VERSUS_BENCH_RUNS (10), VERSUS_BENCH_IDLE_SECONDS (10),
# VERSUS_BENCH_SKIP_BUILD=1 (measure what is already built), CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
source scripts/lib/display.sh
runs="${VERSUS_BENCH_RUNS:-10}"
idle="${VERSUS_BENCH_IDLE_SECONDS:-10}"
target="${CARGO_TARGET_DIR:-$repo/target}"
case "$target" in /*) ;; *) target="$repo/$target" ;; esac
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'scripts/bench-startup.sh: %s\n' "$*" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/versus-bench.XXXXXX")
app_pid=""
cleanup() {
  local status=$?
  trap - EXIT INT TERM HUP
  if [ -n "$app_pid" ]; then kill_tree "$app_pid"; fi
  stop_xvfb
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# --- processes ----------------------------------------------------------------------

# Every descendant of a pid (children first found through /proc/<pid>/stat's ppid).
descendants() {
  local root="$1" stat_file stat pid
  local -A children=()
  for stat_file in /proc/[0-9]*/stat; do
    read -r stat 2>/dev/null <"$stat_file" || continue
    pid=${stat%% *}
    # After the command name in parentheses: state, then the parent's pid.
    set -- ${stat##*) }
    children[$2]+="$pid "
  done
  local queue=("$root") found=()
  while [ ${#queue[@]} -gt 0 ]; do
    local next=${queue[0]}
    queue=("${queue[@]:1}")
    for pid in ${children[$next]:-}; do
      found+=("$pid")
      queue+=("$pid")
    done
  done
  printf '%s\n' "${found[@]}"
}

kill_tree() {
  local pids
  pids=$(descendants "$1" 2>/dev/null || true)
  kill -TERM "$1" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$1" $pids 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# --- builds ---------------------------------------------------------------------------

lock_version() { # version of a crate in Cargo.lock
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

write_bare_app() {
  local dir="$1" tauri_version tauri_build_version
  tauri_version=$(lock_version tauri)
  tauri_build_version=$(lock_version tauri-build)
  [ -n "$tauri_version" ] && [ -n "$tauri_build_version" ] || die "no tauri in Cargo.lock"
  mkdir -p "$dir/src" "$dir/ui" "$dir/icons"
  cat >"$dir/Cargo.toml" <<EOF
[package]
name = "bare"
version = "0.1.0"
edition = "2021"

[workspace]

[build-dependencies]
tauri-build = { version = "=$tauri_build_version", features = [] }

[dependencies]
tauri = { version = "=$tauri_version", features = [] }

$(awk '/^\[profile\.release\]/ { p = 1; print; next } /^\[/ { p = 0 } p && !/^#/' Cargo.toml)
EOF
  cp Cargo.lock "$dir/Cargo.lock"
  cp src-tauri/icons/32x32.png src-tauri/icons/128x128.png src-tauri/icons/128x128@2x.png src-tauri/icons/icon.png "$dir/icons/"
  echo 'fn main() { tauri_build::build() }' >"$dir/build.rs"
  cat >"$dir/src/main.rs" <<'EOF'
// A bare Tauri 2 window with the same start-up probe as Versus.
use std::io::Write;
use std::sync::OnceLock;
use std::time::Instant;

static STARTED: OnceLock<Instant> = OnceLock::new();

#[tauri::command]
fn first_view_ready(app: tauri::AppHandle) {
    if std::env::var_os("VERSUS_STARTUP_PROBE").is_some_and(|v| v == "1") {
        let ms = STARTED.get().map(|t| t.elapsed().as_millis()).unwrap_or(0);
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "startup_ms={ms}");
        let _ = out.flush();
        app.exit(0);
    }
}

fn main() {
    STARTED.get_or_init(Instant::now);
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![first_view_ready])
        .run(tauri::generate_context!())
        .expect("the bare window could not start");
}
EOF
  echo '<!doctype html><html><body onload="window.__TAURI__.core.invoke(&quot;first_view_ready&quot;)">A bare Tauri window</body></html>' >"$dir/ui/index.html"
  cat >"$dir/tauri.conf.json" <<'EOF'
{
  "productName": "Bare",
  "version": "0.1.0",
  "identifier": "bench.bare.window",
  "build": { "frontendDist": "ui" },
  "app": {
    "withGlobalTauri": true,
    "windows": [{ "label": "main", "title": "Bare", "width": 1200, "height": 820 }],
    "security": { "csp": null }
  },
  "bundle": {
    "active": true,
    "targets": ["deb"],
    "icon": ["icons/32x32.png", "icons/128x128.png", "icons/128x128@2x.png", "icons/icon.png"]
  }
}
EOF
}

if [ "${VERSUS_BENCH_SKIP_BUILD:-}" != 1 ]; then
  say "Building Versus (scripts/package.sh deb)"
  bash scripts/package.sh deb >&2
fi
bash scripts/setup.sh package >&2 # the Tauri CLI, for the bare window
bare_src="$work/bare"
write_bare_app "$bare_src"
bare_target="$target/bench-bare"
if [ "${VERSUS_BENCH_SKIP_BUILD:-}" != 1 ] || [ ! -x "$bare_target/release/bare" ]; then
  say "Building the bare Tauri window (cached in $bare_target)"
  rm -rf "$bare_target/release/bundle/deb"
  (cd "$bare_src" && CARGO_TARGET_DIR="$bare_target" CARGO_NET_OFFLINE=true \
    "$repo/node_modules/.bin/tauri" build --ci --bundles deb </dev/null >&2)
fi

versus_bin="$target/release/versus"
bare_bin="$bare_target/release/bare"
versus_deb=$(ls "$target"/release/bundle/deb/*.deb 2>/dev/null | head -n 1)
bare_deb=$(ls "$bare_target"/release/bundle/deb/*.deb 2>/dev/null | head -n 1)
for file in "$versus_bin" "$bare_bin" "$versus_deb" "$bare_deb"; do
  [ -n "$file" ] && [ -f "$file" ] || die "missing build output: ${file:-a .deb}"
done

# --- a display --------------------------------------------------------------------------
start_xvfb 200 260 "$work/xvfb.log" || die "could not start Xvfb"

# Prints the start-up ms of one probe run of `binary` on the data folder under
# `root`, then the run's start-up trace if it printed one (Versus does).
startup_run() {
  local binary="$1" root="$2" vars out ms trace
  mapfile -t vars < <(app_env "$root")
  out=$(timeout --kill-after=5 60 env "${vars[@]}" VERSUS_STARTUP_PROBE=1 "$binary" 2>/dev/null </dev/null) ||
    die "$binary: a probe run failed (status $?)"
  ms=$(grep -E '^startup_ms=[0-9]+$' <<<"$out" | head -n 1) || die "$binary printed no startup_ms"
  trace=$(grep -E '^startup_trace=' <<<"$out" | head -n 1 || true)
  echo "${ms#startup_ms=} ${trace#startup_trace=}"
}

# Prints the PSS (kB) of the app and all its descendants after `idle` seconds,
# then a line with their names. Not in a subshell: the exit trap must see app_pid.
idle_pss() {
  local binary="$1" root="$2" vars total=0 pid kb names=()
  mapfile -t vars < <(app_env "$root")
  env "${vars[@]}" "$binary" >/dev/null 2>&1 </dev/null &
  app_pid=$!
  sleep "$idle"
  kill -0 "$app_pid" 2>/dev/null || die "$binary exited before its memory was measured"
  for pid in "$app_pid" $(descendants "$app_pid"); do
    kb=$(awk '/^Pss:/ { print $2; exit }' "/proc/$pid/smaps_rollup" 2>/dev/null) || continue
    [ -n "$kb" ] || continue
    total=$((total + kb))
    names+=("$(cat "/proc/$pid/comm" 2>/dev/null)")
  done
  kill_tree "$app_pid"
  app_pid=""
  echo "$total"
  echo "${names[*]}"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minimum() { sort -n | head -n 1; }
maximum() { sort -n | tail -n 1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
mib() { awk -v kb="$1" 'BEGIN { printf "%.0f MB", kb / 1024 }'; }
mb_bytes() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1e6 }'; }
verdict() { awk -v r="$1" -v limit="$2" 'BEGIN { print (r <= limit ? "ok" : "OVER") }'; }

# Untimed: the first client of a new X display pays its set-up (about 40 ms
# here), and the first launch of a binary reads it from disk. On a desktop
# both are long done, so each app runs once first on a throwaway data folder;
# "first run" below is still the first on an empty data folder.
say "Warm-up: one untimed run of each"
startup_run "$versus_bin" "$work/warm-up-versus" >/dev/null
startup_run "$bare_bin" "$work/warm-up-bare" >/dev/null

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# The two apps take turns, so that a slower moment of the machine hits both.
say "Start-up: $runs probe runs each (the first on an empty data folder)"
versus_runs=""
bare_runs=""
versus_traces=()
for _ in $(seq 1 "$runs"); do
  # Command substitutions, not `read < <(...)`: a failed run must stop the script.
  run=$(startup_run "$versus_bin" "$work/versus")
  versus_runs+="${run%% *}"$'\n'
  versus_traces+=("$run")
  run=$(startup_run "$bare_bin" "$work/bare-run")
  bare_runs+="${run%% *}"$'\n'
done
versus_runs=${versus_runs%$'\n'}
bare_runs=${bare_runs%$'\n'}
say "Idle memory: ${idle} s after start, PSS over all processes"
idle_pss "$versus_bin" "$work/versus" >"$work/mem-versus"
idle_pss "$bare_bin" "$work/bare-run" >"$work/mem-bare"
mapfile -t versus_mem <"$work/mem-versus"
mapfile -t bare_mem <"$work/mem-bare"

v_med=$(median <<<"$versus_runs"); b_med=$(median <<<"$bare_runs")
v_min=$(minimum <<<"$versus_runs"); b_min=$(minimum <<<"$bare_runs")
v_max=$(maximum <<<"$versus_runs"); b_max=$(maximum <<<"$bare_runs")
v_first=$(head -n 1 <<<"$versus_runs"); b_first=$(head -n 1 <<<"$bare_runs")
v_deb=$(stat -c %s "$versus_deb"); b_deb=$(stat -c %s "$bare_deb")
v_bin=$(stat -c %s "$versus_bin"); b_bin=$(stat -c %s "$bare_bin")
start_ratio=$(ratio "$v_med" "$b_med")
mem_ratio=$(ratio "${versus_mem[0]}" "${bare_mem[0]}")

printf '\n%-38s %-22s %-22s %s\n' "figure" "Versus" "bare Tauri window" "Versus / bare"
printf '%-38s %-22s %-22s %s\n' "start-up median, ms ($runs runs)" "$v_med" "$b_med" "$start_ratio (target <= 1.3: $(verdict "$start_ratio" 1.3))"
printf '%-38s %-22s %-22s\n' "start-up min / max, ms" "$v_min / $v_max" "$b_min / $b_max"
printf '%-38s %-22s %-22s\n' "start-up, first run (empty folder), ms" "$v_first" "$b_first"
printf '%-38s %-22s %-22s %s\n' "idle memory after ${idle} s, PSS" "$(mib "${versus_mem[0]}")" "$(mib "${bare_mem[0]}")" "$mem_ratio (target <= 1.2: $(verdict "$mem_ratio" 1.2))"
printf '%-38s %-22s %-22s %s\n' ".deb size" "$(mb_bytes "$v_deb")" "$(mb_bytes "$b_deb")" "(target < 10 MB: $(awk -v b="$v_deb" 'BEGIN { print (b < 10e6 ? "ok" : "OVER") }'))"
printf '%-38s %-22s %-22s\n' "binary size" "$(mb_bytes "$v_bin")" "$(mb_bytes "$b_bin")"
printf '\nall start-up runs, ms: Versus %s; bare %s\n' "$(echo $versus_runs)" "$(echo $bare_runs)"
# Where the warm run nearest the median spent its time (ms since the start of run()).
median_trace=$(printf '%s\n' "${versus_traces[@]:1}" | awk -v m="$v_med" '
  { d = $1 - m; if (d < 0) d = -d; if (best == "" || d < best) { best = d; line = $0 } } END { print line }')
printf 'Versus start-up trace, warm run nearest the median: %s\n' "$(tr ',' ' ' <<<"${median_trace#* }")"
printf 'processes measured: Versus: %s; bare: %s\n' "${versus_mem[1]}" "${bare_mem[1]}"
printf 'load average before measuring: %s (other work on the machine skews every figure)\n' "$load_before"
printf 'on %s, %s cores, Xvfb, %s\n' "$(. /etc/os-release && echo "$PRETTY_NAME")" "$(nproc)" \
  "$(grep -E '^opt-level' Cargo.toml | head -n 1)${CARGO_PROFILE_RELEASE_OPT_LEVEL:+ (overridden: opt-level=$CARGO_PROFILE_RELEASE_OPT_LEVEL)}"
