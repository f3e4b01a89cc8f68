#!/usr/bin/env bash
# Events per second one node drains from its outbox to the webhook. Starts the demo (distribution/demo/run.sh) on
# its own ports with a fresh H2 database in mixed mode under .demo/outbox-drain/ and the zt-events webhook pointed
# at a receiver in the driver, writes rounds of LOGIN events straight into ZT_EVENT_OUTBOX, and times each round
# until the receiver has them all (io.zerotrust.keycloak.bench.outbox.OutboxDrainLoad). Needs only a JDK 17+.
#
#   benchmarks/outbox-drain.sh                # 5 rounds of 20000 events, batch-size 100 (the default)
#   DRAIN_EVENTS=50000 DRAIN_ROUNDS=3 DRAIN_BATCH=500 benchmarks/outbox-drain.sh
#
# LOAD_PORT (default 8181), LOAD_MANAGEMENT_PORT (9181) and DRAIN_RECEIVER_PORT (18591) choose the ports. It uses
# the demo's Keycloak in .demo/keycloak-26.7.3: stop a demo running from this checkout first.
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

# AUTO_SERVER: the driver opens the server's H2 database too, through the server
start_demo_server ";AUTO_SERVER=TRUE" --db-username=sa --db-password=outbox-drain \
    "--spi-events-listener--zt-events--webhook-url=http://127.0.0.1:$receiver/ocsf" \
    "--spi-events-listener--zt-events--webhook-secret=outbox-drain-secret-0123456789" \
    "--spi-events-listener--zt-events--batch-size=${DRAIN_BATCH:-100}"

java -cp benchmarks/target/benchmarks.jar io.zerotrust.keycloak.bench.outbox.OutboxDrainLoad \
    "jdbc:h2:file:$work/h2/keycloakdb;NON_KEYWORDS=VALUE;AUTO_SERVER=TRUE" sa outbox-drain "$receiver" \
    "${DRAIN_EVENTS:-20000}" "${DRAIN_ROUNDS:-5}" | tee "$work/result.txt"
echo "Result also in .demo/outbox-drain/result.txt"
