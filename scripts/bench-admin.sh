#!/usr/bin/env sh
# Admin customer list and search latency with 100,000 generated customers (see docs/benchmarks.md).
# Uses a fresh embedded PostgreSQL unless SPRING_DATASOURCE_URL points at a server (then it adds
# 100,000 customers to that database: use an empty throwaway one).
# Options: -Dbench.customers=100000 -Dbench.requests=300
set -eu
cd "$(dirname "$0")/.."
./mvnw -B -ntp test -Dtest=AdminBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@"
echo
cat target/bench-admin.md
