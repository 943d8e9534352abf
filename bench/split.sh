#!/usr/bin/env bash
# Events per second through the externalizer (jobs in a process of its own, events to the statistics listener of the
# other process through an embedded KRaft broker) beside the in-process outbox (one process), and the delay from an
# event's occurrence to its processing by the listener, p50 and p99 (ADR 0036). Both "processes" are application
# contexts in one JVM on the tests' database (DB_HOST/DB_PORT as for the tests). Knobs: EVENTS (2000 per round),
# PUBLISHERS (8), ROUNDS (3).
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA_HOME=${JAVA_HOME:-$(find /usr/lib/jvm -maxdepth 1 -name 'temurin-25*' | sort | head -n 1)}
export JAVA_HOME
mkdir -p bench/out target/bench-split

echo "+ building the tests' class path"
./mvnw -B -q -o -DskipTests -Dspring-boot.aot.skip test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-split/classpath -Dmdep.includeScope=test
classpath="target/test-classes:target/classes:$(cat target/bench-split/classpath)"
"$JAVA_HOME/bin/javac" -q -d target/bench-split/classes -cp "$classpath" bench/java/bench/split/*.java 2>/dev/null \
  || "$JAVA_HOME/bin/javac" -d target/bench-split/classes -cp "$classpath" bench/java/bench/split/*.java

"$JAVA_HOME/bin/java" -Xms512m -Xmx2g -cp "target/bench-split/classes:$classpath" \
  -Dbench.events="${EVENTS:-2000}" -Dbench.publishers="${PUBLISHERS:-8}" -Dbench.rounds="${ROUNDS:-3}" \
  -Dlogging.level.root=WARN \
  bench.split.ExternalizerBenchmark 2>&1 | grep -E '^(events per round|MEDIAN|in-process|externalizer)' | tee bench/out/split.txt
