#!/usr/bin/env bash
# FocusedRoom benchmark: throughput and latency of the pages and of test submissions (web form and
# JSON API, new and returning customers) with 16 concurrent clients, against PostgreSQL, and the same
# SQL work run directly with pgbench as the ceiling. Results: stdout and target/bench/results.md.
#
# Needs: Java 17+, wrk, pgbench, psql, python3 (Debian: apt-get install -y wrk postgresql-client
# postgresql-15 python3; pgbench is found in /usr/lib/postgresql/*/bin too).
# Usage: [WARMUP=seconds] bench/run.sh [seconds per measurement, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-20}
# Each scenario first runs this long unmeasured: the JIT needs it (the report page costs three times
# more CPU in its first five seconds than later).
WARMUP=${WARMUP:-$(( SECONDS_EACH < 15 ? SECONDS_EACH : 15 ))}
CLIENTS=16
APP_PORT=${APP_PORT:-8090}
DB_PORT=${DB_PORT:-54329}
OUT=target/bench
JAVA_OPTS=${JAVA_OPTS:-"-Xms512m -Xmx512m -XX:+UseParallelGC"}
PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -1)
for tool in wrk psql python3 "$PGBENCH"; do command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }; done

[ -f target/focusedroom.jar ] || ./mvnw -q -B -ntp package -DskipTests
rm -rf "$OUT" && mkdir -p "$OUT"
java $JAVA_OPTS -jar target/focusedroom.jar --server.port=$APP_PORT \
	--focusedroom.embedded-database.data-directory=$OUT/postgres --focusedroom.embedded-database.port=$DB_PORT \
	--focusedroom.rate-limit.enabled=false > $OUT/app.log 2>&1 &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null; wait $APP_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf -o /dev/null localhost:$APP_PORT/actuator/health && break; sleep 1; done
BASE=http://localhost:$APP_PORT
# The embedded server asks for a password: its superuser's, kept in the data directory (owner-only).
export PGPASSWORD=$(sed -n 's/^superuser-password=//p' $OUT/postgres/focusedroom-credentials.properties)
PSQL="psql -h localhost -p $DB_PORT -U postgres -At postgres"

# A browser's CSRF cookie and form field, reused by every scripted submission.
PAGE=$(curl -s -c $OUT/cookies $BASE/big-five)
export CSRF_FIELD=$(grep -o 'name="_csrf" value="[^"]*"' <<<"$PAGE" | head -1 | sed 's/.*value="//;s/"$//')
export CSRF_COOKIE="XSRF-TOKEN=$(awk '$6 == "XSRF-TOKEN" {print $7}' $OUT/cookies)"
export RUN=$(date +%s)

RESULTS=$OUT/results.md
echo "| Measurement | Requests/s | p50 | p99 | Errors | App CPU per request |" > $RESULTS
echo "|---|---:|---:|---:|---:|---:|" >> $RESULTS

# CPU seconds the app's JVM has used so far (user + system), from /proc.
app_cpu() { awk -v tick="$(getconf CLK_TCK)" '{printf "%.3f", ($14 + $15) / tick}' /proc/$APP_PID/stat; }

# wrk NAME URL [LUA]: warm up, then measure; appends a row.
measure() {
	local name=$1 url=$2 script=${3:-}
	local args=(-t2 -c$CLIENTS --latency)
	[ -n "$script" ] && args+=(-s "$script")
	MODE=${MODE:-new} wrk "${args[@]}" -d${WARMUP}s "$url" > /dev/null 2>&1
	local cpu_before=$(app_cpu)
	MODE=${MODE:-new} wrk "${args[@]}" -d${SECONDS_EACH}s "$url" > $OUT/wrk.txt 2> $OUT/wrk-errors.txt
	local cpu_after=$(app_cpu)
	python3 - "$name" $OUT/wrk.txt $OUT/wrk-errors.txt $cpu_before $cpu_after >> $RESULTS <<'PY'
import re, sys
name, text, errors = sys.argv[1], open(sys.argv[2]).read(), open(sys.argv[3]).read()
cpu = float(sys.argv[5]) - float(sys.argv[4])
requests = int(re.search(r"(\d+) requests in", text).group(1))
rps = re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)
p = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", text, re.M))
bad = len([l for l in errors.splitlines() if l.startswith("unexpected status")])
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print(f"| {name} | {float(rps):.0f} | {p.get('50')} | {p.get('99')} | {bad + (int(non2xx.group(1)) if non2xx and not bad else 0)} "
      f"| {1000 * cpu / requests:.2f} ms |")
PY
	tail -1 $RESULTS
}

measure "GET /big-five (the test page)" $BASE/big-five
MODE=new measure "POST /big-five, new customers" $BASE/big-five bench/post-form.lua
MODE=returning measure "POST /big-five, returning customers" $BASE/big-five bench/post-form.lua
if [ "$(curl -s -o /dev/null -w '%{http_code}' $BASE/api/v1/big-five/items)" = 200 ]; then
	MODE=new measure "POST /api/v1/big-five, new customers" $BASE/api/v1/big-five bench/post-api.lua
	MODE=returning measure "POST /api/v1/big-five, returning customers" $BASE/api/v1/big-five bench/post-api.lua
fi
TOKEN=$($PSQL -c "SELECT report_token FROM big_five_result ORDER BY id DESC LIMIT 1")
measure "GET /report/{token}" $BASE/report/$TOKEN

# The ceiling: the same transaction the app runs for a submission, straight from pgbench.
for mode in new returning; do
	bench/pgbench-transaction.sh "$PSQL" "pgb-$RUN-$mode" > $OUT/submission-$mode.sql
	MODE_RANGE=$([ $mode = new ] && echo 2000000000 || echo 500)
	"$PGBENCH" -h localhost -p $DB_PORT -U postgres -n -c $CLIENTS -j 2 -T $SECONDS_EACH -D range=$MODE_RANGE \
		-f $OUT/submission-$mode.sql -l --log-prefix=$OUT/pgbench-$mode postgres > $OUT/pgbench-$mode.txt
	python3 - "pgbench, the same transaction, $mode customers" $OUT/pgbench-$mode.txt $OUT/pgbench-$mode.* >> $RESULTS <<'PY'
import re, sys
name, summary, logs = sys.argv[1], open(sys.argv[2]).read(), sys.argv[3:]
tps = float(re.search(r"tps = ([\d.]+)", summary).group(1))
lat = sorted(int(line.split()[2]) for f in logs if not f.endswith(".txt") for line in open(f))
pct = lambda q: f"{lat[min(len(lat) - 1, int(q * len(lat)))] / 1000:.2f}ms"
failed = re.search(r"number of failed transactions: (\d+)", summary)
print(f"| {name} | {tps:.0f} | {pct(0.50)} | {pct(0.99)} | {failed.group(1) if failed else 0} | (no app) |")
PY
	tail -1 $RESULTS
done

echo
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), $($PSQL -c 'SHOW server_version')"
cat $RESULTS
# Every request must have succeeded: a benchmark of errors measures nothing.
if awk -F'|' 'NR > 2 && $6 + 0 > 0 {bad = 1} END {exit !bad}' $RESULTS; then
	echo "Some requests failed (Errors column); see $OUT/app.log" >&2
	exit 1
fi
