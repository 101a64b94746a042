#!/usr/bin/env bash
# The performance benchmark of issue 7 (`make bench`; results in BENCHMARKS.md).
#
#  1. makes sure dist/ is a current release build (runs `trunk build --release` when src/,
#     style/, loader/ ... are newer than dist/, or dist/ has no precompressed files);
#  2. makes sure Debian's nginx and its brotli_static module are installed (apt, said first);
#  3. serves a snapshot of dist/ (copied to a temp directory, so a rebuild during the run cannot
#     mix two builds) through that nginx on 127.0.0.1 with deploy/nginx.conf itself (only the
#     listen/TLS/root lines rewritten), as the "CDN" origin, and the benchmark's host pages
#     (bench/generated/host) from a second origin, so every widget file is a cross-origin
#     request exactly as on a partner page;
#  4. runs bench/run.mjs: headless /usr/bin/chromium driven by Playwright, the widget against
#     the hand-written vanilla-JS floor (bench/floor.js) in the same run; prints a table and
#     writes bench/results.json. Two profiles, in the same run: "normal" (this machine as it is:
#     the targets of issue 7) and "mobile" (issue 17: CPU 4× slower and Lighthouse's mobile
#     network through CDP, a phone's screen; figures and ratios, no targets; bench/mobile.mjs).
# nginx runs in the foreground of a child process, with pid, logs and temp files in a temp
# directory; it is stopped and the directory removed on exit (normal, error or Ctrl-C).
#
# Environment: BENCH_NO_BUILD=1 measures dist/ as it is, even if stale (warns);
# BENCH_PORT=8088 the first port tried (CDN; the host origin takes the next free one);
# BENCH_RUNS=7 runs per measurement; BENCH_PROFILE=normal|mobile|both (default both; Lighthouse,
# step 5, runs with the normal profile); BENCH_MOBILE_NETWORK=devtools|nominal (bench/mobile.mjs);
# CHROMIUM=/usr/bin/chromium.
# Arguments are passed to bench/run.mjs (e.g. --runs 9, --only load,big).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
export PATH="$repo/node_modules/.bin:$HOME/.cargo/bin:$PATH:/usr/sbin:/sbin"

say() { printf '\033[1mbench:\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- 1. the release bundle ---------------------------------------------------------------
build_inputs=(src style loader demo index.html build.rs Cargo.toml Cargo.lock Trunk.toml tools/post-build.mjs tools/wasm-ld.sh .cargo/config.toml rust-toolchain.toml package-lock.json)
why_build=""
if [ ! -f dist/news-widget.js ]; then
  why_build="dist/news-widget.js does not exist"
elif ! compgen -G "dist/*.wasm.br" >/dev/null; then
  why_build="dist/ has no .br files (not a release build)"
else
  newer=$(find "${build_inputs[@]}" -newer dist/news-widget.js -type f -print -quit 2>/dev/null || true)
  [ -n "$newer" ] && why_build="$newer is newer than dist/"
fi
if [ -z "$why_build" ]; then
  say "dist/ is a current release build"
elif [ "${BENCH_NO_BUILD:-}" = 1 ]; then
  say "WARNING: $why_build; measuring it anyway (BENCH_NO_BUILD=1)"
  [ -f dist/news-widget.js ] || exit 1
else
  say "$why_build: running trunk build --release"
  trunk build --release
fi

# --- 2. nginx + brotli_static --------------------------------------------------------------
brotli_module=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
missing_apt=()
command -v nginx >/dev/null || missing_apt+=(nginx)
[ -f "$brotli_module" ] || missing_apt+=(libnginx-mod-http-brotli-static)
if [ ${#missing_apt[@]} -gt 0 ]; then
  say "installing from apt: ${missing_apt[*]} (the benchmark serves dist/ through Debian's nginx;"
  say "  the package may also start the system nginx on port 80: the benchmark does not use it)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_apt[@]}"
else
  say "nginx $(nginx -v 2>&1 | sed 's/.*\///') and its brotli_static module present"
fi
[ -x /usr/bin/chromium ] || [ -n "${CHROMIUM:-}" ] || { echo "bench: /usr/bin/chromium not found (run tools/setup.sh)" >&2; exit 1; }

# --- 3. nginx on 127.0.0.1 ---------------------------------------------------------------
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p=$1
  while port_busy "$p" || [ "$p" = "${2:-}" ]; do p=$((p + 1)); done
  echo "$p"
}
cdn_port=$(free_port "${BENCH_PORT:-8088}")
host_port=$(free_port $((cdn_port + 1)) "$cdn_port")

tmp=$(mktemp -d /tmp/news-widget-bench.XXXXXX)
chmod 755 "$tmp"
nginx_pid=""
cleanup() {
  local status=$?
  if [ -n "$nginx_pid" ] && kill -0 "$nginx_pid" 2>/dev/null; then
    kill -QUIT "$nginx_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$nginx_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$nginx_pid" 2>/dev/null || true
    say "nginx stopped"
  fi
  if [ "$status" != 0 ] && [ -s "$tmp/error.log" ]; then
    echo "--- nginx error.log ---" >&2
    tail -n 20 "$tmp/error.log" >&2
  fi
  rm -rf "$tmp"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p bench/generated/host bench/generated/cdn

# Serve and measure a snapshot of dist/, so a rebuild during the run cannot mix two builds.
for i in $(seq 120); do
  [ -e dist/.stage ] || break
  [ "$i" = 1 ] && say "a trunk build is writing dist/ (dist/.stage exists): waiting for it to finish"
  sleep 5
done
[ -e dist/.stage ] && { echo "bench: dist/.stage still exists after 10 minutes" >&2; exit 1; }
mkdir "$tmp/dist"
cp -a dist/. "$tmp/dist/"
# (exit 1 is "over budget", reported by the benchmark itself; 2 is a broken bundle)
node tools/size-budget.mjs "$tmp/dist" >/dev/null || [ $? = 1 ] || { echo "bench: dist/ is incomplete or inconsistent (see: node tools/size-budget.mjs)" >&2; exit 1; }

# The CDN origin: deploy/nginx.conf up to its end marker, with the production listen, TLS and
# root lines rewritten, plus one location for the floor's script (so the floor, like the
# widget, is a cross-origin script served with the same rules).
marker='# --- tools/bench.sh serves everything above this line'
grep -qF "$marker" deploy/nginx.conf || { echo "bench: end marker missing in deploy/nginx.conf" >&2; exit 1; }
awk -v m="$marker" 'index($0, m) == 1 { exit } { print }' deploy/nginx.conf |
  sed -e "s|^\([[:space:]]*\)listen 443 ssl http2;|\1listen 127.0.0.1:$cdn_port;|" \
      -e '/^[[:space:]]*listen \[::\]:443/d' \
      -e '/^[[:space:]]*ssl_certificate/d' \
      -e 's|server_name cdn.example.com;|server_name 127.0.0.1;|' \
      -e "s|root /srv/news-widget;|root $tmp/dist;|" \
      -e "s|^\([[:space:]]*\)location / {|\1location ^~ /__bench/ { alias $repo/bench/generated/cdn/; }\n\n&|" \
  >"$tmp/cdn.conf"
for expect in "listen 127.0.0.1:$cdn_port;" "root $tmp/dist;" "alias $repo/bench/generated/cdn/;" \
  "brotli_static on;" "gzip_static on;" "application/wasm"; do
  grep -qF "$expect" "$tmp/cdn.conf" || { echo "bench: deploy/nginx.conf changed shape, cannot derive '$expect'" >&2; exit 1; }
done
if grep -v '^[[:space:]]*#' "$tmp/cdn.conf" | grep -qE 'ssl|/srv/news-widget|:443'; then
  echo "bench: deploy/nginx.conf changed shape (TLS or production paths left)" >&2
  exit 1
fi

# As root, nginx's workers need a user that can read the repo: its owner.
user_line=""
[ "$(id -u)" = 0 ] && user_line="user $(stat -c %U "$repo") $(stat -c %G "$repo");"
cat >"$tmp/nginx.conf" <<EOF
# Generated by tools/bench.sh; removed when the benchmark ends.
load_module $brotli_module;
$user_line
worker_processes 1;
pid $tmp/nginx.pid;
error_log $tmp/error.log warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    access_log $tmp/access.log;
    client_body_temp_path $tmp/body;
    proxy_temp_path $tmp/proxy;
    fastcgi_temp_path $tmp/fastcgi;
    uwsgi_temp_path $tmp/uwsgi;
    scgi_temp_path $tmp/scgi;

    # The CDN origin, from deploy/nginx.conf.
    include $tmp/cdn.conf;

    # The partner's own site: the benchmark pages, the seed article and its images.
    server {
        listen 127.0.0.1:$host_port;
        server_name 127.0.0.1;
        root $repo/bench/generated/host;
        charset utf-8;
        charset_types text/css application/javascript application/json image/svg+xml;
        brotli_static on;
        gzip_static on;
        gzip_vary on;
        add_header Cache-Control "no-store";
        location ^~ /articles/ { alias $tmp/dist/articles/; }
        location ^~ /images/ { alias $tmp/dist/images/; }
    }
}
EOF

nginx -t -q -p "$tmp" -e "$tmp/error.log" -c "$tmp/nginx.conf"
nginx -p "$tmp" -e "$tmp/error.log" -c "$tmp/nginx.conf" -g "daemon off;" &
nginx_pid=$!
for _ in $(seq 100); do
  port_busy "$cdn_port" && port_busy "$host_port" && break
  kill -0 "$nginx_pid" 2>/dev/null || { echo "bench: nginx exited" >&2; exit 1; }
  sleep 0.1
done
port_busy "$cdn_port" || { echo "bench: nginx did not start" >&2; exit 1; }
say "nginx (pid $nginx_pid): CDN http://127.0.0.1:$cdn_port/ = a copy of dist/ via deploy/nginx.conf, host http://127.0.0.1:$host_port/"

# --- 4. the measurements -----------------------------------------------------------------
profile=${BENCH_PROFILE:-both}
case "$profile" in normal | mobile | both) ;; *) echo "bench: BENCH_PROFILE is normal, mobile or both, not '$profile'" >&2; exit 2 ;; esac
node bench/run.mjs --cdn "http://127.0.0.1:$cdn_port" --host "http://127.0.0.1:$host_port" --dist "$tmp/dist" \
  --runs "${BENCH_RUNS:-7}" --profile "$profile" "$@"
[ "$profile" = mobile ] && { say "BENCH_PROFILE=mobile: Lighthouse (issue 8, normal profile) not run"; exit 0; }

# --- 5. Lighthouse on the demo page, as nginx serves it (issue 8: accessibility 100,
# best-practices >= 95; the script exits non-zero below those). Scores go to bench/lighthouse.txt.
say "Lighthouse on the demo page (http://127.0.0.1:$cdn_port/index.html)"
node tools/lighthouse.mjs "http://127.0.0.1:$cdn_port/index.html" | tee bench/lighthouse.txt
