#!/usr/bin/env bash
# Runs fuzz targets for a while each and prints what libFuzzer reports at the end.
#   fuzz/run.sh [SECONDS] [TARGET…]      default: 600 s, every target
# Needs the nightly toolchain and cargo-fuzz (cargo install cargo-fuzz). Each target starts from
# the seeds in fuzz/seeds/TARGET (copied into fuzz/corpus/TARGET, which grows and is kept between
# runs). Crashes land in fuzz/artifacts/TARGET. Two targets run at a time (the machines have two
# cores); the summary is in fuzz/logs/TARGET.log.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(registry hsds_json hsds_package sheet_csv sheet_xlsx population_csv plan_structure)
fi
for target in "${targets[@]}"; do cargo +nightly fuzz build -O "$target" >/dev/null 2>&1; done
mkdir -p logs
run() {
  local target="$1"
  mkdir -p "corpus/$target"
  cp -n seeds/"$target"/* "corpus/$target/" 2>/dev/null || true
  # -rss_limit_mb: a reader that needs more than this for a small input is a finding too.
  cargo +nightly fuzz run -O "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=262144 -print_final_stats=1 \
    >"logs/$target.log" 2>&1 || echo "$target: FAILED (see fuzz/logs/$target.log and fuzz/artifacts/$target)"
}
pids=()
for target in "${targets[@]}"; do
  run "$target" &
  pids+=($!)
  if [ ${#pids[@]} -eq 2 ]; then
    wait "${pids[0]}"
    pids=("${pids[1]}")
  fi
done
wait
for target in "${targets[@]}"; do
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "logs/$target.log" | grep -o '[0-9]*$' || echo '?')
  speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "logs/$target.log" | grep -o '[0-9]*$' || echo '?')
  peak=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "logs/$target.log" | grep -o '[0-9]*$' || echo '?')
  cov=$(grep -o 'cov: [0-9]*' "logs/$target.log" | tail -1 | grep -o '[0-9]*' || echo '?')
  crashes=$(ls "artifacts/$target" 2>/dev/null | wc -l)
  echo "$target: ${seconds} s, ${runs} executions (${speed}/s), coverage ${cov} edges, peak RSS ${peak} MB, findings ${crashes}"
done
