#!/usr/bin/env bash
# The report page and its PDF, before and after (issue 14.5): GET /report/{token} and GET /report/{token}.pdf
# of a returning customer's latest report (no cookie), and, when the app sends an ETag, the same with
# If-None-Match (304); the page also as browsers ask for it (Accept-Encoding: gzip). One or two jars in the same run, N runs alternating which goes first, medians.
# Each jar runs on its own embedded PostgreSQL (rate limit off), 16 connections, 2 wrk threads, after an
# unmeasured warm-up. Results: stdout and target/bench/report-once/results.md.
#
#   bench/report-once.sh [--jar PATH] [--baseline-jar PATH | --baseline-commit REF] [--runs N] [seconds, default 20]
#
# Needs: Java 17+, wrk, python3, curl. Env: JAVA_OPTS, WARMUP (seconds, default 10), CLIENTS (16),
# JFR=1 records a flight recording of each measurement's jar (target/bench/report-once/*.jfr).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
JAR=target/focusedroom.jar
BASELINE_JAR=
RUNS=1
SECONDS_EACH=20
while [ $# -gt 0 ]; do
	case $1 in
	--jar) JAR=$2; shift 2 ;;
	--baseline-jar) BASELINE_JAR=$2; shift 2 ;;
	--baseline-commit)
		sha=$(git rev-parse --verify "$2^{commit}")
		dir=$ROOT/target/bench-baseline/$sha
		if [ ! -f "$dir/target/focusedroom.jar" ]; then # the same place bench/side-by-side.sh builds it
			rm -rf "$dir" && mkdir -p "$dir" && git archive "$sha" | tar -x -C "$dir"
			(cd "$dir" && { ./mvnw -q -B -o -DskipTests package || ./mvnw -q -B -DskipTests package; }) >&2
		fi
		BASELINE_JAR=$dir/target/focusedroom.jar
		shift 2 ;;
	--runs) RUNS=$2; shift 2 ;;
	-h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	-*) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
	*) SECONDS_EACH=$1; shift ;;
	esac
done
WARMUP=${WARMUP:-10}
CLIENTS=${CLIENTS:-16}
JAVA_OPTS=${JAVA_OPTS:-"-Xms512m -Xmx512m -XX:+UseParallelGC"}
OUT=$ROOT/target/bench/report-once
BENCH=$ROOT/bench
for tool in java wrk python3 curl; do command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }; done
[ -f "$JAR" ] || [ "$JAR" != target/focusedroom.jar ] || ./mvnw -q -B -ntp -DskipTests package
LABELS=(candidate)
declare -A JARS=([candidate]=$(realpath "$JAR"))
if [ -n "$BASELINE_JAR" ]; then LABELS=(baseline candidate); JARS[baseline]=$(realpath "$BASELINE_JAR"); fi
rm -rf "$OUT" && mkdir -p "$OUT"
ROWS=$OUT/rows.tsv
: >"$ROWS"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
APP_PID=
cleanup() { [ -z "$APP_PID" ] || { kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true; }; }
trap cleanup EXIT

# CPU seconds the app's JVM has used so far (user + system), from /proc.
app_cpu() { awk -v tick="$(getconf CLK_TCK)" '{printf "%.3f", ($14 + $15) / tick}' "/proc/$APP_PID/stat"; }

# measure LABEL RUN SCENARIO URL [wrk args]: warm-up, then a measurement; one row in rows.tsv:
# label run scenario req/s p50 p99 errors app-cpu-ms-per-request load
measure() {
	local label=$1 run=$2 scenario=$3 url=$4 before after load
	shift 4
	wrk -t2 -c"$CLIENTS" --latency --timeout 10s -s "$BENCH/expect-status.lua" "$@" -d"${WARMUP}s" "$url" >/dev/null 2>&1
	load=$(cut -d' ' -f1 /proc/loadavg)
	before=$(app_cpu)
	wrk -t2 -c"$CLIENTS" --latency --timeout 10s -s "$BENCH/expect-status.lua" "$@" -d"${SECONDS_EACH}s" "$url" \
		>"$OUT/$label-$run-$scenario.wrk.txt" 2>"$OUT/wrk-errors.txt"
	after=$(app_cpu)
	python3 - "$label" "$run" "$scenario" "$OUT/$label-$run-$scenario.wrk.txt" "$OUT/wrk-errors.txt" "$before" "$after" \
		"$load" >>"$ROWS" <<'PY'
import re, sys
label, run, scenario, text, errors, before, after, load = sys.argv[1:]
text, errors = open(text).read(), open(errors).read()
requests = int(re.search(r"(\d+) requests in", text).group(1))
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", text, re.M))
def ms(v):
    m = re.match(r"([\d.]+)(us|ms|s|m)$", v)
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[m.group(2)]
bad = len([l for l in errors.splitlines() if l.startswith("unexpected status")])
socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
bad += sum(int(x) for x in socket.groups()) if socket else 0
cpu = 1000 * (float(after) - float(before)) / max(1, requests)
print(f"{label}\t{run}\t{scenario}\t{rps:.0f}\t{ms(p['50']):.2f}\t{ms(p['99']):.2f}\t{bad}\t{cpu:.2f}\t{load}")
PY
	tail -1 "$ROWS"
}

measure_jar() {
	local label=$1 run=$2 port base token etag status jfr=()
	port=$(free_port)
	base=http://127.0.0.1:$port
	PGDATA=$OUT/pg-$label-$run
	[ "${JFR:-}" != 1 ] || jfr=("-XX:StartFlightRecording=filename=$OUT/$label-$run.jfr,settings=profile")
	echo "== run $run, $label: ${JARS[$label]} (load average $(cut -d' ' -f1-3 /proc/loadavg))"
	java $JAVA_OPTS "${jfr[@]}" -jar "${JARS[$label]}" --server.port="$port" \
		--focusedroom.embedded-database.data-directory="$PGDATA" --focusedroom.embedded-database.port="$(free_port)" \
		--focusedroom.rate-limit.enabled=false >"$OUT/app-$label-$run.log" 2>&1 &
	APP_PID=$!
	for _ in $(seq 1 240); do
		curl -sf -o /dev/null "$base/actuator/health" && break
		kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$OUT/app-$label-$run.log" >&2; exit 1; }
		sleep 0.5
	done
	# A returning customer: two tests with one address; the second report is compared with the first on a
	# device that opened it (not here: no cookie, as a first visit from the mail's link).
	local body='{"name":"Bench","age":30,"careerStage":"mid_career","primaryGoal":"focus","email":"report-once@example.com","optIn":false,"answers":['
	body+=$(python3 -c 'print(",".join(str((i * 7) % 5 + 1) for i in range(120)))')']}'
	for _ in 1 2; do
		token=$(curl -sf -H 'Content-Type: application/json' -d "$body" "$base/api/v1/big-five" \
			| python3 -c 'import json, sys; print(json.load(sys.stdin)["reportUrl"].rsplit("/", 1)[1])')
	done
	for url in "$base/report/$token" "$base/report/$token.pdf"; do
		[ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ] || { echo "not 200: $url" >&2; exit 1; }
	done
	EXPECT=200 measure "$label" "$run" page "$base/report/$token"
	EXPECT=200 measure "$label" "$run" page-gzip "$base/report/$token" -H "Accept-Encoding: gzip, deflate, br"
	EXPECT=200 measure "$label" "$run" pdf "$base/report/$token.pdf"
	for kind in page pdf; do
		local url=$base/report/$token
		[ $kind = page ] || url=$url.pdf
		etag=$(curl -s -D - -o /dev/null "$url" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
		[ -n "$etag" ] || continue
		status=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$url")
		[ "$status" = 304 ] || { echo "If-None-Match on $url answered $status" >&2; exit 1; }
		EXPECT=304 measure "$label" "$run" "$kind-304" "$url" -H "If-None-Match: $etag"
	done
	kill "$APP_PID" && wait "$APP_PID" 2>/dev/null || true
	APP_PID=
}

for run in $(seq 1 "$RUNS"); do
	order=("${LABELS[@]}")
	if [ ${#LABELS[@]} = 2 ] && [ $((run % 2)) = 0 ]; then order=("${LABELS[1]}" "${LABELS[0]}"); fi
	for label in "${order[@]}"; do measure_jar "$label" "$run"; done
done

status=0
python3 - "$ROWS" "$RUNS" "${LABELS[@]}" >"$OUT/results.md" <<'PY' || status=$?
import statistics, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
runs, labels = sys.argv[2], sys.argv[3:]
names = {"page": "GET /report/{token}", "page-gzip": "GET /report/{token}, Accept-Encoding: gzip (as browsers send)",
         "pdf": "GET /report/{token}.pdf",
         "page-304": "GET /report/{token}, If-None-Match (304)", "pdf-304": "GET /report/{token}.pdf, If-None-Match (304)"}
print(f"Medians of {runs} run(s); 16 connections, 2 wrk threads.\n")
print("| jar | request | req/s | p50 | p99 | app CPU per request | errors | req/s per run | load average per run |")
print("|---|---|---:|---:|---:|---:|---:|---|---|")
bad = 0
for label in labels:
    for scenario in names:
        mine = [r for r in rows if r[0] == label and r[2] == scenario]
        if not mine:
            if scenario.endswith("304"):
                print(f"| {label} | {names[scenario]} | no ETag sent | | | | | | |")
            continue
        med = lambda i: statistics.median(float(r[i]) for r in mine)
        errors = sum(int(r[6]) for r in mine)
        bad += errors
        print(f"| {label} | {names[scenario]} | {med(3):,.0f} | {med(4):.1f} ms | {med(5):.1f} ms | {med(7):.2f} ms | {errors} "
              f"| {', '.join(r[3] for r in mine)} | {', '.join(r[8] for r in mine)} |")
sys.exit(1 if bad else 0)
PY
echo
echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1); load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$OUT/results.md"
exit $status
