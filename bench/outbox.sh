#!/usr/bin/env bash
# Events per second through EduMatrix's per-module outbox beside Spring Modulith's stock JDBC registry on one
# DataSource (same event, same listener work, alternating rounds in one JVM), then delivery latency at a fixed
# rate. See bench/README.md. Knobs (environment): EVENTS (5000 per round), PUBLISHERS (8), ROUNDS (3),
# RATE (1000 events/s), RATE_SECONDS (20), DB_HOST, DB_PORT, DB_ADMIN_USER, DB_ADMIN_PASSWORD.
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA_HOME=${JAVA_HOME:-$(find /usr/lib/jvm -maxdepth 1 -name 'temurin-25*' | sort | head -n 1)}
export JAVA_HOME
mkdir -p bench/out

echo "+ building with the bench profile (adds bench/java and spring-modulith-events-jdbc)"
./mvnw -B -q -Pbench -Dbuild.dir=target-bench -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target-bench/bench.classpath -Dmdep.includeScope=test
classpath="target-bench/test-classes:target-bench/classes:$(cat target-bench/bench.classpath)"

"$JAVA_HOME/bin/java" -Xms512m -Xmx2g -cp "$classpath" \
  -Dbench.db.host="${DB_HOST:-127.0.0.1}" -Dbench.db.port="${DB_PORT:-5432}" \
  -Dbench.db.user="${DB_ADMIN_USER:-postgres}" -Dbench.db.password="${DB_ADMIN_PASSWORD:-}" \
  -Dbench.events="${EVENTS:-5000}" -Dbench.publishers="${PUBLISHERS:-8}" -Dbench.rounds="${ROUNDS:-3}" \
  -Dbench.rate="${RATE:-1000}" -Dbench.rate-seconds="${RATE_SECONDS:-20}" \
  bench.outbox.OutboxBenchmark | tee bench/out/outbox.txt
