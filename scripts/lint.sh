#!/usr/bin/env bash
# Formatting (rustfmt.toml), then clippy over every crate and target, warnings as errors: the app
# and the client as they are built for the browser, the client's native transport and the sample
# server natively, and the client without a transport (as the sample server links it).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
cargo fmt --all --check
(cd fuzz && cargo fmt --all --check)
echo "rustfmt: formatted"
cargo clippy --target wasm32-unknown-unknown -p treeherder-explorer -p treeherder-client --all-targets -- -D warnings
cargo clippy -p treeherder-client --features native -p sample-server --all-targets -- -D warnings
# The client as the sample server builds it: natively without a transport.
cargo clippy -p treeherder-client --lib -- -D warnings
echo "clippy: no warnings"
