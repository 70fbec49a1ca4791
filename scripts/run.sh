#!/usr/bin/env bash
# Sets up what is missing, builds the release app and serves it with the sample Treeherder API on
# 127.0.0.1. Options: --server URL (talk to that Treeherder instead, e.g.
# https://treeherder.mozilla.org), --port N (default 8111: 8000 is a local Treeherder's port and the
# app's own "Local" preset); others go to sample-server
# (e.g. --synthetic 10:5000).
set -euo pipefail
cd "$(dirname "$0")/.."
port=8111
app_server="/"
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --server) app_server="${2:?--server needs a URL}"; shift 2 ;;
    --port) port="${2:?--port needs a number}"; shift 2 ;;
    *) extra+=("$1"); shift ;;
  esac
done
bash scripts/setup.sh
source scripts/env.sh
# The release build runs wasm-opt over five chunks (about a minute and a half): only when a
# source of the app changed since the last build this script made.
stamp=dist/.built-by-run-sh
sources=(src crates/treeherder-client/src crates/treeherder-client/Cargo.toml style index.html Cargo.toml Cargo.lock Trunk.toml build.rs scripts/finalize-dist.mjs scripts/build-chunks.mjs package-lock.json)
if [ -f "$stamp" ] && [ -f dist/index.html ] && [ -z "$(find "${sources[@]}" -newer "$stamp" -print -quit 2>/dev/null)" ]; then
  echo "dist/ is up to date with the sources (delete $stamp to force a build)"
else
  trunk build --release
  touch "$stamp"
fi
cargo build --profile server -p sample-server
echo
exec "$CARGO_TARGET_DIR/server/sample-server" --dist dist --port "$port" --app-server "$app_server" --open /jobs ${extra[@]+"${extra[@]}"}
