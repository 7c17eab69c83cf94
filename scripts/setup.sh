#!/usr/bin/env bash
# Installs what building, running and testing Versus needs, and nothing that
# is already there. Safe to run again. Usage: scripts/setup.sh [run|test|package]
set -euo pipefail
cd "$(dirname "$0")/.."
purpose="${1:-run}"

say() { printf '==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "Need root to run: $*  (install sudo or run as root)" >&2; exit 1
  fi
}

# --- system packages (Debian/Ubuntu) ------------------------------------------
packages=(libwebkit2gtk-4.1-dev build-essential pkg-config libssl-dev libxdo-dev
          libayatana-appindicator3-dev librsvg2-dev curl)
if [ "$purpose" = test ]; then
  # webkit2gtk-driver: WebKitWebDriver for end-to-end tests; xvfb: a display for them;
  # x11-apps/imagemagick: screenshots of the display; nodejs/npm: UI module tests and the WebDriver client;
  # dbus: dbus-run-session, a D-Bus session in which the package test checks that a second launch hands over;
  # xdotool: real key presses (Ctrl+Q) into the app's window, as a person's keyboard sends them;
  # strace: counts the fsyncs a note save makes (a save must reach the disk, not only the page cache).
  # sqlite3: the command-line shell, with which a test changes a database the way another library version leaves it.
  packages+=(webkit2gtk-driver xvfb xauth imagemagick nodejs npm dbus xdotool strace sqlite3)
fi
if [ "$purpose" = package ]; then
  # nodejs/npm: the Tauri CLI (npm package @tauri-apps/cli) that builds the .deb and .rpm.
  # Its deb and rpm bundlers are written in Rust and call no system tool (no dpkg-deb, no rpmbuild).
  packages+=(nodejs npm)
fi
if command -v dpkg-query >/dev/null; then
  missing=()
  for p in "${packages[@]}"; do
    # node and npm may come from elsewhere (nvm, NodeSource); do not fight them.
    if { [ "$p" = nodejs ] && command -v node >/dev/null; } || { [ "$p" = npm ] && command -v npm >/dev/null; }; then
      continue
    fi
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing system packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
else
  say "Not a Debian/Ubuntu system: see README.md for the packages to install by hand."
fi

# --- Rust ---------------------------------------------------------------------
if ! command -v cargo >/dev/null; then
  [ -x "$HOME/.cargo/bin/cargo" ] || {
    say "Installing the Rust toolchain (rustup)"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --component clippy,rustfmt
  }
  export PATH="$HOME/.cargo/bin:$PATH"
fi

if [ "$purpose" = test ]; then
  for component in clippy rustfmt; do
    if ! cargo "${component/rustfmt/fmt}" --version >/dev/null 2>&1 && command -v rustup >/dev/null; then
      rustup component add "$component"
    fi
  done
  # tauri-driver: the WebDriver server in front of WebKitWebDriver.
  if ! command -v tauri-driver >/dev/null && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
    say "Installing tauri-driver"
    cargo install tauri-driver --version '^2' --locked
  fi
fi

if [ "$purpose" = test ] || [ "$purpose" = package ]; then
  # The end-to-end test client (selenium-webdriver) and the Tauri CLI (@tauri-apps/cli).
  if [ -f package-lock.json ] && [ ! -d node_modules ] || [ package-lock.json -nt node_modules ] ||
    [ ! -x node_modules/.bin/tauri ]; then
    say "Installing the npm packages: end-to-end test client and Tauri CLI (npm ci)"
    npm ci --no-audit --no-fund
  fi
fi
