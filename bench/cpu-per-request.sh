#!/usr/bin/env bash
# The application's own CPU time per request, for comparing two builds on a machine that
# is not quiet (requests/s then depend on what else runs; CPU time per request much less).
#
#   bench/cpu-per-request.sh APP_PID PATHS_FILE [COUNT] [BASE_URL]
#
# Sends the first COUNT (default 100) paths of PATHS_FILE (one path a line, URL-encoded,
# e.g. target/bench/words/search.txt from bench/words.py) one after the other with curl,
# and prints the app's CPU milliseconds per request (user + system time of APP_PID from
# /proc, before and after; its JIT compiler and garbage collector included, the database
# not) and the median wall time. Warm the app first with other paths (the warm-up files of
# bench/words.py), so that compiling the code is not counted; give both builds the same
# paths after the same warm-up.
set -euo pipefail
PID=$1
PATHS=$2
COUNT=${3:-100}
BASE=${4:-http://127.0.0.1:18080}
TICKS=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
TIMES=$(mktemp)
T0=$(cpu)
head -n "$COUNT" "$PATHS" | while read -r path; do
  curl -s -o /dev/null -w '%{time_total}\n' "$BASE$path"
done > "$TIMES"
T1=$(cpu)
N=$(wc -l < "$TIMES")
python3 - "$T0" "$T1" "$TICKS" "$N" "$TIMES" <<'PY'
import sys
t0, t1, ticks, n = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
times = sorted(float(l) for l in open(sys.argv[5]) if l.strip())
print(f"requests {n}  app CPU ms/request {(t1 - t0) * 1000 / ticks / max(1, n):.1f}  "
      f"median wall ms {times[len(times) // 2] * 1000:.0f}  load {open('/proc/loadavg').read().split()[0]}")
PY
rm -f "$TIMES"
