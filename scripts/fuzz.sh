#!/usr/bin/env bash
# Fuzzes every target for a fixed time: bash scripts/fuzz.sh [SECONDS_PER_TARGET=60] [TARGET…]
# cargo fuzz wants nightly for its -Z flags; RUSTC_BOOTSTRAP=1 lets the stable toolchain accept
# them. No sanitizer: the code is safe Rust, the properties are panics and assertions (with
# debug assertions and overflow checks on), and uninstrumented runs go several times faster.
# Crashes land in fuzz/artifacts/<target>/; replay one with
#   RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none -O <target> <file>   (in fuzz/)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(api_models compact_jobs url_params openapi markdown)

# libFuzzer itself is C++ (built by libfuzzer-sys); the corpus is seeded by a Python script.
need=()
command -v g++ >/dev/null || need+=(g++)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${need[@]}"
fi
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.1
export RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$root/target/fuzz"
corpus="$root/target/fuzz-corpus"
python3 fuzz/seeds/make_corpus.py "$corpus"

(cd fuzz && cargo fuzz build --sanitizer none -O)
report="$root/target/fuzz-report.txt"
: > "$report"
total=0
status=0
for t in "${targets[@]}"; do
  mkdir -p "fuzz/artifacts/$t"
  log="$root/target/fuzz-$t.log"
  # Inputs that once crashed (fuzz/regressions/) are replayed as part of the corpus.
  mkdir -p "fuzz/regressions/$t"
  if (cd fuzz && cargo fuzz run --sanitizer none -O "$t" "$corpus/$t" "regressions/$t" -- \
        -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=20 -print_final_stats=1 \
        -artifact_prefix="$root/fuzz/artifacts/$t/") > "$log" 2>&1; then
    result=ok
  else
    result="CRASH (see $log and fuzz/artifacts/$t/)"
    status=1
  fi
  runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1)
  runs=${runs:-0}
  total=$((total + runs))
  printf '%-14s %10s executions in %ss  %s\n' "$t" "$runs" "$seconds" "$result" | tee -a "$report"
done
printf '%-14s %10s executions\n' total "$total" | tee -a "$report"
exit $status
