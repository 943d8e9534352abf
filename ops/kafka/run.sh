#!/usr/bin/env bash
# A single-node Kafka broker (KRaft: broker and controller in one process) for a split deployment on one machine
# (README "Split deployment"). Debian packages no Kafka, so the broker runs from its Maven artifacts, resolved once by
# ./mvnw into ~/.m2. Listens on 127.0.0.1:${KAFKA_PORT:-9092}; keeps its log in ${KAFKA_DATA:-/tmp/edumatrix-kafka}
# (formatted on first start). SIGTERM or Ctrl-C stops it cleanly: the JVM is this shell's process (exec), and Kafka's
# shutdown hook closes the logs.
set -euo pipefail
cd "$(dirname "$0")"

port="${KAFKA_PORT:-9092}"
controller_port="${KAFKA_CONTROLLER_PORT:-9093}"
data="${KAFKA_DATA:-/tmp/edumatrix-kafka}"
mkdir -p "$data"

classpath_file="$data/classpath.txt"
if [[ ! -s "$classpath_file" ]]; then
  ../../mvnw -q -B -f pom.xml dependency:build-classpath -Dmdep.outputFile="$classpath_file"
fi
classpath="$(cat "$classpath_file")"

config="$data/server.properties"
cat > "$config" <<PROPERTIES
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${controller_port}
listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controller_port}
advertised.listeners=PLAINTEXT://127.0.0.1:${port}
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=${data}/log
num.partitions=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
PROPERTIES

java=("${JAVA_HOME:+$JAVA_HOME/bin/}java")
if [[ ! -f "$data/log/meta.properties" ]]; then
  cluster_id="$("${java[@]}" -cp "$classpath" kafka.tools.StorageTool random-uuid)"
  "${java[@]}" -cp "$classpath" kafka.tools.StorageTool format -t "$cluster_id" -c "$config" --ignore-formatted
fi
echo "Kafka broker on 127.0.0.1:${port} (data in ${data})"
exec "${java[@]}" -Xms256m -Xmx512m -cp "$classpath" kafka.Kafka "$config"
