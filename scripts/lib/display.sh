# A virtual display, and the environment of one app run on it, for the
# scripts that run the real app: tests/e2e/run.sh, tests/package/run.sh and
# scripts/bench-startup.sh. Source it; it defines functions only. Each script
# takes its own range of display numbers, so the three can run side by side.

xvfb_pid=""
xvfb_display=""

# start_xvfb FIRST LAST LOG: starts Xvfb (1280x860, no TCP, no reset between
# clients) on the first free display number from FIRST to LAST, its output
# in LOG. Sets xvfb_pid and xvfb_display (":N"); returns 1 if none started.
start_xvfb() {
  local first="$1" last="$2" log="$3" n
  for n in $(seq "$first" "$last"); do
    { [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; } && continue
    Xvfb ":$n" -screen 0 1280x860x24 -nolisten tcp -noreset >"$log" 2>&1 </dev/null &
    xvfb_pid=$!
    for _ in $(seq 1 50); do
      [ -e "/tmp/.X11-unix/X$n" ] && break
      kill -0 "$xvfb_pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$xvfb_pid" 2>/dev/null && [ -e "/tmp/.X11-unix/X$n" ]; then
      xvfb_display=":$n"
      return 0
    fi
    kill -KILL "$xvfb_pid" 2>/dev/null || true
    xvfb_pid=""
  done
  return 1
}

# stop_xvfb: ends the Xvfb that start_xvfb started, if any (TERM, then KILL after 2 s).
stop_xvfb() {
  [ -n "$xvfb_pid" ] || return 0
  kill -TERM "$xvfb_pid" 2>/dev/null || true
  for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$xvfb_pid" 2>/dev/null || break; sleep 0.2; done
  kill -KILL "$xvfb_pid" 2>/dev/null || true
  xvfb_pid=""
}

# app_env ROOT: prints, one VAR=value a line, the environment of one app run on
# the display, with its data folder (and the XDG folders, so the webview's own
# storage and the window state never touch the real home folder) under ROOT.
app_env() {
  local root="$1"
  mkdir -p "$root/data" "$root/xdg/config" "$root/xdg/data" "$root/xdg/cache"
  printf '%s\n' DISPLAY="$xvfb_display" VERSUS_DATA_DIR="$root/data" XDG_CONFIG_HOME="$root/xdg/config" \
    XDG_DATA_HOME="$root/xdg/data" XDG_CACHE_HOME="$root/xdg/cache" \
    WEBKIT_DISABLE_COMPOSITING_MODE=1 NO_AT_BRIDGE=1
}
