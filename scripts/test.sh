#!/usr/bin/env bash
# Sets up what is missing, then runs every test: native (client, sample server), components in
# headless Chromium (wasm-bindgen-test), and end to end against the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh

step() { printf '\n\033[1;32m==> %s\033[0m\n' "$*"; }
started=$(date +%s)
summary=()

# Runs one level of tests, its output shown as it comes and kept to count what passed: cargo's
# and wasm-bindgen-test's "test result:" lines, node's "# pass/# fail" (a failure stops the script
# there, with the failing output above).
level() {
  local name=$1; shift
  step "$name"
  local t0 log
  t0=$(date +%s)
  log=$(mktemp)
  "$@" 2>&1 | tee "$log"
  local counts
  counts=$(awk '
    /test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i; if ($(i+1) ~ /^ignored/) g += $i } }
    /^# pass / { p += $3 } /^# fail / { f += $3 } /^# skipped / { g += $3 }
    END { if (p + f + g > 0) printf "%d passed, %d failed, %d ignored", p, f, g; else printf "done" }' "$log")
  rm -f "$log"
  summary+=("$(printf '%-58s %-36s %4d s' "$name" "$counts" $(( $(date +%s) - t0 )))")
}

level "native tests: client library" cargo test -p treeherder-client --features native
level "native tests: sample server" cargo test -p sample-server
level "client documentation (every main call has an example)" cargo doc --no-deps -p treeherder-client --features native
level "sample server build" cargo build --profile server -p sample-server
level "components and browser transport in headless Chromium (wasm-bindgen-test)" \
  bash scripts/with-sample-server.sh cargo test --target wasm32-unknown-unknown -p treeherder-explorer -p treeherder-client
level "release build (trunk, offline, pinned tools)" trunk build --release
level "end to end in headless Chromium against the release build" \
  node --test --test-timeout=180000 --test-concurrency=1 tests/e2e/

step "summary"
printf '%s\n' "${summary[@]}"
step "all tests passed in $(( $(date +%s) - started )) s"
