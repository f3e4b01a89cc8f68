#!/usr/bin/env bash
# Logins per second on two Keycloak nodes of one cluster, both with the pack, against the first node alone, in one
# run (io.zerotrust.keycloak.bench.login.ClusterLoad). Builds the load driver and the provider jar, installs the
# demo's Keycloak twice under .demo/cluster-load/ with the jar, built for PostgreSQL, and starts both nodes on one
# PostgreSQL database (a fresh schema zt_cluster_load) with Keycloak's own clustering (embedded Infinispan,
# discovery through the database) on loopback; stops both nodes again, whatever happens.
#
# Needs a JDK 17+ and a PostgreSQL server with psql (Debian: postgresql, postgresql-client) and a database its user
# owns, given as CLUSTER_DB_HOST (127.0.0.1), CLUSTER_DB_PORT (5432), CLUSTER_DB_NAME, CLUSTER_DB_USER,
# CLUSTER_DB_PASSWORD, e.g. on Debian as root:
#   su postgres -c "createuser zt_bench && createdb -O zt_bench zt_bench" && su postgres -c "psql -c \"ALTER USER zt_bench PASSWORD 'zt_bench'\""
#   CLUSTER_DB_NAME=zt_bench CLUSTER_DB_USER=zt_bench CLUSTER_DB_PASSWORD=zt_bench benchmarks/cluster-load.sh
#
# Options are ClusterLoad's (--help lists them), e.g. --rounds 6 --workers 6. Ports: LOAD_PORT / LOAD_MANAGEMENT_PORT
# (8181 / 9181) node 1, SECOND_PORT / SECOND_MANAGEMENT_PORT (8282 / 9282) node 2, cluster traffic 7850 and 7860.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

port=${LOAD_PORT:-8181}
management=${LOAD_MANAGEMENT_PORT:-9181}
second_port=${SECOND_PORT:-8282}
second_management=${SECOND_MANAGEMENT_PORT:-9282}
dir="$root/.demo/cluster-load"
work="$dir"
schema=zt_cluster_load
export KC_BOOTSTRAP_ADMIN_USERNAME=${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}
export KC_BOOTSTRAP_ADMIN_PASSWORD=${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}

for arg in "$@"; do
    if [ "$arg" = --help ]; then
        ./mvnw -q -B -pl benchmarks -am package -DskipTests
        exec java -cp benchmarks/target/benchmarks.jar io.zerotrust.keycloak.bench.login.ClusterLoad --help
    fi
done
for var in CLUSTER_DB_NAME CLUSTER_DB_USER CLUSTER_DB_PASSWORD; do
    if [ -z "${!var:-}" ]; then
        echo "$var is not set: the nodes need a PostgreSQL database (see the head of this script)." >&2
        exit 2
    fi
done
if ! command -v psql >/dev/null; then
    echo "psql is not installed (Debian: apt-get install postgresql-client)." >&2
    exit 2
fi
db_host=${CLUSTER_DB_HOST:-127.0.0.1}
db_port=${CLUSTER_DB_PORT:-5432}

# shellcheck source=demo-server.sh
. "$root/benchmarks/demo-server.sh"
check_ports_free "$port" "$management" "$second_port" "$second_management"

echo "Building the load driver, the provider jar and the demo's Keycloak..."
./mvnw -q -B -Pdemo -pl benchmarks,distribution -am package -DskipTests
jar=$(ls distribution/target/keycloak-zero-trust-*.jar | grep -v original | head -1)

echo "A fresh schema $schema in database $CLUSTER_DB_NAME on $db_host:$db_port..."
PGPASSWORD=$CLUSTER_DB_PASSWORD psql -q -v ON_ERROR_STOP=1 -h "$db_host" -p "$db_port" -U "$CLUSTER_DB_USER" \
    -d "$CLUSTER_DB_NAME" -c "DROP SCHEMA IF EXISTS $schema CASCADE" -c "CREATE SCHEMA $schema"

rm -rf "$dir"
mkdir -p "$dir/node1"
home="$root/.demo/keycloak-26.7.3"
tar -C "$home" --exclude=./data -cf - . | tar -C "$dir/node1" -xf -
rm -f "$dir"/node1/providers/keycloak-zero-trust*.jar
cp "$jar" "$dir/node1/providers/keycloak-zero-trust.jar"
echo "Building both nodes for PostgreSQL (log: ${dir#"$root"/}/build.log)..."
"$dir/node1/bin/kc.sh" build --db=postgres --features=declarative-ui >"$dir/build.log" 2>&1
mkdir -p "$dir/node2"
tar -C "$dir/node1" -cf - . | tar -C "$dir/node2" -xf -

db_url="jdbc:postgresql://$db_host:$db_port/$CLUSTER_DB_NAME?currentSchema=$schema"
# start_node <n> <http port> <management port> <cluster port>: sets $launched
start_node() {
    launch_server "$dir/node$1.log" "$dir/node$1/bin/kc.sh" start --optimized \
        "--db-url=$db_url" "--db-username=$CLUSTER_DB_USER" "--db-password=$CLUSTER_DB_PASSWORD" "--db-schema=$schema" \
        --http-enabled=true --http-host=127.0.0.1 "--http-port=$2" "--http-management-port=$3" \
        --hostname-strict=false --cache=ispn --cache-embedded-network-bind-address=127.0.0.1 \
        "--cache-embedded-network-bind-port=$4" \
        --proxy-headers=xforwarded --proxy-trusted-addresses=127.0.0.1 \
        "${server_options[@]}"
}
# One after the other: the first creates the schema's tables and the admin
echo "Starting node 1 on port $port (log: ${dir#"$root"/}/node1.log)..."
start_node 1 "$port" "$management" 7850
node1=$launched
await_port "$node1" "$port" "$dir/node1.log"
echo "Starting node 2 on port $second_port (log: ${dir#"$root"/}/node2.log)..."
start_node 2 "$second_port" "$second_management" 7860
node2=$launched
await_port "$node2" "$second_port" "$dir/node2.log"

# Two nodes that did not find each other would be two servers on one database, not a cluster
for _ in $(seq 1 60); do
    grep -q "Received new cluster view.*(2)" "$dir/node2.log" && break
    sleep 1
done
if ! grep -q "Received new cluster view.*(2)" "$dir/node2.log"; then
    echo "The nodes did not form a cluster of two within 60 s; see ${dir#"$root"/}/node2.log" >&2
    exit 2
fi
echo "Cluster: $(grep -o 'Received new cluster view.*' "$dir/node2.log" | tail -1)"

set +e
java -cp benchmarks/target/benchmarks.jar io.zerotrust.keycloak.bench.login.ClusterLoad \
    --base-url "http://127.0.0.1:$port" --server-pid "$node1" \
    --second-url "http://127.0.0.1:$second_port" --second-pid "$node2" \
    --admin-user "$KC_BOOTSTRAP_ADMIN_USERNAME" --admin-password "$KC_BOOTSTRAP_ADMIN_PASSWORD" \
    "$@" | tee "$dir/result.txt"
status=${PIPESTATUS[0]}
set -e
echo "Result also in .demo/cluster-load/result.txt"
exit "$status"
