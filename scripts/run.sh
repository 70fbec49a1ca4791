#!/usr/bin/env bash
# Sets up what is missing, builds the release app and serves it with the sample Treeherder API on
# 127.0.0.1. Options: --server URL (talk to that Treeherder instead, e.g.
# https://treeherder.mozilla.org), --port N (default 8000); others go to sample-server
# (e.g. --synthetic 10:5000).
set -euo pipefail
cd "$(dirname "$0")/.."
port=8000
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
trunk build --release
cargo build --profile server -p sample-server
echo
exec "$CARGO_TARGET_DIR/server/sample-server" --dist dist --port "$port" --app-server "$app_server" --open /jobs ${extra[@]+"${extra[@]}"}
