#!/usr/bin/env bash
# The two jars of the README ("The jar"): the default build carries the embedded PostgreSQL of this
# machine only (one zonky binaries artifact), the production build (-Pproduction) none, and a
# production jar without spring.datasource.url stops at once with Spring Boot's "APPLICATION FAILED
# TO START" report and exit code 1, not a stack trace. Prints both sizes. Leaves the default jar in
# target/focusedroom.jar as it was (a copy of an existing one, else a new build).
#
# Needs: Java 17+, unzip. Usage: scripts/check-jars.sh   (builds with -DskipTests; about a minute)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=target/check-jars
rm -rf "$OUT" && mkdir -p "$OUT"
MVN=(./mvnw -q -B -ntp -DskipTests -Dcheckstyle.skip -Dspring-javaformat.skip)
fail() { echo "check-jars: $*" >&2; exit 1; }

[ -f target/focusedroom.jar ] && cp target/focusedroom.jar "$OUT/kept.jar"
"${MVN[@]}" package
cp target/focusedroom.jar "$OUT/default.jar"
"${MVN[@]}" -Pproduction package
cp target/focusedroom.jar "$OUT/production.jar"
if [ -f "$OUT/kept.jar" ]; then cp "$OUT/kept.jar" target/focusedroom.jar; else cp "$OUT/default.jar" target/focusedroom.jar; fi

binaries() { unzip -Z1 "$1" | grep -E '^BOOT-INF/lib/embedded-postgres-binaries-' || true; }
[ "$(binaries "$OUT/default.jar" | wc -l)" -eq 1 ] \
	|| fail "the default jar should carry exactly one embedded PostgreSQL (this machine's): $(binaries "$OUT/default.jar" | tr '\n' ' ')"
[ -z "$(binaries "$OUT/production.jar")" ] || fail "the production jar carries $(binaries "$OUT/production.jar")"

# Without a database the production jar must refuse to start, clearly and at once.
set +e
timeout 120 java -jar "$OUT/production.jar" --server.port=0 \
	--focusedroom.embedded-database.data-directory="$OUT/no-such-database" > "$OUT/production.log" 2>&1
status=$?
set -e
[ "$status" -eq 1 ] || fail "the production jar without a database exited $status (expected 1); see $OUT/production.log"
grep -q 'APPLICATION FAILED TO START' "$OUT/production.log" || fail "no failure report in $OUT/production.log"
grep -q 'SPRING_DATASOURCE_URL' "$OUT/production.log" || fail "the failure report does not say what to set"
! grep -qE '^\s+at [a-z]' "$OUT/production.log" || fail "a stack trace in $OUT/production.log"
[ ! -e "$OUT/no-such-database" ] || fail "the production jar created an embedded data directory"

size() { echo "$(( ($(stat -c %s "$1") + 500000) / 1000000 )) MB"; }
echo "default jar (embedded PostgreSQL $(binaries "$OUT/default.jar" | sed 's/.*binaries-//;s/-[0-9.]*\.jar//')): $(size "$OUT/default.jar")"
echo "production jar (-Pproduction, no embedded PostgreSQL): $(size "$OUT/production.jar")"
