#!/usr/bin/env bash
# Side by side (issue 14): the app and pgbench running the app's own transaction on ONE throwaway Debian
# PostgreSQL server, in one run; optionally two jars (before / after) in the same run, repeated N times
# with medians. Results: stdout and target/bench/side-by-side/results.md (docs/benchmarks.md explains
# every column).
#
#   bench/side-by-side.sh [--jar PATH] [--baseline-jar PATH | --baseline-commit REF] [--runs N]
#                         [--smoke] [seconds per measurement, default 20]
#
# --jar              the jar to measure (default target/focusedroom.jar, built if missing)
# --baseline-jar     a second jar measured in the same run, on the same server ("baseline")
# --baseline-commit  builds that jar from a commit (git archive into target/bench-baseline/<sha>, then
#                    ./mvnw -DskipTests package there; kept for the next run)
# --runs N           repeat everything N times (jars alternate which goes first); figures are medians
# --smoke            3 s per measurement, 2 s warm-up: checks that everything works (CI), not a figure
#
# Per jar and run: a fresh database owned by a non-superuser role, the jar started against it
# (spring.datasource.*; rate limit and mail limits off: wrk's one address stands for many clients,
# so every submission posts its report mail, as in the captured transaction), the pgbench scripts derived from the app's own statements
# (bench/derive-transaction.py), then, each after an unmeasured warm-up: JSON API submissions with 16
# connections for new customers and for 50 customers shared by all connections; pgbench on the same
# transaction with 16 clients, both ways; the report page and its PDF (and a conditional GET when the
# app sends an ETag); an open-loop run at half the API-new rate (bench/open-loop.py). Afterwards every
# customer's report numbers must be exactly 1..n and every result must have its touch; any error,
# gap or half-stored submission fails the script.
#
# Needs: Java 17+, wrk, python3, PostgreSQL server binaries (Debian: apt-get install -y wrk postgresql).
# Env: PGBIN (default: newest /usr/lib/postgresql/*/bin), JAVA_OPTS, WARMUP (seconds before each
# measurement, default 15), FIRST_WARMUP (seconds of submissions, new and returning, after the app started
# and before its first measurement, default 90: a server runs for days, and after 15 s the JIT is still
# compiling; the "of it JIT compiling" column shows what is left), CLIENTS (16).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

JAR=target/focusedroom.jar
BASELINE_JAR=
BASELINE_COMMIT=
RUNS=1
SMOKE=false
SECONDS_EACH=20
while [ $# -gt 0 ]; do
	case $1 in
	--jar) JAR=$2; shift 2 ;;
	--baseline-jar) BASELINE_JAR=$2; shift 2 ;;
	--baseline-commit) BASELINE_COMMIT=$2; shift 2 ;;
	--runs) RUNS=$2; shift 2 ;;
	--smoke) SMOKE=true; shift ;;
	-h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	-*) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
	*) SECONDS_EACH=$1; shift ;;
	esac
done
if $SMOKE; then SECONDS_EACH=3; WARMUP=${WARMUP:-2}; FIRST_WARMUP=${FIRST_WARMUP:-0}; fi
FIRST_WARMUP=${FIRST_WARMUP:-90}
WARMUP=${WARMUP:-$((SECONDS_EACH < 15 ? SECONDS_EACH : 15))}
CLIENTS=${CLIENTS:-16}
SHARED_CUSTOMERS=50
JAVA_OPTS=${JAVA_OPTS:-"-Xms512m -Xmx512m -XX:+UseParallelGC"}
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
OUT=$ROOT/target/bench/side-by-side
RUNS_FILE=$OUT/runs.jsonl
BENCH=$ROOT/bench
for tool in java wrk python3 curl "$PGBIN/initdb" "$PGBIN/pg_ctl" "$PGBIN/psql" "$PGBIN/pgbench"; do
	command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# A jar built from a commit, in its own exported tree (no worktree, nothing of this checkout touched).
jar_of_commit() {
	local sha dir
	sha=$(git rev-parse --verify "$1^{commit}")
	dir=$ROOT/target/bench-baseline/$sha
	if [ ! -f "$dir/target/focusedroom.jar" ]; then
		echo "building the baseline jar of $sha in $dir ..." >&2
		rm -rf "$dir" && mkdir -p "$dir"
		git archive "$sha" | tar -x -C "$dir"
		(cd "$dir" && { ./mvnw -q -B -o -DskipTests package || ./mvnw -q -B -DskipTests package; }) >&2
	fi
	echo "$dir/target/focusedroom.jar"
}

[ -f "$JAR" ] || [ "$JAR" != target/focusedroom.jar ] || ./mvnw -q -B -ntp -DskipTests package
[ -f "$JAR" ] || { echo "no jar at $JAR" >&2; exit 1; }
[ -z "$BASELINE_COMMIT" ] || BASELINE_JAR=$(jar_of_commit "$BASELINE_COMMIT")
LABELS=(candidate)
declare -A JARS=([candidate]=$(realpath "$JAR"))
if [ -n "$BASELINE_JAR" ]; then
	LABELS=(baseline candidate)
	JARS[baseline]=$(realpath "$BASELINE_JAR")
fi

# --- One PostgreSQL server for everything: a throwaway cluster in target/bench/side-by-side/pg ---
rm -rf "$OUT" && mkdir -p "$OUT"
PGDATA=$OUT/pg
SOCK=$(mktemp -d /tmp/fr-bench-XXXXXX)
AS_PG=()
if [ "$(id -u)" = 0 ]; then # initdb and postgres refuse to run as root
	AS_PG=(runuser -u postgres --)
	mkdir -p "$PGDATA" && chown postgres "$PGDATA" "$SOCK"
fi
DB_PORT=$(free_port)
"${AS_PG[@]}" "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$OUT/initdb.log"
cat >>"$PGDATA/postgresql.conf" <<EOF
# bench/side-by-side.sh: Debian's defaults otherwise; durable commits as in production.
port = $DB_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$SOCK'
fsync = on
synchronous_commit = on
max_connections = 100
logging_collector = on
log_destination = 'jsonlog'
log_directory = 'log'
EOF
# TCP (the app, pgbench) with a password; the local socket (this script, as superuser) trusted.
cat >"$PGDATA/pg_hba.conf" <<EOF
local all postgres trust
host all all 127.0.0.1/32 scram-sha-256
EOF
APP_PID=
cleanup() {
	[ -z "$APP_PID" ] || { kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true; }
	"${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true
	rm -rf "$SOCK"
}
trap cleanup EXIT
"${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -w -l "$PGDATA/start.log" start >/dev/null
PSQL=("$PGBIN/psql" -h "$SOCK" -p "$DB_PORT" -U postgres -X -q -At -v ON_ERROR_STOP=1)
ROLE=bench_app
export PGPASSWORD
PGPASSWORD=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
"${PSQL[@]}" -d postgres -c "CREATE ROLE $ROLE LOGIN PASSWORD '$PGPASSWORD'"
PG_VERSION=$("${PSQL[@]}" -d postgres -c 'SHOW server_version')
echo "PostgreSQL $PG_VERSION on port $DB_PORT ($PGDATA), $(nproc) cores; $SECONDS_EACH s per measurement after $WARMUP s warm-up ($FIRST_WARMUP s before the first); $RUNS run(s): ${LABELS[*]}"

cpu() { python3 "$BENCH/proc-cpu.py" "$APP_PID" "$PGDATA"; }
record() { python3 "$BENCH/side-by-side-report.py" "$@"; }

# wrk_measure LABEL RUN SCENARIO URL SCRIPT [wrk args...]: warm-up, then the measurement.
wrk_measure() {
	local label=$1 run=$2 scenario=$3 url=$4 script=$5 before after
	shift 5
	wrk -t2 -c"$CLIENTS" --latency --timeout 10s -s "$script" "$@" -d"${WARMUP}s" "$url" >/dev/null 2>&1
	before=$(cpu)
	wrk -t2 -c"$CLIENTS" --latency --timeout 10s -s "$script" "$@" -d"${SECONDS_EACH}s" "$url" >"$OUT/wrk.txt" 2>"$OUT/wrk-errors.txt"
	after=$(cpu)
	cp "$OUT/wrk.txt" "$OUT/$label-$run-$scenario.wrk.txt"
	record wrk "$RUNS_FILE" "$label" "$run" "$scenario" "$OUT/wrk.txt" "$OUT/wrk-errors.txt" "$before" "$after"
}

measure_jar() {
	local label=$1 run=$2 jar=${JARS[$1]} db app_port base token etag before after mode rate
	db=fr_${label}_$run
	"${PSQL[@]}" -d postgres -c "CREATE DATABASE $db OWNER $ROLE"
	app_port=$(free_port)
	base=http://127.0.0.1:$app_port
	echo "== run $run, $label: $jar (load average $(cut -d' ' -f1-3 /proc/loadavg))"
	record fact "$RUNS_FILE" "$label" "$run" load "$(cut -d' ' -f1 /proc/loadavg)"
	SPRING_DATASOURCE_PASSWORD=$PGPASSWORD java $JAVA_OPTS -jar "$jar" --server.port="$app_port" \
		--spring.datasource.url="jdbc:postgresql://127.0.0.1:$DB_PORT/$db" --spring.datasource.username=$ROLE \
		--focusedroom.rate-limit.enabled=false --focusedroom.mail.limits-enabled=false >"$OUT/app-$label-$run.log" 2>&1 &
	APP_PID=$!
	for _ in $(seq 1 240); do
		curl -sf -o /dev/null "$base/actuator/health" && break
		kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$OUT/app-$label-$run.log" >&2; exit 1; }
		sleep 0.5
	done
	curl -sf -o /dev/null "$base/actuator/health" || { echo "the app did not start" >&2; exit 1; }
	# Distinctive ids (sequence k starts at k * 10^12), so that derive-transaction.py can tell an id from
	# any other number in the statements it captures.
	"${PSQL[@]}" -d "$db" -c "DO \$\$ DECLARE s regclass; k bigint := 0; BEGIN
		FOR s IN SELECT seqrelid::regclass FROM pg_sequence WHERE seqtypid = 'int8'::regtype ORDER BY 1 LOOP
			k := k + 1; PERFORM setval(s, k * 1000000000000 + 7); END LOOP; END \$\$"

	python3 "$BENCH/derive-transaction.py" --base "$base" --psql "${PSQL[*]} -d $db" --log-dir "$PGDATA/log" \
		--user $ROLE --pgbench "$PGBIN/pgbench" --pgbench-conn="-h 127.0.0.1 -p $DB_PORT -U $ROLE $db" \
		--prefix "pgb-$label-$run" --customers $SHARED_CUSTOMERS --out "$OUT/$label-$run"

	if [ "$FIRST_WARMUP" -gt 0 ]; then # the JIT's warm-up: half new customers, half returning ones
		MODE=new PREFIX=warm-$label-$run wrk -t2 -c"$CLIENTS" -s "$BENCH/post-api.lua" -d"$((FIRST_WARMUP / 2))s" \
			"$base/api/v1/big-five" >/dev/null 2>&1
		MODE=shared PREFIX=warm-$label-$run CUSTOMERS=$SHARED_CUSTOMERS wrk -t2 -c"$CLIENTS" -s "$BENCH/post-api.lua" \
			-d"$((FIRST_WARMUP - FIRST_WARMUP / 2))s" "$base/api/v1/big-five" >/dev/null 2>&1
	fi
	MODE=new PREFIX=app-$label-$run wrk_measure "$label" "$run" api-new "$base/api/v1/big-five" "$BENCH/post-api.lua"
	MODE=shared PREFIX=app-$label-$run CUSTOMERS=$SHARED_CUSTOMERS \
		wrk_measure "$label" "$run" api-returning "$base/api/v1/big-five" "$BENCH/post-api.lua"

	# The same transaction straight from pgbench, the same 16 clients, the app idle.
	for mode in new returning; do # (a shorter warm-up: no JIT to wait for)
		"$PGBIN/pgbench" -h 127.0.0.1 -p "$DB_PORT" -U $ROLE -n -c "$CLIENTS" -j 2 -T $((WARMUP < 5 ? WARMUP : 5)) \
			-f "$OUT/$label-$run/transaction-$mode.sql" "$db" >/dev/null 2>&1
		rm -f "$OUT"/pgbench-log.*
		before=$(cpu)
		"$PGBIN/pgbench" -h 127.0.0.1 -p "$DB_PORT" -U $ROLE -n -c "$CLIENTS" -j 2 -T "$SECONDS_EACH" \
			-f "$OUT/$label-$run/transaction-$mode.sql" -l --log-prefix="$OUT/pgbench-log" "$db" \
			>"$OUT/$label-$run-pgbench-$mode.txt" 2>&1 || true
		after=$(cpu)
		record pgbench "$RUNS_FILE" "$label" "$run" "pgbench-$mode" "$OUT/$label-$run-pgbench-$mode.txt" \
			"$before" "$after" "$OUT"/pgbench-log.*
	done

	# Reports: a returning customer's latest (a report with a predecessor), as a page and as a PDF.
	token=$("${PSQL[@]}" -d "$db" -c "SELECT report_token FROM big_five_result r JOIN customer c USING (customer_id)
		WHERE c.email_id LIKE 'app-$label-$run-api-shared-%' ORDER BY r.id DESC LIMIT 1")
	for url in "$base/report/$token" "$base/report/$token.pdf"; do # the first render compiles, and must work
		[ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ] || { echo "not 200: $url" >&2; exit 1; }
	done
	EXPECT=200 wrk_measure "$label" "$run" report-page "$base/report/$token" "$BENCH/expect-status.lua"
	EXPECT=200 wrk_measure "$label" "$run" report-pdf "$base/report/$token.pdf" "$BENCH/expect-status.lua"
	local noted=false
	for kind in page pdf; do
		local url=$base/report/$token
		[ $kind = page ] || url=$url.pdf
		etag=$(curl -s -D - -o /dev/null "$url" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
		if [ -z "$etag" ]; then
			$noted || record fact "$RUNS_FILE" "$label" "$run" etag "no ETag sent: conditional GET not measured"
			noted=true
			continue
		fi
		local status
		status=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$url")
		record fact "$RUNS_FILE" "$label" "$run" etag "$kind: ETag sent, If-None-Match answered $status"
		[ "$status" = 304 ] && EXPECT=304 wrk_measure "$label" "$run" "report-$kind-304" "$url" \
			"$BENCH/expect-status.lua" -H "If-None-Match: $etag"
	done

	# Open loop at half the closed-loop capacity measured above (API, new customers).
	rate=$(python3 -c "import json; print(max(1, round([r for r in map(json.loads, open('$RUNS_FILE'))
		if r.get('scenario') == 'api-new' and r['jar'] == '$label' and r['run'] == $run][0]['rate'] / 2)))")
	before=$(cpu)
	python3 "$BENCH/open-loop.py" "$base/api/v1/big-five" "$rate" "$SECONDS_EACH" --prefix "open-$label-$run" \
		>"$OUT/$label-$run-open-loop.json"
	after=$(cpu)
	record open "$RUNS_FILE" "$label" "$run" open-loop "$OUT/$label-$run-open-loop.json" "$before" "$after"

	kill "$APP_PID" && wait "$APP_PID" 2>/dev/null || true
	APP_PID=
	# Every customer's reports numbered exactly 1..n; every result with its touch (nothing half-stored).
	record fact "$RUNS_FILE" "$label" "$run" gaps "$("${PSQL[@]}" -d "$db" -c "SELECT count(*) FROM (
		SELECT customer_id FROM big_five_result GROUP BY customer_id
		HAVING min(report_id) <> 1 OR max(report_id) <> count(*) OR count(DISTINCT report_id) <> count(*)) g")"
	record fact "$RUNS_FILE" "$label" "$run" half_stored "$("${PSQL[@]}" -d "$db" -c "SELECT count(*)
		FROM big_five_result r WHERE NOT EXISTS (SELECT 1 FROM customer_touch t WHERE t.result_id = r.id)")"
	"${PSQL[@]}" -d postgres -c "DROP DATABASE $db"
	"${PSQL[@]}" -d postgres -c "CHECKPOINT"
}

for run in $(seq 1 "$RUNS"); do
	order=("${LABELS[@]}")
	# Alternate which jar goes first, so neither always gets the quieter (or busier) half of a run.
	if [ ${#LABELS[@]} = 2 ] && [ $((run % 2)) = 0 ]; then order=("${LABELS[1]}" "${LABELS[0]}"); fi
	for label in "${order[@]}"; do measure_jar "$label" "$run"; done
done

{
	echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), PostgreSQL $PG_VERSION; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
	for label in "${LABELS[@]}"; do echo "$label: ${JARS[$label]}"; done
	echo
} >"$OUT/header.md"
cat "$OUT/header.md"
record summary "$RUNS_FILE" "$OUT/results.body.md" && status=0 || status=$?
cat "$OUT/header.md" "$OUT/results.body.md" >"$OUT/results.md" && rm "$OUT/results.body.md"
exit $status
