#!/usr/bin/env bash
# Accessibility check: starts `souhra demo` and runs check.mjs against it. Installs Debian's
# chromium and the npm packages when missing. Usage: tests/a11y/run.sh [PATH_TO_SOUHRA_BINARY]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
binary="${1:-${CARGO_TARGET_DIR:-$here/../../target}/debug/souhra}"
[ -x "$binary" ] || { echo "no souhra binary at $binary (build it first)" >&2; exit 2; }

if ! command -v chromium >/dev/null 2>&1; then
    echo "installing Debian's chromium"
    if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi
fi
if [ ! -d "$here/node_modules/@axe-core/playwright" ]; then
    (cd "$here" && npm ci --no-audit --no-fund --silent)
fi

work="$(mktemp -d)"
output="$work/demo.out"
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
SOUHRA_LOG=warn "$binary" demo --listen 127.0.0.1:0 --data-dir "$work/data" >"$output" &
pid=$!
url=""
for _ in $(seq 1 600); do
    url="$(sed -n 's|^Souhra demo is running at \(http://[^ ]*\)/$|\1|p' "$output")"
    [ -n "$url" ] && break
    kill -0 "$pid" 2>/dev/null || { echo "souhra demo exited early" >&2; exit 1; }
    sleep 0.1
done
[ -n "$url" ] || { echo "souhra demo did not start" >&2; exit 1; }
node "$here/check.mjs" "$url"
