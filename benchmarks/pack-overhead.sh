#!/usr/bin/env bash
# Logins per second on Keycloak with the pack installed and enabled against the same Keycloak without the pack's
# jar, two servers side by side in one run, and the webhook's drain lag meanwhile. Builds the load driver, starts
# the demo (distribution/demo/run.sh, without importing the demo realm) with zt-events' webhook pointed at a receiver
# in the driver, and a copy of the same Keycloak distribution without any pack jar, each with a fresh H2 database
# under .demo/pack-overhead/; runs io.zerotrust.keycloak.bench.login.PackOverhead, and stops both servers again,
# whatever happens. Needs a JDK 17+.
#
#   benchmarks/pack-overhead.sh                           # 30 s warm-up, 8 rounds of 10 s per server, 4 browsers
#   benchmarks/pack-overhead.sh --rounds 10 --workers 6   # options of PackOverhead (--help lists them)
#   benchmarks/pack-overhead.sh --control true            # control run: the second server keeps the pack's jar
#
# Ports: LOAD_PORT / LOAD_MANAGEMENT_PORT (default 8181 / 9181) for the pack server, BASELINE_PORT /
# BASELINE_MANAGEMENT_PORT (8281 / 9281) for the one without it, RECEIVER_PORT (18691) for the webhook receiver.
# The exit status is the driver's: 0 when every login succeeded and every LOGIN reached the webhook, 1 when not,
# 2 when the servers could not be prepared. It uses the demo's Keycloak in .demo/keycloak-26.7.3: stop a demo
# running from this checkout first.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

port=${LOAD_PORT:-8181}
management=${LOAD_MANAGEMENT_PORT:-9181}
baseline_port=${BASELINE_PORT:-8281}
baseline_management=${BASELINE_MANAGEMENT_PORT:-9281}
receiver=${RECEIVER_PORT:-18691}
dir="$root/.demo/pack-overhead"
work="$dir/pack"
# Only for the pack server's webhook and the receiver checking its signatures
secret=pack-overhead-webhook-secret-0123456789
export KC_BOOTSTRAP_ADMIN_USERNAME=${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}
export KC_BOOTSTRAP_ADMIN_PASSWORD=${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}

# shellcheck source=demo-server.sh
. "$root/benchmarks/demo-server.sh"
check_ports_free "$port" "$management" "$baseline_port" "$baseline_management" "$receiver"

echo "Building the load driver, the provider jar and the demo's Keycloak..."
./mvnw -q -B -Pdemo -pl benchmarks,distribution -am package -DskipTests
driver=(java -cp benchmarks/target/benchmarks.jar io.zerotrust.keycloak.bench.login.PackOverhead)
for arg in "$@"; do
    if [ "$arg" = --help ]; then
        exec "${driver[@]}" --help
    fi
done

# The same distribution without the pack: the demo's Keycloak copied before the demo adds its jar, no pack jar,
# nothing to import, a database of its own. The driver checks that it lists none of the pack's event listeners.
rm -rf "$dir"
mkdir -p "$dir/baseline/keycloak"
home="$root/.demo/keycloak-26.7.3"
tar -C "$home" --exclude=./data -cf - . | tar -C "$dir/baseline/keycloak" -xf -
control=false
for arg in "$@"; do
    if [ "$arg" = --control ]; then
        control=true
    fi
done
if [ "$control" = false ]; then
    rm -f "$dir"/baseline/keycloak/providers/keycloak-zero-trust*.jar
fi
echo "Starting Keycloak without the pack on port $baseline_port (log: ${dir#"$root"/}/baseline/server.log)..."
launch_server "$dir/baseline/server.log" "$dir/baseline/keycloak/bin/kc.sh" start-dev \
    --http-port "$baseline_port" \
    --http-management-port "$baseline_management" \
    "--db-url=jdbc:h2:file:$dir/baseline/h2/keycloakdb;NON_KEYWORDS=VALUE" \
    --features declarative-ui \
    --metrics-enabled true \
    --proxy-headers xforwarded \
    --proxy-trusted-addresses 127.0.0.1 \
    "${server_options[@]}"
baseline=$launched

# Without the demo realm: importing it at startup would give the pack server more to do (and a head start of its
# JIT) than the baseline, which imports nothing; both then differ only in the jar and the pack's own options.
export DEMO_IMPORT_REALM=false
start_demo_server "" \
    "--spi-events-listener--zt-events--webhook-url=http://127.0.0.1:$receiver/ocsf" \
    "--spi-events-listener--zt-events--webhook-secret=$secret"
await_port "$baseline" "$baseline_port" "$dir/baseline/server.log"

set +e
"${driver[@]}" \
    --base-url "http://127.0.0.1:$port" \
    --server-pid "$server" \
    --baseline-url "http://127.0.0.1:$baseline_port" \
    --baseline-pid "$baseline" \
    --receiver-port "$receiver" \
    --webhook-secret "$secret" \
    --admin-user "$KC_BOOTSTRAP_ADMIN_USERNAME" \
    --admin-password "$KC_BOOTSTRAP_ADMIN_PASSWORD" \
    "$@" | tee "$dir/result.txt"
status=${PIPESTATUS[0]}
set -e
echo "Result also in .demo/pack-overhead/result.txt"
exit "$status"
