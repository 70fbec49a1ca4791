#!/usr/bin/env bash
# Clippy over every crate and target, warnings as errors: the app and the client as they are
# built for the browser, the client's native transport and the sample server natively.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
cargo clippy --target wasm32-unknown-unknown -p treeherder-explorer -p treeherder-client --all-targets -- -D warnings
cargo clippy -p treeherder-client --features native -p sample-server --all-targets -- -D warnings
echo "clippy: no warnings"
