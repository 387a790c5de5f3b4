#!/usr/bin/env bash
# Where a running app spends its processor time under load: perf samples of every thread
# of the JVM while wrk sends the paths of a file, sorted into the parts of a request
# (bench/profile-parts.py) and printed as a Markdown table.
#
#   java -Xmx512m -XX:+PreserveFramePointer -jar target/dafu-*.jar --dafu.page-cache.enabled=false ... &
#   (warm it first: a few minutes of the same kind of requests, e.g. other words)
#   bench/profile.sh target/bench/words/search.txt
#
# Needs perf (Debian: linux-perf), wrk, jcmd and python3, and the app started with
# -XX:+PreserveFramePointer (without it the stacks of compiled Java code are cut short and
# most samples land in "other"). jcmd writes the JIT's symbol map (/tmp/perf-PID.map)
# before and after the recording, so that perf names compiled methods; code compiled in
# between and not yet in the map counts as "other".
#
# The paths (one a line, URL-encoded: bench/words.py writes such files) are sent in random
# order by wrk (bench/paths.lua, BENCH_ORDER=random); the rate, the latency and the app's
# CPU time per request (user + system of the JVM from /proc, over the recording) head the
# table. Each part's share of the samples times the CPU per request gives its milliseconds.
#
# Settings (environment): BENCH_PORT (18080), BENCH_APP_PID (default: the java process
# started with --server.port=BENCH_PORT), BENCH_DURATION (30 s), BENCH_CONNECTIONS (32),
# BENCH_THREADS (2), BENCH_PERF_FREQUENCY (499 samples a second per thread), BENCH_OUT
# (target/bench/profile: perf's data and script output are kept there).
set -euo pipefail
PATHS=$(realpath "${1:?a file of paths, one a line, e.g. target/bench/words/search.txt}")
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-18080}
DURATION=${BENCH_DURATION:-30}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
FREQUENCY=${BENCH_PERF_FREQUENCY:-499}
OUT=${BENCH_OUT:-target/bench/profile}
PID=${BENCH_APP_PID:-$(pgrep -f -- "java .*--server.port=$PORT( |$)" | head -1 || true)}
[ -n "$PID" ] || { echo "No app found on port $PORT (BENCH_APP_PID names it)" >&2; exit 1; }
for tool in perf wrk jcmd python3; do
  command -v "$tool" > /dev/null || { echo "$tool is needed" >&2; exit 1; }
done
grep -q -- '-XX:+PreserveFramePointer' "/proc/$PID/cmdline" 2>/dev/null \
  || echo "warning: the app was not started with -XX:+PreserveFramePointer; Java stacks will be cut short" >&2
mkdir -p "$OUT"
NAME=$(basename "$PATHS" .txt)
cpu() { awk '{print $14 + $15}' "/proc/$PID/stat"; }

jcmd "$PID" Compiler.perfmap > /dev/null
perf record -q -e cpu-clock -F "$FREQUENCY" -g -p "$PID" -o "$OUT/$NAME.perf" -- sleep "$DURATION" > /dev/null 2>&1 &
PERF=$!
T0=$(cpu)
RESULT=$(BENCH_PATHS="$PATHS" BENCH_ORDER=random BENCH_THREADS=$THREADS \
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s -s bench/paths.lua "http://127.0.0.1:$PORT" \
  | grep '^RESULT')
T1=$(cpu)
wait "$PERF" || true
jcmd "$PID" Compiler.perfmap > /dev/null
perf script -i "$OUT/$NAME.perf" 2> /dev/null > "$OUT/$NAME.stacks"

read -r _ RATE P50 P99 _ <<< "$RESULT"
python3 bench/profile-parts.py "$OUT/$NAME.stacks" "$RATE" "$P99" "$T0" "$T1" "$(getconf CLK_TCK)" "$DURATION" \
  "$NAME" "$CONNECTIONS" "$(nproc)"
