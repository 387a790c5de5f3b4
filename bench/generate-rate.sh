#!/usr/bin/env bash
# How long the generator takes, and what 1,000,000 replies would take and need on disk.
#
#   bench/generate-rate.sh 100000 /var/tmp/dafu-bench     # generate, time, estimate
#   bench/generate-rate.sh 1000000 /var/tmp/dafu-bench-1m  # the million itself, when it fits
#
# Generates N replies (seed BENCH_SEED, default 42) into a new embedded database in DIR
# (refused when DIR exists: the generator adds to a database, it does not replace one),
# and prints a Markdown table: wall time with Maven and the application's start, the
# generator's own time, replies per second, the directory's size, and the same scaled to
# 1,000,000 replies beside `df -h` of the disk. The generator writes with COPY in batches
# of 5,000 replies, so time grows about linearly (the estimate assumes so); the disk grows
# less: 100,000 took 2.3 GB and 1,000,000 took 14.0 GB, so the disk estimate is an upper bound.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:?replies to generate, e.g. 100000}
DIR=${2:?a new directory for the embedded database}
SEED=${BENCH_SEED:-42}
TARGET=${BENCH_ESTIMATE_FOR:-1000000}
[ -e "$DIR" ] && { echo "$DIR exists: choose a new directory" >&2; exit 1; }
mkdir -p target/bench
LOG=target/bench/generate-$N.log
echo "Disk before: $(df -h "$(dirname "$DIR")" | tail -1)" >&2
START=$(date +%s)
./mvnw -B -ntp -q compile exec:java -Dexec.args="--replies=$N --seed=$SEED" -Ddafu.embedded-db.dir="$DIR" > "$LOG" 2>&1
WALL=$(( $(date +%s) - START ))
LINE=$(grep -o 'Generated [0-9]* replies.*in [0-9]* s' "$LOG" | tail -1)
GEN=$(grep -o 'in [0-9]* s' <<< "$LINE" | grep -o '[0-9]*')
KB=$(du -sk "$DIR" | cut -f1)
python3 - "$N" "$WALL" "$GEN" "$KB" "$TARGET" "$(df -h "$(dirname "$DIR")" | tail -1 | awk '{print $4 " free of " $2}')" \
  "$(nproc)" "$(free -m | awk '/Mem:/ {print $2}')" "$(uname -r)" "$(uptime | sed 's/.*load average: //')" "$LINE" <<'PY'
import sys, datetime
n, wall, gen, kb, target = (int(x) for x in sys.argv[1:6])
free, cores, mem, kernel, load, line = sys.argv[6:12]
rate = n / gen if gen else float("nan")
overhead = wall - gen
est = target / rate + overhead
print(f"Generator, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC; {cores} cores, {mem} MB RAM, "
      f"kernel {kernel}; load average after: {load}")
print()
print("| replies | generator time | wall time (Maven, app start, Flyway) | replies/s | database directory |")
print("|---|---|---|---|---|")
print(f"| {n:,} | {gen} s | {wall} s | {rate:,.0f} | {kb / 1024 / 1024:.1f} GB |")
print(f"| {target:,} (estimate, linear) | {target / rate:,.0f} s | {est:,.0f} s ({est / 60:.0f} min) | - | "
      f"{kb * target / n / 1024 / 1024:.1f} GB (disk: {free}) |")
print()
print(f"Generator's line: {line}")
PY
