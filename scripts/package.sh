#!/usr/bin/env bash
# Builds the Linux packages of Versus, offline, with the Tauri CLI pinned in
# package.json (@tauri-apps/cli): a release build of the app, then the bundles.
#
#   scripts/package.sh            # .deb and .rpm
#   scripts/package.sh deb        # only the .deb (what tests/package/run.sh needs)
#
# Output: target/release/bundle/deb/Versus_<version>_amd64.deb and
#         target/release/bundle/rpm/Versus-<version>-1.x86_64.rpm
# AppImage is not offered: its bundler downloads linuxdeploy at build time.
# Windows (.msi) and macOS (.dmg) bundles are built on those systems: see README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bundles="${1:-deb,rpm}"
for kind in ${bundles//,/ }; do
  case "$kind" in deb | rpm) ;; *) echo "scripts/package.sh: unknown bundle '$kind' (deb, rpm)" >&2; exit 2 ;; esac
done

bash scripts/setup.sh package
export PATH="$HOME/.cargo/bin:$PATH"

tauri=node_modules/.bin/tauri
[ -x "$tauri" ] || { echo "scripts/package.sh: $tauri is missing: run npm ci" >&2; exit 1; }

printf '==> tauri build --bundles %s (release build: several minutes on 2 cores)\n' "$bundles"
start=$(date +%s)
# No stale bundle of an earlier version may be taken for this one.
for kind in ${bundles//,/ }; do rm -rf "target/release/bundle/$kind"; done
"$tauri" build --ci --bundles "$bundles" </dev/null
printf '==> Built in %s s:\n' "$(( $(date +%s) - start ))"
shopt -s nullglob
for kind in ${bundles//,/ }; do
  for file in target/release/bundle/"$kind"/*."$kind"; do
    printf '    %s (%s bytes)\n' "$file" "$(stat -c %s "$file")"
  done
done
