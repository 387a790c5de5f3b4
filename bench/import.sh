#!/usr/bin/env bash
# Import benchmark (not a test): generates N letters from the sample letter (each with its
# own 索引号 serial and proposal number), times the command-line bulk import of them into a
# fresh embedded database, times a rerun (every letter skipped as already present), and
# times parsing one letter (org.dafu.letter.ParseTiming). Results go to docs/benchmarks.md
# by hand, with the machine's `nproc`, memory and `uptime` printed here.
#
#   bench/import.sh [N]        (default 500; builds target/dafu-*.jar when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-500}"
SAMPLE=src/main/resources/letters/quzhou-2022-137066.txt

echo "== machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB memory; $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "== uptime: $(uptime)"

if ! ls target/dafu-*.jar >/dev/null 2>&1; then
	./mvnw -q -DskipTests package
fi
JAR=$(ls target/dafu-*.jar | grep -v '\.original$' | head -1)

WORK=$(mktemp -d /tmp/dafu-bench-XXXXXX)
chmod 755 "$WORK" # the embedded PostgreSQL runs as nobody when we are root
trap 'rm -rf "$WORK"' EXIT
mkdir "$WORK/letters"
for i in $(seq 1 "$N"); do
	sed -e "s#11330800002618015K/2022-137066#11330800002618015K/2022-$((500000 + i))#" \
		-e "s#(第4号)#(第$((1000 + i))号)#" "$SAMPLE" >"$WORK/letters/letter-$(printf %05d "$i").txt"
done
echo "== $N letters generated ($(du -sh "$WORK/letters" | cut -f1))"

run_import() {
	local start end
	start=$(date +%s.%N)
	set +e
	java -jar "$JAR" --spring.main.web-application-type=none --spring.main.banner-mode=off \
		--logging.level.root=WARN --logging.level.dafu.audit=WARN --dafu.embedded-db.dir="$WORK/data" \
		--dafu.bulk-import="$WORK/letters" --dafu.bulk-import.result-class=B \
		--dafu.bulk-import.report="$WORK/report-$1.csv" --dafu.bulk-import.lang=en </dev/null | cat
	local code=${PIPESTATUS[0]}
	set -e
	end=$(date +%s.%N)
	echo "== $1: exit code $code, wall time with JVM and database start $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }') s"
}

run_import first
run_import rerun

echo "== parse time per letter (ParseTiming, 200 runs after warm-up)"
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
java -cp "target/classes:target/test-classes:$(cat "$WORK/cp.txt")" org.dafu.letter.ParseTiming 200
echo "== uptime after: $(uptime)"
