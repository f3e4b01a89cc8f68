#!/usr/bin/env bash
# Events per second one node drains from its outbox to a sink: the webhook (default) or Kafka. Starts the demo
# (distribution/demo/run.sh) on its own ports with a fresh H2 database in mixed mode under .demo/outbox-drain/ and
# the zt-events sink pointed at the driver: for the webhook a receiver in the driver, for Kafka Apache Kafka's own
# KRaft broker started here as a process (kafka-broker.sh) whose topic the driver consumes. It writes rounds of
# LOGIN events straight into ZT_EVENT_OUTBOX and times each round until the driver has them all
# (io.zerotrust.keycloak.bench.outbox.OutboxDrainLoad). Needs only a JDK 17+.
#
#   benchmarks/outbox-drain.sh                # 12 warm-up rounds, then 5 of 20000 events to the webhook, batch-size 500
#   DRAIN_SINK=kafka benchmarks/outbox-drain.sh
#   DRAIN_SINK=kafka DRAIN_KAFKA_COMPRESSION=none benchmarks/outbox-drain.sh   # kafka-compression (default lz4)
#   DRAIN_EVENTS=50000 DRAIN_ROUNDS=3 DRAIN_WARMUP=4 DRAIN_BATCH=100 benchmarks/outbox-drain.sh
#
# The warm-up is long because the server's JIT compiler keeps working on the drain path for about 200000 events:
# before that the server's CPU per event is two to five times its steady value.
#
# On PostgreSQL instead of H2 (the database of a production node): DRAIN_DB_NAME, DRAIN_DB_USER and
# DRAIN_DB_PASSWORD name a database the user owns (DRAIN_DB_HOST 127.0.0.1, DRAIN_DB_PORT 5432); the script makes a
# fresh schema zt_outbox_drain in it, and the driver writes there. Needs psql. E.g. on Debian as root:
#   su postgres -c "createuser zt_bench && createdb -O zt_bench zt_bench" && su postgres -c "psql -c \"ALTER USER zt_bench PASSWORD 'zt_bench'\""
#   DRAIN_DB_NAME=zt_bench DRAIN_DB_USER=zt_bench DRAIN_DB_PASSWORD=zt_bench benchmarks/outbox-drain.sh
#
# LOAD_PORT (default 8181), LOAD_MANAGEMENT_PORT (9181) and DRAIN_RECEIVER_PORT (18591, the webhook receiver's)
# choose the ports; KAFKA_PORT (19292) and KAFKA_CONTROLLER_PORT (19293) the broker's. It uses the demo's Keycloak in
# .demo/keycloak-26.7.3: stop a demo running from this checkout first.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

port=${LOAD_PORT:-8181}
management=${LOAD_MANAGEMENT_PORT:-9181}
receiver=${DRAIN_RECEIVER_PORT:-18591}
work="$root/.demo/outbox-drain"

# shellcheck source=demo-server.sh
. "$root/benchmarks/demo-server.sh"
check_ports_free

echo "Building the load driver..."
./mvnw -q -B -pl benchmarks -am package -DskipTests

sink=${DRAIN_SINK:-webhook}
case "$sink" in
    webhook)
        sink_options=("--spi-events-listener--zt-events--webhook-url=http://127.0.0.1:$receiver/ocsf"
            "--spi-events-listener--zt-events--webhook-secret=outbox-drain-secret-0123456789")
        arrivals="webhook:$receiver"
        ;;
    kafka)
        # shellcheck source=kafka-broker.sh
        . "$root/benchmarks/kafka-broker.sh"
        topic=zt-events-drain
        sink_options=("--spi-events-listener--zt-events--kafka-bootstrap-servers=$kafka_bootstrap"
            "--spi-events-listener--zt-events--kafka-topic=$topic")
        if [ -n "${DRAIN_KAFKA_COMPRESSION:-}" ]; then
            sink_options+=("--spi-events-listener--zt-events--kafka-compression=$DRAIN_KAFKA_COMPRESSION")
        fi
        arrivals="kafka:$kafka_bootstrap/$topic"
        ;;
    *)
        echo "DRAIN_SINK is webhook or kafka, not $sink" >&2
        exit 2
        ;;
esac

if [ -n "${DRAIN_DB_NAME:-}" ]; then
    if ! command -v psql >/dev/null; then
        echo "psql is not installed (Debian: apt-get install postgresql-client)." >&2
        exit 2
    fi
    schema=zt_outbox_drain
    db_host=${DRAIN_DB_HOST:-127.0.0.1}
    db_port=${DRAIN_DB_PORT:-5432}
    echo "A fresh schema $schema in database $DRAIN_DB_NAME on $db_host:$db_port..."
    PGPASSWORD=${DRAIN_DB_PASSWORD:-} psql -q -v ON_ERROR_STOP=1 -h "$db_host" -p "$db_port" -U "${DRAIN_DB_USER:-}" \
        -d "$DRAIN_DB_NAME" -c "DROP SCHEMA IF EXISTS $schema CASCADE" -c "CREATE SCHEMA $schema"
    db_url="jdbc:postgresql://$db_host:$db_port/$DRAIN_DB_NAME?currentSchema=$schema"
    db_user=${DRAIN_DB_USER:-}
    db_password=${DRAIN_DB_PASSWORD:-}
    start_demo_server "--db-url=$db_url" --db=postgres "--db-schema=$schema" "--db-username=$db_user" \
        "--db-password=$db_password" "${sink_options[@]}" \
        "--spi-events-listener--zt-events--batch-size=${DRAIN_BATCH:-500}"
else
    # AUTO_SERVER: the driver opens the server's H2 database too, through the server
    db_url="jdbc:h2:file:$work/h2/keycloakdb;NON_KEYWORDS=VALUE;AUTO_SERVER=TRUE"
    db_user=sa
    db_password=outbox-drain
    start_demo_server ";AUTO_SERVER=TRUE" --db-username=$db_user --db-password=$db_password "${sink_options[@]}" \
        "--spi-events-listener--zt-events--batch-size=${DRAIN_BATCH:-500}"
fi

if [ "$sink" = kafka ]; then
    # after the server, whose start sets its own EXIT trap; its Kafka producer connects at the first batch only
    trap 'stop_broker; stop_servers' EXIT
    start_kafka_broker
fi

java -cp benchmarks/target/benchmarks.jar io.zerotrust.keycloak.bench.outbox.OutboxDrainLoad \
    "$db_url" "$db_user" "$db_password" "$arrivals" \
    "${DRAIN_EVENTS:-20000}" "${DRAIN_ROUNDS:-5}" "${DRAIN_WARMUP:-12}" "$server" | tee "$work/result.txt"
echo "Result also in .demo/outbox-drain/result.txt"
