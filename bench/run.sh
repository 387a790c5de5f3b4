#!/usr/bin/env bash
# Load benchmark (docs/benchmarks.md). Starts the packaged app on the generated data, and
# nginx serving a saved copy of one reply page, then measures each target with wrk:
# 32 connections, traffic to 127.0.0.1 only, every run ends by itself. Prints a Markdown
# table; raw output and logs go to target/bench/.
#
#   ./mvnw -q compile exec:java -Dexec.args="--replies=100000 --seed=42" -Ddafu.embedded-db.dir=/var/tmp/dafu-bench
#   ./mvnw -q -DskipTests package
#   bench/run.sh
#
# Settings (environment): BENCH_DB_DIR (/var/tmp/dafu-bench), BENCH_PORT (18080),
# BENCH_NGINX_PORT (18081), BENCH_DURATION (20s), BENCH_WARMUP (10s), BENCH_CONNECTIONS (32),
# BENCH_THREADS (2), BENCH_HEAP (512m), BENCH_SEARCH_2 (/search?q=光伏),
# BENCH_SEARCH_4 (/search?q=分布式光伏), BENCH_UNCACHED (1: also measure with the page cache off).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
DB_DIR=${BENCH_DB_DIR:-/var/tmp/dafu-bench}
PORT=${BENCH_PORT:-18080}
NGINX_PORT=${BENCH_NGINX_PORT:-18081}
DURATION=${BENCH_DURATION:-20s}
WARMUP=${BENCH_WARMUP:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
HEAP=${BENCH_HEAP:-512m}
SEARCH_2=${BENCH_SEARCH_2:-/search?q=光伏}
SEARCH_4=${BENCH_SEARCH_4:-/search?q=分布式光伏}
UNCACHED=${BENCH_UNCACHED:-1}
OUT=$ROOT/target/bench
mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/dafu-bench-XXXXXX)
chmod 755 "$WORK"
APP_PID=
NGINX_PID=

JAR=$(ls "$ROOT"/target/dafu-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)
[ -n "$JAR" ] || { echo "No target/dafu-*.jar: run ./mvnw -q -DskipTests package first" >&2; exit 1; }
[ -d "$DB_DIR" ] || { echo "No generated data in $DB_DIR: run the generator first (docs/benchmarks.md)" >&2; exit 1; }

stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=
}
cleanup() {
  stop_app
  if [ -n "$NGINX_PID" ] && kill -0 "$NGINX_PID" 2>/dev/null; then
    kill "$NGINX_PID"; wait "$NGINX_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# URL-encodes the query of a path (wrk sends the path as given).
encode() {
  python3 -c 'import sys, urllib.parse as u; p = sys.argv[1]; path, _, q = p.partition("?"); print(path + ("?" + u.urlencode(u.parse_qsl(q)) if q else ""))' "$1"
}

start_app() { # $1: extra arguments
  java -Xmx"$HEAP" -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
    --dafu.embedded-db.dir="$DB_DIR" --dafu.demo.enabled=false --dafu.notify.scheduler.enabled=false \
    $1 > "$OUT/app-$2.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 300); do
    if curl -fs "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; then return 0; fi
    kill -0 "$APP_PID" 2>/dev/null || { echo "The app did not start; see $OUT/app-$2.log" >&2; exit 1; }
    sleep 1
  done
  echo "The app did not answer within 300 s" >&2; exit 1
}

rss_mb() { echo $(( $(ps -o rss= -p "$APP_PID") / 1024 )); }

ROWS=()
measure() { # $1 label, $2 base url, $3 path or "random", $4 phase
  local label=$1 base=$2 path=$3 script=$ROOT/bench/report.lua url
  if [ "$path" = random ]; then script=$ROOT/bench/random-replies.lua; url=$base/
  elif [ "$path" = random-list ]; then script=$ROOT/bench/random-list-pages.lua; url=$base/
  else url=$base$(encode "$path"); fi
  BENCH_PAGES=$TOTAL_PAGES BENCH_IDS=$WORK/ids.txt wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$script" "$url" > /dev/null
  local result
  result=$(BENCH_PAGES=$TOTAL_PAGES BENCH_IDS=$WORK/ids.txt wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$script" "$url" \
    | tee -a "$OUT/wrk-$4.txt" | grep '^RESULT')
  read -r _ rps p50 p99 non2xx errors bytes <<< "$result"
  local rss=-
  [ -n "$APP_PID" ] && [ "$base" = "http://127.0.0.1:$PORT" ] && rss=$(rss_mb)
  ROWS+=("| $4 | $label | \`$path\` | $rps | $p50 | $p99 | $non2xx | $errors | $rss |")
  echo "$4 $label: $rps req/s, p50 $p50 ms, p99 $p99 ms, non-2xx $non2xx, errors $errors, RSS ${rss} MB" >&2
}

echo "Machine: $(nproc) cores, $(free -m | awk '/Mem:/ {print $2}') MB, $(date -u)" >&2
echo "Load before: $(uptime)" >&2
LOAD_BEFORE=$(uptime | sed 's/.*load average: //')

start_app "" cached
BASE=http://127.0.0.1:$PORT

# Reply ids from list pages across the whole list; a session id for the statistics.
# "第 1 / 3,831 页，共 76,617 件": the page count, without the grouping commas.
TOTAL_PAGES=$(curl -fs "$BASE/replies" | grep -o '/ [0-9,]* 页' | tr -d ', /页' | head -1 || true)
TOTAL_PAGES=${TOTAL_PAGES:-1}
: > "$WORK/ids.txt"
for i in $(seq 0 99); do
  page=$(( 1 + i * (TOTAL_PAGES - 1) / 99 ))
  curl -fs "$BASE/replies?page=$page" | grep -o 'href="/replies/[0-9]*"' | grep -o '[0-9]*' >> "$WORK/ids.txt" || true
done
sort -u -o "$WORK/ids.txt" "$WORK/ids.txt"
REPLY=$(head -1 "$WORK/ids.txt")
DEEP=$(( TOTAL_PAGES * 3 / 4 ))
SESSION=$(curl -fs "$BASE/statistics" | grep -o 'href="/statistics/sessions/[0-9]*"' | head -1 | grep -o '[0-9]*' || true)
echo "List pages: $TOTAL_PAGES; $(wc -l < "$WORK/ids.txt") reply ids; reply $REPLY; deep page $DEEP; session ${SESSION:-none}" >&2

# nginx: the same reply page's bytes as a static file.
mkdir -p "$WORK/www" "$WORK/logs"
curl -fs "$BASE/replies/$REPLY" -o "$WORK/www/reply.html"
REPLY_BYTES=$(stat -c %s "$WORK/www/reply.html")
chmod -R a+rX "$WORK"
cat > "$WORK/nginx.conf" <<CONF
daemon off;
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/tmp-body;
  proxy_temp_path $WORK/tmp-proxy;
  fastcgi_temp_path $WORK/tmp-fastcgi;
  uwsgi_temp_path $WORK/tmp-uwsgi;
  scgi_temp_path $WORK/tmp-scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    location / { default_type text/html; }
  }
}
CONF
/usr/sbin/nginx -p "$WORK" -c "$WORK/nginx.conf" &
NGINX_PID=$!
sleep 1

measure "nginx, saved reply page (${REPLY_BYTES} bytes)" "http://127.0.0.1:$NGINX_PORT" /reply.html cache-on
measure "reply page (same page)" "$BASE" "/replies/$REPLY" cache-on
measure "random reply pages" "$BASE" random cache-on
measure "home" "$BASE" / cache-on
measure "list page 1" "$BASE" "/replies?page=1" cache-on
measure "list page $DEEP (deep)" "$BASE" "/replies?page=$DEEP" cache-on
for search in "$SEARCH_2" "$SEARCH_4"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$(encode "$search")")
  if [ "$code" = 200 ]; then
    measure "search" "$BASE" "$search" cache-on
  else
    ROWS+=("| cache-on | search | \`$search\` | skipped: answers $code (search not built on this branch) | | | | | |")
    echo "search $search skipped: HTTP $code" >&2
  fi
done
if [ -n "$SESSION" ]; then
  measure "statistics page" "$BASE" "/statistics/sessions/$SESSION" cache-on
  measure "JSON API statistics" "$BASE" "/api/v1/sessions/$SESSION/statistics" cache-on
fi
RSS_CACHED=$(rss_mb)
stop_app

if [ "$UNCACHED" = 1 ]; then
  start_app "--dafu.page-cache.enabled=false" uncached
  measure "reply page (same page)" "$BASE" "/replies/$REPLY" cache-off
  measure "random reply pages" "$BASE" random cache-off
  measure "list page 1" "$BASE" "/replies?page=1" cache-off
  measure "list page $DEEP (deep)" "$BASE" "/replies?page=$DEEP" cache-off
  measure "random list pages" "$BASE" random-list cache-off
  stop_app
fi

echo
echo "Machine: $(nproc) cores, $(free -m | awk '/Mem:/ {print $2}') MB RAM, $(date -u '+%Y-%m-%d %H:%M UTC'); app heap -Xmx$HEAP;" \
  "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency after a $WARMUP warm-up, on the same machine"
echo "Load average before: $LOAD_BEFORE; after: $(uptime | sed 's/.*load average: //')"
echo "App RSS at the end of the cached runs: ${RSS_CACHED} MB"
echo
echo "| page cache | target | path | requests/s | p50 ms | p99 ms | non-2xx | socket errors | app RSS MB |"
echo "|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
