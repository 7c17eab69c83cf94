#!/usr/bin/env bash
# Sets up what is missing, then runs every check: formatting, lints, the Rust
# tests, the UI's type check and module tests, the end-to-end tests of the real app, and last
# the package test (the .deb built, installed, launched and removed again).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy --workspace --all-targets -- -D warnings"
cargo clippy --workspace --all-targets -- -D warnings

step "Rust tests: the domain core, then the app (commands, shell, generated TypeScript types)"
cargo test --workspace

step "UI type check (tsc --checkJs against the types generated from Rust)"
npx --no-install tsc -p tsconfig.json

step "UI module tests (node --test)"
node --test ui/tests/

if [ -d tests/e2e ]; then
  step "End-to-end tests (tauri-driver + WebKitWebDriver under Xvfb)"
  bash tests/e2e/run.sh
fi

step "Package test (release build, .deb installed with apt-get, installed app launched under Xvfb)"
bash tests/package/run.sh
