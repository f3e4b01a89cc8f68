# Sourced by the load scripts: Apache Kafka's own KRaft broker (one node that is broker and controller) as a plain
# process on loopback, from the classpath the benchmarks build writes (target/kafka-broker.classpath), with a
# freshly formatted log directory under $work/kafka. Expects $root and $work; sets $broker to its pid.
# KAFKA_PORT (default 19292) and KAFKA_CONTROLLER_PORT (19293) choose its ports.

kafka_port=${KAFKA_PORT:-19292}
kafka_controller_port=${KAFKA_CONTROLLER_PORT:-19293}
kafka_bootstrap="127.0.0.1:$kafka_port"

broker=
stop_broker() {
    if [ -n "$broker" ] && kill -0 "$broker" 2>/dev/null; then
        echo "Stopping the Kafka broker (pid $broker)..."
        kill -TERM "$broker" 2>/dev/null || true
        for _ in $(seq 1 30); do
            kill -0 "$broker" 2>/dev/null || return 0
            sleep 1
        done
        kill -KILL "$broker" 2>/dev/null || true
    fi
}

# exec: run in the background, the broker's pid is the java process's own, not a subshell's
kafka_java() {
    exec java -Xms64m -Xmx512m -cp "$(cat "$root/benchmarks/target/kafka-broker.classpath")" "$@"
}

# start_kafka_broker: formats and starts the broker; returns once its client port is open. The caller's EXIT trap
# must call stop_broker.
start_kafka_broker() {
    local dir="$work/kafka"
    for p in "$kafka_port" "$kafka_controller_port"; do
        if listening "$p"; then
            echo "Port $p is in use: choose others with KAFKA_PORT and KAFKA_CONTROLLER_PORT." >&2
            exit 2
        fi
    done
    mkdir -p "$dir/logs"
    cat >"$dir/server.properties" <<PROPERTIES
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$kafka_controller_port
listeners=PLAINTEXT://127.0.0.1:$kafka_port,CONTROLLER://127.0.0.1:$kafka_controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$kafka_port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/logs
auto.create.topics.enable=false
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPERTIES
    echo "Starting the Kafka broker on $kafka_bootstrap (log: ${dir#"$root"/}/broker.log)..."
    if ! (kafka_java kafka.tools.StorageTool format --cluster-id "$(kafka_java kafka.tools.StorageTool random-uuid)" \
            --config "$dir/server.properties") >"$dir/broker.log" 2>&1; then
        echo "Formatting the Kafka log directory failed:" >&2
        tail -n 30 "$dir/broker.log" >&2
        exit 2
    fi
    kafka_java kafka.Kafka "$dir/server.properties" >>"$dir/broker.log" 2>&1 &
    broker=$!
    for _ in $(seq 1 120); do
        if ! kill -0 "$broker" 2>/dev/null; then
            echo "The Kafka broker stopped before it was ready. End of ${dir#"$root"/}/broker.log:" >&2
            tail -n 30 "$dir/broker.log" >&2
            exit 2
        fi
        listening "$kafka_port" && return 0
        sleep 1
    done
    echo "The Kafka broker did not open port $kafka_port in 2 minutes; see ${dir#"$root"/}/broker.log" >&2
    exit 2
}
