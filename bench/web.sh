#!/usr/bin/env bash
# Load benchmark of the public results page (issue 5): a text query plus a facet filter on a
# catalogue of N generated services (default 100,000), under wrk at 64 connections for 30 s,
# against the same page saved as a static file and served by nginx as the reference limit.
# Souhra is loaded twice: with the same URL every time (as when many people open a popular
# search; the server keeps the rendered page), and with a different URL every time (a nonce
# parameter the page ignores), so that every request is searched and rendered afresh.
# Prints requests/s, p50/p99 for each, the ratios, the page's transferred size and the server's
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
# The same page as a static file: gzipped by nginx on every request (port 18182), and
# compressed once beforehand (gzip_static, port 18183), as the server does with a kept page.
mkdir -p "$work/www" "$work/nginx"
cp "$work/page.html" "$work/www/page.html"
gzip -k -6 "$work/www/page.html"
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
    default_type text/html;
    server { listen 127.0.0.1:18182; root $work/www; }
    server { listen 127.0.0.1:18183; root $work/www; gzip_static on; }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
nginx_pid=$!
for _ in $(seq 1 100); do curl -sf http://127.0.0.1:18182/page.html >/dev/null && break; sleep 0.1; done
cat >"$work/fresh.lua" <<'LUA'
-- Every request a different URL: the page ignores the "n" parameter, the server's page cache
-- cannot answer it.
local n = 0
request = function()
    n = n + 1
    return wrk.format(nil, wrk.path .. "&n=" .. n .. "-" .. math.random(1000000))
end
LUA
load() { # url [wrk options] -> "requests/s p50 p99 non-2xx" (ms)
    local target="$1"
    shift
    wrk -t2 -c64 -d"${seconds}s" --latency -H 'Accept-Encoding: gzip' "$@" "$target" >"$work/wrk.txt"
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
read -r f_rps f_p50 f_p99 f_bad < <(load "$url" -s "$work/fresh.lua")
read -r n_rps n_p50 n_p99 n_bad < <(load "http://127.0.0.1:18182/page.html")
read -r z_rps z_p50 z_p99 z_bad < <(load "http://127.0.0.1:18183/page.html")
rss=$(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status")
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")
echo "catalogue: $services generated services; page $path ($found)"
printf 'souhra, same URL (page kept): %s req/s, p50 %s ms, p99 %s ms (non-2xx: %s)\n' "$s_rps" "$s_p50" "$s_p99" "$s_bad"
printf 'souhra, every URL new (searched and rendered): %s req/s, p50 %s ms, p99 %s ms (non-2xx: %s)\n' "$f_rps" "$f_p50" "$f_p99" "$f_bad"
printf 'nginx (same page, static, gzip per request): %s req/s, p50 %s ms, p99 %s ms (non-2xx: %s)\n' "$n_rps" "$n_p50" "$n_p99" "$n_bad"
printf 'nginx (same page, static, gzip_static): %s req/s, p50 %s ms, p99 %s ms (non-2xx: %s)\n' "$z_rps" "$z_p50" "$z_p99" "$z_bad"
awk -v a="$s_rps" -v f="$f_rps" -v b="$n_rps" -v z="$z_rps" 'BEGIN {
    printf "ratio to nginx gzip per request: %.1f %% with the page kept, %.1f %% rendered afresh (goal >= 50 %%)\n", 100 * a / b, 100 * f / b
    printf "ratio to nginx gzip_static: %.1f %% with the page kept, %.1f %% rendered afresh\n", 100 * a / z, 100 * f / z }'
printf 'page: %s bytes, %s bytes transferred with gzip (goal <= 100 KB)\n' "$raw" "$gz"
printf 'server memory: %s MB resident now, %s MB peak\n' "$((rss / 1024))" "$((hwm / 1024))"
