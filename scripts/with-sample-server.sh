#!/usr/bin/env bash
# Runs a command with a sample server on a free loopback port; its URL is in $SAMPLE_API.
# (The browser tests of the client library read it at build time.)
set -euo pipefail
source "$(dirname "$0")/env.sh"
log=$(mktemp)
"$CARGO_TARGET_DIR/server/sample-server" --port 0 >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
url=""
for _ in $(seq 300); do
  url=$(sed -n 's#^API: \(http://[^/]*\)/api/$#\1#p' "$log")
  [ -n "$url" ] && break
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "the sample server did not start:" >&2
  cat "$log" >&2
  exit 1
fi
SAMPLE_API="$url" "$@"
