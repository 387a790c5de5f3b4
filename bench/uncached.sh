#!/usr/bin/env bash
# The uncached benchmark (docs/benchmarks.md, "How to run the uncached benchmarks"): what a
# visitor pays when the page cache has not seen the page, measured with distinct requests.
# HTTP only, so it runs against any version of the app. Two phases, each a fresh start of
# the packaged app (java -Xmx512m) on the generated data, nginx serving saved copies of the
# same reply pages beside it (127.0.0.1 only; every wrk run ends by itself):
#
#   A. page cache on (the default configuration):
#      - time of the first /, /figures and /statistics after start (curl);
#      - every public reply id, from the list pages 1..N (N read from page 1);
#      - nginx: one saved reply page; the same page from the app repeated after a warm-up
#        ("cached": the same URL over and over);
#      - search: distinct 2- and 4-character words taken from the letters of sampled reply
#        pages (bench/words.py), each asked once, /search?q= and then /api/v1/replies?q=,
#        after a warm-up with other words (no word is ever asked twice in the app's life);
#      - the cached reply page again while an official saves a draft once a second through
#        the editor (bench/draft-saver.py; an official account is made by the coordinator
#        that the app creates at start from dafu.admin.username/password);
#      - the search index size on disk.
#   B. page cache off (--dafu.page-cache.enabled=false):
#      - first /, /figures, /statistics after start, then 5 more requests of each;
#      - nginx: the sampled reply pages at random; the app: random reply pages over all
#        public ids; list page 1; random list pages 1..N; random reply pages while the
#        draft is saved once a second.
#   The app's resident memory (ps -o rss, sampled every second) is recorded for every run.
#   Before the first measured run of the app in each phase, the JVM is warmed for
#   BENCH_JIT_WARMUP (300 s) with the traffic of that phase that is not measured as distinct:
#   in A the warm-up words, asked again and again (so no measured word is ever asked
#   before its run); in B random reply and list pages (the page cache is off, so a page seen
#   in the warm-up is rendered again when it comes up). On two cores the JIT compilers take
#   minutes to finish: a reply page ran at a third of its settled rate in the first 40 s.
#   The rate of each 30 s round of the warm-up is logged and reported. The draft is saved
#   during the warm-up as well, so that the save path is as warm as the pages: first alone,
#   as fast as the app answers, for BENCH_SAVE_WARMUP seconds (120; a save every
#   BENCH_SAVE_WARMUP_INTERVAL, 0.05 s, at most), then once a second. At one save a second
#   the save path's code takes an hour to be compiled, and the compiler's work, not the
#   saves, took a tenth of the page's rate. The runs with saves are compared with the mean
#   of a run just before and one just after them, so that the machine's drift over the
#   minute cancels out.
#
# Usage (from the repository root, after generating data and packaging):
#   ./mvnw -q compile exec:java -Dexec.args="--replies=100000 --seed=42" -Ddafu.embedded-db.dir=/var/tmp/dafu-bench
#   ./mvnw -q -DskipTests package
#   bench/uncached.sh                  # prints the Markdown summary; also target/bench/uncached.md
#
# Settings (environment): BENCH_DB_DIR (/var/tmp/dafu-bench), BENCH_PORT (18080),
# BENCH_NGINX_PORT (18081), BENCH_DURATION (20s), BENCH_WARMUP (10s before each measured run),
# BENCH_JIT_WARMUP (300 s, in 30 s rounds, once per phase; 0 for none), BENCH_SAVE_WARMUP
# (120 s of saves as fast as they go, alone, before each warm-up; 0 for none),
# BENCH_SAVE_WARMUP_INTERVAL (0.05 s), BENCH_CONNECTIONS (32),
# BENCH_THREADS (2), BENCH_TIMEOUT (30s: slower answers count as socket errors and are left
# out of the latency), BENCH_HEAP (512m), BENCH_SAMPLE_PAGES (300 reply pages saved for
# nginx), BENCH_WORD_PAGES (300 reply pages the words are taken from), BENCH_WORDS (20000
# words at most), BENCH_LIST_WALKERS (4 parallel curls walking the list), BENCH_IDS_FILE
# (public reply ids, one a line, instead of walking the list: e.g. target/bench/uncached-ids.txt
# from an earlier run on the same data), BENCH_INDEX_DIR (the search index; default: the first directory under
# BENCH_DB_DIR or ./data holding Lucene segments), BENCH_APP_ARGS (more arguments for the
# app), BENCH_COORDINATOR / BENCH_COORDINATOR_PASSWORD (the coordinator made at start),
# BENCH_OUT (target/bench/uncached.md).
# Takes about 20 minutes plus the walk of the list (100,000 replies: about 4,000 list pages).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
DB_DIR=${BENCH_DB_DIR:-/var/tmp/dafu-bench}
PORT=${BENCH_PORT:-18080}
NGINX_PORT=${BENCH_NGINX_PORT:-18081}
DURATION=${BENCH_DURATION:-20s}
WARMUP=${BENCH_WARMUP:-10s}
JIT_WARMUP=${BENCH_JIT_WARMUP:-300}
SAVE_WARMUP=${BENCH_SAVE_WARMUP:-120}
SAVE_WARMUP_INTERVAL=${BENCH_SAVE_WARMUP_INTERVAL:-0.05}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
HEAP=${BENCH_HEAP:-512m}
SAMPLE_PAGES=${BENCH_SAMPLE_PAGES:-300}
WORD_PAGES=${BENCH_WORD_PAGES:-300}
TIMEOUT=${BENCH_TIMEOUT:-30s}
WORDS=${BENCH_WORDS:-20000}
WALKERS=${BENCH_LIST_WALKERS:-4}
INDEX_DIR=${BENCH_INDEX_DIR:-}
APP_ARGS=${BENCH_APP_ARGS:-}
COORDINATOR=${BENCH_COORDINATOR:-bench-coordinator}
COORDINATOR_PASSWORD=${BENCH_COORDINATOR_PASSWORD:-Bench-coordinator-5k8w!}
OUT=$ROOT/target/bench
RESULT=${BENCH_OUT:-$OUT/uncached.md}
mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/dafu-bench-XXXXXX)
chmod 755 "$WORK"
APP_PID=
NGINX_PID=
SAVER_PID=
SAMPLER_PID=
export BENCH_THREADS=$THREADS

for tool in wrk curl python3 java; do
  command -v "$tool" > /dev/null || { echo "$tool is missing (apt-get install -y wrk nginx curl python3)" >&2; exit 1; }
done
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$NGINX" ] || { echo "nginx is missing (apt-get install -y nginx)" >&2; exit 1; }
JAR=$(ls "$ROOT"/target/dafu-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)
[ -n "$JAR" ] || { echo "No target/dafu-*.jar: run ./mvnw -q -DskipTests package first" >&2; exit 1; }
[ -d "$DB_DIR" ] || { echo "No generated data in $DB_DIR: run the generator first (docs/benchmarks.md)" >&2; exit 1; }

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

stop_pid() { # $1 pid
  if [ -n "$1" ] && kill -0 "$1" 2>/dev/null; then
    kill "$1"; wait "$1" 2>/dev/null || true
  fi
}
stop_app() { stop_pid "$APP_PID"; APP_PID=; }
cleanup() {
  stop_pid "$SAMPLER_PID"
  stop_pid "$SAVER_PID"
  stop_app
  stop_pid "$NGINX_PID"
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

START_SECONDS=
start_app() { # $1: phase name, $2: extra arguments
  local started
  started=$(date +%s)
  # shellcheck disable=SC2086
  java -Xmx"$HEAP" -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
    --dafu.embedded-db.dir="$DB_DIR" --dafu.demo.enabled=false --dafu.notify.scheduler.enabled=false \
    --dafu.admin.username="$COORDINATOR" --dafu.admin.password="$COORDINATOR_PASSWORD" \
    $2 $APP_ARGS > "$OUT/app-uncached-$1.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 1800); do
    if curl -fs "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; then
      START_SECONDS=$(( $(date +%s) - started ))
      log "app up ($1) after $START_SECONDS s, pid $APP_PID"
      return 0
    fi
    kill -0 "$APP_PID" 2>/dev/null || { echo "The app did not start; see $OUT/app-uncached-$1.log" >&2; exit 1; }
    sleep 1
  done
  echo "The app did not answer within 1800 s" >&2; exit 1
}

rss_mb() { echo $(( $(ps -o rss= -p "$APP_PID") / 1024 )); }

# curl timing of one request: "seconds status bytes"
timed() { curl -s -o /dev/null -w '%{time_total} %{http_code} %{size_download}' --max-time 120 "$BASE$1"; }
ms() { python3 -c 'import sys; print(f"{float(sys.argv[1]) * 1000:.0f}")' "$1"; }

declare -A RPS P50 P99 NON2XX ERRS RSS LABEL SENT FROM UNTIL
ORDERED=()
# measure KEY LABEL BASE PATHS ORDER [WARM_PATHS]: a warm-up run (WARM_PATHS, or PATHS when
# not given; "none" for no warm-up), then the measured run; the app's RSS sampled meanwhile.
measure() {
  local key=$1 label=$2 base=$3 paths=$4 order=$5 warm=${6:-$4} result sent
  if [ "$warm" != none ]; then
    BENCH_PATHS=$warm BENCH_ORDER=$order wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout "$TIMEOUT" \
      -s "$ROOT/bench/paths.lua" "$base/" > /dev/null
  fi
  local samples=$WORK/rss-$key.txt
  : > "$samples"
  if [ -n "$APP_PID" ] && [ "$base" = "$BASE" ]; then
    (while kill -0 "$APP_PID" 2>/dev/null; do ps -o rss= -p "$APP_PID" >> "$samples" || true; sleep 1; done) &
    SAMPLER_PID=$!
  fi
  FROM[$key]=$(date +%s.%N)
  result=$(BENCH_PATHS=$paths BENCH_ORDER=$order wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$TIMEOUT" \
    --latency -s "$ROOT/bench/paths.lua" "$base/" | tee -a "$OUT/wrk-uncached.txt")
  UNTIL[$key]=$(date +%s.%N)
  stop_pid "$SAMPLER_PID"; SAMPLER_PID=
  read -r _ RPS[$key] P50[$key] P99[$key] NON2XX[$key] ERRS[$key] _ <<< "$(grep '^RESULT' <<< "$result")"
  sent=$(grep '^SENT' <<< "$result" || true)
  SENT[$key]=-
  [ -n "$sent" ] && SENT[$key]="$(awk '{printf "%d distinct, %d repeated", $2, $3; if ($4 > 0) printf ", words ran out after %.1f s (the rate counts until then)", $4}' <<< "$sent")"
  RSS[$key]=-
  [ -s "$samples" ] && RSS[$key]=$(sort -n "$samples" | tail -1 | awk '{printf "%d", $1 / 1024}')
  LABEL[$key]=$label
  ORDERED+=("$key")
  log "$key $label: ${RPS[$key]} req/s, p50 ${P50[$key]} ms, p99 ${P99[$key]} ms, non-2xx ${NON2XX[$key]}," \
    "errors ${ERRS[$key]}, RSS max ${RSS[$key]} MB, sent ${SENT[$key]}"
}

# jit_warmup PHASE PATHS...: random requests over the given path files for JIT_WARMUP
# seconds, in 30 s rounds; each round's rate is logged and kept for the summary.
declare -A JIT
jit_warmup() {
  local phase=$1 rounds result rates=()
  shift
  rounds=$(( (JIT_WARMUP + 29) / 30 ))
  [ "$rounds" -gt 0 ] || { JIT[$phase]="none"; return 0; }
  cat "$@" > "$WORK/jit-$phase.txt"
  # the official saves the draft first as fast as the app answers, alone (at one save a
  # second the save path stays half compiled for an hour; beside 32 busy connections a
  # save takes half a second), then once a second during the rounds, so that the save
  # path is warm too when the runs with saves are measured
  local fast=0
  if [ "$SAVE_WARMUP" -gt 0 ]; then
    start_saver "$SAVE_WARMUP_INTERVAL"
    sleep "$SAVE_WARMUP"
    stop_pid "$SAVER_PID"; SAVER_PID=
    fast=$(grep -c '^saved' "$WORK/saver.txt" || true)
  fi
  start_saver
  for _ in $(seq 1 "$rounds"); do
    result=$(BENCH_PATHS=$WORK/jit-$phase.txt BENCH_ORDER=random wrk -t"$THREADS" -c"$CONNECTIONS" -d30s \
      --timeout "$TIMEOUT" -s "$ROOT/bench/paths.lua" "$BASE/" | grep '^RESULT')
    rates+=("$(awk '{printf "%.0f", $2}' <<< "$result")")
  done
  stop_pid "$SAVER_PID"; SAVER_PID=
  JIT[$phase]="$fast draft saves as fast as they went in $SAVE_WARMUP s, then $(IFS=,; echo "${rates[*]}" | sed 's/,/, /g') requests/s with $(grep -c '^saved' "$WORK/saver.txt") saves once a second"
  log "JIT warm-up ($phase, $rounds rounds of 30 s): ${JIT[$phase]}"
}

SAVES=()
start_saver() { # [$1 seconds between saves, default 1]
  : > "$WORK/saver.txt"
  python3 "$ROOT/bench/draft-saver.py" "$BASE" "$COORDINATOR" "$COORDINATOR_PASSWORD" "$WORK/saver.txt" "${1:-1}" \
    2>> "$OUT/draft-saver.log" &
  SAVER_PID=$!
  for _ in $(seq 1 120); do
    grep -q '^ready' "$WORK/saver.txt" 2>/dev/null && { log "draft saver: $(head -1 "$WORK/saver.txt")"; return 0; }
    kill -0 "$SAVER_PID" 2>/dev/null || break
    sleep 1
  done
  echo "The draft saver did not save; see $OUT/draft-saver.log" >&2; exit 1
}
stop_saver() { # $1 phase, $2 the key of the run measured meanwhile
  stop_pid "$SAVER_PID"; SAVER_PID=
  local during
  during=$(awk -v from="${FROM[$2]}" -v until="${UNTIL[$2]}" '$1 == "saved" && $2 >= from && $2 <= until' "$WORK/saver.txt" | wc -l)
  LABEL[$2]="${LABEL[$2]} (saves during the run: $during)"
  SAVES+=("$1: saves during the measured $DURATION: $during; in all $(awk '$1 == "saves" {printf "%s saved, %s failed, %s ms mean, %s ms max a save, draft %s", $2, $4, $6, $8, $10}' "$WORK/saver.txt")")
  log "draft saver stopped: ${SAVES[-1]}"
}

declare -A FIRST
first_requests() { # $1 phase
  for path in / /figures /statistics; do
    read -r t code bytes <<< "$(timed "$path")"
    FIRST[$1$path]="$(ms "$t") ms ($code, $bytes bytes)"
    log "first $path after start ($1): ${FIRST[$1$path]}"
  done
}

target() { # $1 text, $2 condition (Python), $3 figure
  local met
  met=$(python3 -c 'import sys
try: print("yes" if eval(sys.argv[1]) else "no")
except Exception: print("-")' "$2")
  echo "| $1 | $3 | $met |"
}

mean() { # of two rates; "-" when one is missing
  python3 -c 'import sys
try: print(f"{(float(sys.argv[1]) + float(sys.argv[2])) / 2:.2f}")
except Exception: print("-")' "${1:--}" "${2:--}"
}

ratio() { # $1 over $2, percent
  python3 -c 'import sys; a, b = sys.argv[1], sys.argv[2]
try: r = 100 * float(a) / float(b); print(f"{r:.2f}%" if r < 10 else f"{r:.1f}%")
except Exception: print("-")' "${1:--}" "${2:--}"
}

MACHINE="$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')), $(free -m | awk '/Mem:/ {print $2}') MB RAM, kernel $(uname -r), $(java -version 2>&1 | head -1)"
BEGIN=$(date -u '+%Y-%m-%d %H:%M UTC')
LOAD_BEFORE=$(uptime | sed 's/.*load average: //')
log "Machine: $MACHINE; load before: $LOAD_BEFORE"

# ---------------------------------------------------------------- A: page cache on
BASE=http://127.0.0.1:$PORT
start_app cache-on ""
START_A=$START_SECONDS
first_requests cache-on

# All public reply ids: walk the list. "第 1 / 3,831 页": the page count; else the highest
# page= link on page 1.
PAGE1=$(curl -fs "$BASE/replies")
TOTAL_PAGES=$(grep -o '/ [0-9,]* 页' <<< "$PAGE1" | tr -d ', /页' | head -1 || true)
[ -n "$TOTAL_PAGES" ] || TOTAL_PAGES=$(grep -o 'page=[0-9]*' <<< "$PAGE1" | grep -o '[0-9]*' | sort -n | tail -1 || true)
TOTAL_PAGES=${TOTAL_PAGES:-1}
WALK_START=$(date +%s)
if [ -n "${BENCH_IDS_FILE:-}" ]; then
  sort -un "$BENCH_IDS_FILE" > "$WORK/ids.txt"
else
  seq 1 "$TOTAL_PAGES" | xargs -P "$WALKERS" -I{} curl -fs "$BASE/replies?page={}" \
    | grep -o 'href="/replies/[0-9]*"' | grep -o '[0-9]*' | sort -un > "$WORK/ids.txt" || true
fi
WALK_SECONDS=$(( $(date +%s) - WALK_START ))
cp "$WORK/ids.txt" "$OUT/uncached-ids.txt"
IDS=$(wc -l < "$WORK/ids.txt")
[ "$IDS" -gt 0 ] || { echo "No reply ids found on the list pages" >&2; exit 1; }
sed 's|^|/replies/|' "$WORK/ids.txt" > "$WORK/reply-paths.txt"
seq 1 "$TOTAL_PAGES" | sed 's|^|/replies?page=|' > "$WORK/list-paths.txt"
echo "/replies?page=1" > "$WORK/list-1.txt"
log "list: $TOTAL_PAGES pages, $IDS public reply ids, walked in $WALK_SECONDS s"

# Sample reply pages: the letters the words come from, and (the first ones) the same bytes
# for nginx.
mkdir -p "$WORK/www/replies" "$WORK/logs" "$WORK/pages"
shuf -n "$WORD_PAGES" --random-source=<(yes) "$WORK/ids.txt" > "$WORK/word-pages.txt"
xargs -P "$WALKERS" -I{} curl -fs "$BASE/replies/{}" -o "$WORK/pages/{}" < "$WORK/word-pages.txt" || true
head -n "$SAMPLE_PAGES" "$WORK/word-pages.txt" > "$WORK/sample.txt"
while read -r id; do
  [ -f "$WORK/pages/$id" ] && cp "$WORK/pages/$id" "$WORK/www/replies/$id"
done < "$WORK/sample.txt"
ls "$WORK/www/replies" | sed 's|^|/replies/|' > "$WORK/nginx-paths.txt"
REPLY=$(ls "$WORK/www/replies" | head -1)
cp "$WORK/www/replies/$REPLY" "$WORK/www/reply.html"
REPLY_BYTES=$(stat -c %s "$WORK/www/reply.html")
SAMPLE_BYTES=$(cat "$WORK/www/replies/"* | wc -c)
SAMPLE_COUNT=$(wc -l < "$WORK/nginx-paths.txt")
echo "/replies/$REPLY" > "$WORK/reply-one.txt"
echo "/reply.html" > "$WORK/nginx-one.txt"
WORDS_SUMMARY=$(python3 "$ROOT/bench/words.py" "$WORK/pages" "$WORK/words" "$WORDS")
cp "$WORK/words/words.txt" "$OUT/uncached-words.txt"
log "words: $WORDS_SUMMARY"

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
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf" &
NGINX_PID=$!
sleep 1
NGINX_BASE=http://127.0.0.1:$NGINX_PORT

measure nginx-one "nginx, the saved reply page ($REPLY_BYTES bytes)" "$NGINX_BASE" "$WORK/nginx-one.txt" random
measure cached-one "reply page, cache on, the same URL repeated after warm-up" "$BASE" "$WORK/reply-one.txt" random
measure cached-random "random reply pages over all ids, cache on" "$BASE" "$WORK/reply-paths.txt" random
jit_warmup cache-on "$WORK/words/warm-search.txt" "$WORK/words/warm-api.txt"
measure search "/search?q=, distinct words, each once" "$BASE" "$WORK/words/search.txt" once "$WORK/words/warm-search.txt"
measure api "/api/v1/replies?q=, distinct words, each once" "$BASE" "$WORK/words/api.txt" once "$WORK/words/warm-api.txt"
measure cached-one-base "reply page, cache on, same URL, again (the baseline for the saves)" "$BASE" "$WORK/reply-one.txt" random
start_saver
measure cached-one-saves "reply page, cache on, same URL, draft saved every second" "$BASE" "$WORK/reply-one.txt" random
stop_saver cache-on cached-one-saves
measure cached-one-after "reply page, cache on, same URL, after the saves" "$BASE" "$WORK/reply-one.txt" random

if [ -z "$INDEX_DIR" ]; then
  # Lucene writes segments_N files; Hibernate Search puts each index in its own directory
  # under the index root (<root>/<index>/segments_N): report the root.
  segments=$(find "$DB_DIR" "$ROOT/data" -maxdepth 4 -name 'segments_*' 2>/dev/null | head -1 || true)
  if [ -n "$segments" ]; then
    INDEX_DIR=$(dirname "$segments")
    parent=$(dirname "$INDEX_DIR")
    if [ "$parent" != "$DB_DIR" ] && [ "$parent" != "$ROOT/data" ]; then INDEX_DIR=$parent; fi
  fi
fi
if [ -n "$INDEX_DIR" ] && [ -d "$INDEX_DIR" ]; then
  INDEX_SIZE="$(du -sh "$INDEX_DIR" | cut -f1) in $INDEX_DIR"
else
  INDEX_SIZE="no Lucene index found (BENCH_INDEX_DIR to name it; this build may search in PostgreSQL)"
fi
DB_SIZE=$(du -sh "$DB_DIR" | cut -f1)
log "search index: $INDEX_SIZE; data directory: $DB_SIZE"
stop_app

# ---------------------------------------------------------------- B: page cache off
start_app cache-off "--dafu.page-cache.enabled=false"
START_B=$START_SECONDS
first_requests cache-off
declare -A AGAIN
for path in / /figures /statistics; do
  times=()
  for _ in 1 2 3 4 5; do read -r t _ _ <<< "$(timed "$path")"; times+=("$(ms "$t")"); done
  AGAIN[$path]=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%d / %d ms", a[3], a[NR]}')
  log "$path cache off, 5 more: median / max ${AGAIN[$path]}"
done

jit_warmup cache-off "$WORK/reply-paths.txt" "$WORK/list-paths.txt"
measure nginx-random "nginx, $SAMPLE_COUNT saved reply pages at random" "$NGINX_BASE" "$WORK/nginx-paths.txt" random
measure uncached-random "random reply pages over all $IDS ids, cache off" "$BASE" "$WORK/reply-paths.txt" random
start_saver
measure uncached-random-saves "random reply pages, cache off, draft saved every second" "$BASE" "$WORK/reply-paths.txt" random
stop_saver cache-off uncached-random-saves
measure uncached-random-after "random reply pages, cache off, after the saves" "$BASE" "$WORK/reply-paths.txt" random
measure list-1 "list page 1, cache off" "$BASE" "$WORK/list-1.txt" random
measure list-random "random list pages 1..$TOTAL_PAGES, cache off" "$BASE" "$WORK/list-paths.txt" random
stop_app

# ---------------------------------------------------------------- summary
LOAD_AFTER=$(uptime | sed 's/.*load average: //')
# the runs with saves against the mean of the runs just before and just after them
NO_SAVES_ON=$(mean "${RPS[cached-one-base]}" "${RPS[cached-one-after]}")
NO_SAVES_OFF=$(mean "${RPS[uncached-random]}" "${RPS[uncached-random-after]}")
row() { # key, ratio text
  local k=$1
  echo "| ${LABEL[$k]} | ${RPS[$k]} | ${P50[$k]} | ${P99[$k]} | $2 | ${NON2XX[$k]} | ${ERRS[$k]} | ${RSS[$k]} |"
}
{
  echo "### Uncached benchmark, $BEGIN"
  echo
  echo "Machine: $MACHINE. Load average before: $LOAD_BEFORE; after: $LOAD_AFTER."
  echo "App: \`java -Xmx$HEAP -jar\`, data directory $DB_SIZE; $IDS public replies on $TOTAL_PAGES list pages" \
    "(walked in $WALK_SECONDS s). wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout $TIMEOUT --latency after a $WARMUP warm-up, on the same machine;" \
    "nginx serves saved copies of the app's reply pages ($SAMPLE_COUNT pages, $SAMPLE_BYTES bytes; the single page $REPLY_BYTES bytes)."
  echo "Start to healthy: $START_A s (cache on), $START_B s (cache off). Search index on disk: $INDEX_SIZE."
  echo "Search words: $WORDS_SUMMARY. Each measured word is asked once in the app's life (the warm-up words differ, and are asked again and again); the app was started fresh for phase A."
  echo "JIT warm-up before the first measured run of the app: cache on (warm-up words), ${JIT[cache-on]:-none}; cache off (random reply and list pages), ${JIT[cache-off]:-none}."
  echo "Draft saves (one POST each; the ratio means something only when about one save a second happened): $(printf '%s; ' "${SAVES[@]}")"
  echo
  echo "| run | requests/s | p50 ms | p99 ms | ratio | non-2xx | socket errors | app RSS max MB |"
  echo "|---|---|---|---|---|---|---|---|"
  row nginx-one "-"
  row cached-one "$(ratio "${RPS[cached-one]}" "${RPS[nginx-one]}") of nginx"
  row cached-random "$(ratio "${RPS[cached-random]}" "${RPS[nginx-one]}") of nginx"
  row search "${SENT[search]}"
  row api "${SENT[api]}"
  row cached-one-base "-"
  row cached-one-saves "$(ratio "${RPS[cached-one-saves]}" "$NO_SAVES_ON") of no saves (the mean of the runs before and after)"
  row cached-one-after "-"
  row nginx-random "-"
  row uncached-random "$(ratio "${RPS[uncached-random]}" "${RPS[nginx-random]}") of nginx"
  row uncached-random-saves "$(ratio "${RPS[uncached-random-saves]}" "$NO_SAVES_OFF") of no saves (the mean of the runs before and after)"
  row uncached-random-after "-"
  row list-1 "-"
  row list-random "$(ratio "${RPS[list-random]}" "${RPS[list-1]}") of page 1"
  echo
  echo "| page | first request after start, cache on | first request after start, cache off | cache off, 5 more: median / max |"
  echo "|---|---|---|---|"
  for path in / /figures /statistics; do
    echo "| \`$path\` | ${FIRST[cache-on$path]} | ${FIRST[cache-off$path]} | ${AGAIN[$path]} |"
  done
  echo
  echo "Against the targets (figures of this run):"
  echo
  echo "| target | figure | met? |"
  echo "|---|---|---|"
  target "search, distinct words: p99 < 100 ms, >= 200 req/s" "${P99[search]} <= 100 and ${RPS[search]} >= 200" \
    "/search ${RPS[search]} req/s, p99 ${P99[search]} ms"
  target "API search, distinct words: p99 < 100 ms, >= 200 req/s" "${P99[api]} <= 100 and ${RPS[api]} >= 200" \
    "/api/v1/replies?q= ${RPS[api]} req/s, p99 ${P99[api]} ms"
  target "random reply pages uncached: >= 2.5% of nginx, p99 < 50 ms" \
    "${RPS[uncached-random]} >= 0.025 * ${RPS[nginx-random]} and ${P99[uncached-random]} < 50" \
    "$(ratio "${RPS[uncached-random]}" "${RPS[nginx-random]}"), p99 ${P99[uncached-random]} ms"
  target "the same page cached: >= 25% of nginx, p99 < 20 ms" \
    "${RPS[cached-one]} >= 0.25 * ${RPS[nginx-one]} and ${P99[cached-one]} < 20" \
    "$(ratio "${RPS[cached-one]}" "${RPS[nginx-one]}"), p99 ${P99[cached-one]} ms"
  target "random list pages uncached: >= 80% of page 1" "${RPS[list-random]} >= 0.8 * ${RPS[list-1]}" \
    "$(ratio "${RPS[list-random]}" "${RPS[list-1]}")"
  target "reply page while a draft is saved every second: >= 90% (cached page)" \
    "${RPS[cached-one-saves]} >= 0.9 * $NO_SAVES_ON" "$(ratio "${RPS[cached-one-saves]}" "$NO_SAVES_ON")"
  target "the same, uncached random reply pages: >= 90%" \
    "${RPS[uncached-random-saves]} >= 0.9 * $NO_SAVES_OFF" "$(ratio "${RPS[uncached-random-saves]}" "$NO_SAVES_OFF")"
  for path in / /figures /statistics; do
    first=${FIRST[cache-off$path]%% ms*}
    again=${AGAIN[$path]%% /*}
    target "\`$path\` uncached < 200 ms" "$first < 200 and $again < 200" \
      "first after start $first ms, then median $again ms"
  done
} > "$RESULT"
echo
cat "$RESULT"
