#!/usr/bin/env bash
# Logins per second through the demo realm's adaptive browser flow against Keycloak's stock `browser` flow, on the
# same server in one run. Builds the load driver, starts the demo (distribution/demo/run.sh) on its own ports with
# a fresh database under .demo/login-load/, runs io.zerotrust.keycloak.bench.login.LoginLoad, and stops the server
# again, whatever happens. Needs only a JDK 17+.
#
#   benchmarks/login-load.sh                           # 240 s warm-up, 8 rounds of 10 s per flow, 4 browsers
#   benchmarks/login-load.sh --rounds 10 --workers 6   # options of LoginLoad (--help lists them)
#
# LOAD_PORT (default 8181) and LOAD_MANAGEMENT_PORT (default 9181) choose the server's ports. The exit status is
# the driver's: 0 when every login succeeded, 1 when any failed, 2 when the server could not be prepared.
# It uses the demo's Keycloak in .demo/keycloak-26.7.3: stop a demo running from this checkout first.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

port=${LOAD_PORT:-8181}
management=${LOAD_MANAGEMENT_PORT:-9181}
work="$root/.demo/login-load"

# shellcheck source=demo-server.sh
. "$root/benchmarks/demo-server.sh"
check_ports_free

echo "Building the load driver..."
./mvnw -q -B -pl benchmarks -am package -DskipTests
driver=(java -cp benchmarks/target/benchmarks.jar io.zerotrust.keycloak.bench.login.LoginLoad)
for arg in "$@"; do
    if [ "$arg" = --help ]; then
        exec "${driver[@]}" --help
    fi
done

# A database of its own, so the load's users, clients, sessions and events never mix with the demo's data.
start_demo_server ""

set +e
"${driver[@]}" \
    --base-url "http://127.0.0.1:$port" \
    --admin-user "${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}" \
    --admin-password "${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}" \
    --server-pid "$server" \
    "$@" | tee "$work/result.txt"
status=${PIPESTATUS[0]}
set -e
echo "Result also in .demo/login-load/result.txt"
exit "$status"
