#!/usr/bin/env bash
# Sets up what is missing, then builds and opens Versus.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh run
export PATH="$HOME/.cargo/bin:$PATH"
exec cargo run --release
