#!/usr/bin/env bash
# Benchmarks (not tests: prints numbers, never fails on timing). Builds the release app and the
# sample server, then times each view in headless Chromium on loopback, and again on a real line
# (40 ms round trip, 20 Mbit/s, emulated by Chromium; files compressed as a host serves them,
# the API gzipped as Treeherder's): ready, first paint, bytes per view, a plain-JS floor, view
# switches. Options go to bench/run.mjs (--runs N, --only NAME). Ends with the soak: an hour of
# polling with new pushes and job changes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
trunk build --release
cargo build --profile server -p sample-server
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(chromium --version 2>/dev/null | head -1)"
echo "== loopback"
node bench/run.mjs "$@"
echo "== real line: 40 ms, 20 Mbit/s"
node bench/run.mjs --net 40:20 "$@"
# An hour of live updates, simulated (about ten seconds of real time).
node bench/soak.mjs
