#!/usr/bin/env bash
# Every benchmark in order, results in one file (target/bench/results.md by default):
#
#   ./mvnw -q -DskipTests package
#   bench/all.sh
#
# 1. with BENCH_GENERATE=N and no data in BENCH_DB_DIR: generates N replies there first
#    (bench/generate-rate.sh: time, rate, the estimate for 1,000,000);
# 2. bench/uncached.sh on BENCH_DB_DIR: distinct reply pages, list pages, search words, the
#    reply page while a draft is saved every second, /, /figures, /statistics, memory,
#    index size (about 12 minutes plus the walk of the list);
# 3. bench/run.sh, the repeated-URL benchmark (skip with BENCH_CLASSIC=0; about 8 minutes);
# 4. with BENCH_MILLION_DIR naming a generated database of 1,000,000 replies: step 2 on it.
# The settings of bench/uncached.sh and bench/run.sh apply (BENCH_PORT, BENCH_HEAP, ...);
# BENCH_RESULTS names the results file.
set -euo pipefail
cd "$(dirname "$0")/.."
DB_DIR=${BENCH_DB_DIR:-/var/tmp/dafu-bench}
RESULTS=${BENCH_RESULTS:-target/bench/results.md}
mkdir -p "$(dirname "$RESULTS")" target/bench
step() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
{
  echo "## Benchmark results, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Code: $(git rev-parse --short HEAD 2>/dev/null || echo unknown) ($(git log -1 --format=%s 2>/dev/null || true))." \
    "Machine: $(nproc) cores, $(free -m | awk '/Mem:/ {print $2}') MB RAM, kernel $(uname -r)." \
    "Load average at the start: $(uptime | sed 's/.*load average: //')."
  echo
} > "$RESULTS"

if [ ! -d "$DB_DIR" ] && [ -n "${BENCH_GENERATE:-}" ]; then
  step "generating $BENCH_GENERATE replies into $DB_DIR"
  bench/generate-rate.sh "$BENCH_GENERATE" "$DB_DIR" >> "$RESULTS"
  echo >> "$RESULTS"
fi

step "uncached benchmark on $DB_DIR"
BENCH_DB_DIR=$DB_DIR BENCH_OUT=target/bench/uncached.md bench/uncached.sh > /dev/null
cat target/bench/uncached.md >> "$RESULTS"
echo >> "$RESULTS"

if [ "${BENCH_CLASSIC:-1}" = 1 ]; then
  step "repeated-URL benchmark (bench/run.sh) on $DB_DIR"
  {
    echo "### Repeated URLs (bench/run.sh)"
    echo
    BENCH_DB_DIR=$DB_DIR bench/run.sh 2> target/bench/run.log
    echo
  } >> "$RESULTS"
fi

if [ -n "${BENCH_MILLION_DIR:-}" ] && [ -d "$BENCH_MILLION_DIR" ]; then
  step "uncached benchmark on $BENCH_MILLION_DIR"
  BENCH_DB_DIR=$BENCH_MILLION_DIR BENCH_OUT=target/bench/uncached-million.md bench/uncached.sh > /dev/null
  { echo "#### The same on $BENCH_MILLION_DIR"; echo; cat target/bench/uncached-million.md; echo; } >> "$RESULTS"
else
  echo "1,000,000 replies: not measured in this run (generate them with bench/generate-rate.sh 1000000 DIR, then BENCH_MILLION_DIR=DIR)." >> "$RESULTS"
fi
step "done: $RESULTS"
cat "$RESULTS"
