#!/usr/bin/env bash
# Sets up what is missing, then runs every test: native (client, sample server), components in
# headless Chromium (wasm-bindgen-test), and end to end against the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh

step() { printf '\n\033[1;32m==> %s\033[0m\n' "$*"; }
started=$(date +%s)

step "native tests: client library and sample server"
cargo test -p treeherder-client --features native
cargo test -p sample-server

step "client documentation (every main call has an example)"
cargo doc --no-deps -p treeherder-client --features native

step "sample server build"
cargo build --profile server -p sample-server

step "component and browser-transport tests in headless Chromium (wasm-bindgen-test)"
bash scripts/with-sample-server.sh cargo test --target wasm32-unknown-unknown -p treeherder-explorer -p treeherder-client

step "release build (trunk, offline, pinned tools)"
trunk build --release

step "end-to-end tests in headless Chromium against the release build"
node --test --test-timeout=180000 --test-concurrency=1 tests/e2e/

step "all tests passed in $(( $(date +%s) - started )) s"
