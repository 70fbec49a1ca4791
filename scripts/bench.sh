#!/usr/bin/env bash
# Benchmarks (not tests: prints numbers, never fails on timing). Builds the release app and the
# sample server, then times each view in headless Chromium. Options go to bench/run.mjs
# (--runs N, --only NAME). Ends with the soak: an hour of polling with new pushes and job changes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
trunk build --release
cargo build --profile server -p sample-server
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(chromium --version 2>/dev/null | head -1)"
node bench/run.mjs "$@"
# An hour of live updates, simulated (about ten seconds of real time).
node bench/soak.mjs
