#!/usr/bin/env bash
# Load benchmark of the public results page (issue 5): a text query plus a facet filter on a
# catalogue of N generated services (default 100,000), under wrk at 64 connections for 30 s,
# against the same page saved as a static file and served by nginx as the reference limit.
# Prints requests/s, p50/p99 for both, their ratio, the page's transferred size and the server's
# memory. Usage: bench/web.sh [SERVICES] [SECONDS]   (needs a release build; installs wrk and
# nginx-light with apt when missing).
set -euo pipefail
services="${1:-100000}"
seconds="${2:-30}"
here="$(cd "$(dirname "$0")" && pwd)"
binary="${SOUHRA_BIN:-${CARGO_TARGET_DIR:-$here/../target}/release/souhra}"
[ -x "$binary" ] || { echo "no release binary at $binary (cargo build --release -p souhra)" >&2; exit 2; }
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || need+=(nginx-light)
if [ ${#need[@]} -gt 0 ]; then
    echo "installing ${need[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${need[@]}" >/dev/null
fi
work="$(mktemp -d)"
server_pid=""
nginx_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
export HOME="$work" SOUHRA_DATA_DIR="$work/data" SOUHRA_LOG=warn
mkdir -p "$SOUHRA_DATA_DIR"
echo "generating and importing $services services"
"$binary" gen registry --services "$services" -o "$work/rpss.json" >/dev/null
"$binary" area add --slug plzensky-kraj --region 43 >/dev/null
"$binary" import mpsv --all "$work/rpss.json" >/dev/null
port=18181
"$binary" serve --listen "127.0.0.1:$port" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; exit 1; }
    sleep 0.2
done
path="/plzensky-kraj/sluzby?q=senio%C5%99i&forma=ter"
url="http://127.0.0.1:$port$path"
status="$(curl -s -o "$work/page.html" -w '%{http_code}' "$url")"
[ "$status" = 200 ] || { echo "the results page answered $status" >&2; exit 1; }
raw=$(stat -c %s "$work/page.html")
gz=$(curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$url")
found="$(grep -o 'Nalezen[^<]*' "$work/page.html" | head -1)"
# The same page as a static file, gzipped by nginx as the server does.
mkdir -p "$work/www" "$work/nginx"
cp "$work/page.html" "$work/www/page.html"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
user root;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    gzip on;
    gzip_types text/html;
    default_type text/html;
    server { listen 127.0.0.1:18182; root $work/www; }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
nginx_pid=$!
for _ in $(seq 1 100); do curl -sf http://127.0.0.1:18182/page.html >/dev/null && break; sleep 0.1; done
load() { # url -> "requests/s p50 p99" (ms)
    wrk -t2 -c64 -d"${seconds}s" --latency -H 'Accept-Encoding: gzip' "$1" >"$work/wrk.txt"
    awk '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /Requests\/sec/ { rps = $2 }
        /^ +50%/ { p50 = ms($2) }
        /^ +99%/ { p99 = ms($2) }
        /Non-2xx/ { bad = $NF }
        END { printf "%.0f %.2f %.2f %s\n", rps, p50, p99, bad + 0 }' "$work/wrk.txt"
}
curl -s -o /dev/null "$url"  # warm
read -r s_rps s_p50 s_p99 s_bad < <(load "$url")
read -r n_rps n_p50 n_p99 n_bad < <(load "http://127.0.0.1:18182/page.html")
rss=$(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status")
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")
echo "catalogue: $services generated services; page $path ($found)"
printf 'souhra: %s req/s, p50 %s ms, p99 %s ms (non-2xx: %s)\n' "$s_rps" "$s_p50" "$s_p99" "$s_bad"
printf 'nginx (same page, static): %s req/s, p50 %s ms, p99 %s ms (non-2xx: %s)\n' "$n_rps" "$n_p50" "$n_p99" "$n_bad"
awk -v a="$s_rps" -v b="$n_rps" 'BEGIN { printf "ratio: %.1f %% of nginx (goal >= 50 %%)\n", 100 * a / b }'
printf 'page: %s bytes, %s bytes transferred with gzip (goal <= 100 KB)\n' "$raw" "$gz"
printf 'server memory: %s MB resident now, %s MB peak\n' "$((rss / 1024))" "$((hwm / 1024))"
