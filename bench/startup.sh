#!/usr/bin/env bash
# Measures `souhra demo`: time from start to the first 200 from /healthz, on a fresh data folder
# (creates the database and loads the territory) and on an existing one (refresh); then the idle
# resident memory of the server, after serving each page once; and the binary size.
# Usage: bench/startup.sh [PATH_TO_RELEASE_BINARY]
set -euo pipefail
binary="${1:-${CARGO_TARGET_DIR:-$(dirname "$0")/../target}/release/souhra}"
[ -x "$binary" ] || { echo "build first: cargo build --release -p souhra" >&2; exit 2; }
port="${PORT:-18765}"
work="$(mktemp -d)"
trap 'kill ${pid:-} 2>/dev/null || true; rm -rf "$work"' EXIT

now() { date +%s.%N; }

# Starts the demo in the background (pid in $pid) and sets $elapsed to the seconds until the
# first 200 from /healthz.
start_and_wait() {
    local started
    started=$(now)
    SOUHRA_LOG=warn "$binary" demo --listen "127.0.0.1:$port" --data-dir "$work/data" >/dev/null 2>&1 &
    pid=$!
    until curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; do
        kill -0 "$pid" 2>/dev/null || { echo "souhra exited" >&2; exit 1; }
        sleep 0.005
    done
    elapsed=$(echo "$(now) - $started" | bc)
}

start_and_wait
printf 'demo start to first healthz 200, fresh data folder:    %6.3f s\n' "$elapsed"
kill -TERM "$pid"; wait "$pid" || true
start_and_wait
printf 'demo start to first healthz 200, existing data folder: %6.3f s\n' "$elapsed"

for path in / /nepomuk /plzensky-kraj /nepomuk/obec/558109-nepomuk '/nepomuk/obce?q=kr' /o-aplikaci /metrics; do
    curl -sf -o /dev/null "http://127.0.0.1:$port$path"
done
sleep 2
rss=$(ps -o rss= -p "$pid")
printf 'idle RSS after serving each page once:                 %6.1f MB\n' "$(echo "$rss / 1024" | bc -l)"
kill -TERM "$pid"; wait "$pid" || true
size=$(stat -c %s "$binary")
printf 'release binary size:                                    %6.1f MB (%s bytes)\n' "$(echo "$size / 1048576" | bc -l)" "$size"
printf 'demo database size:                                     %6.1f MB\n' "$(echo "$(stat -c %s "$work/data/souhra.db") / 1048576" | bc -l)"
