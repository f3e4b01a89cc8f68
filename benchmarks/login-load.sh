#!/usr/bin/env bash
# Logins per second through the demo realm's adaptive browser flow against Keycloak's stock `browser` flow, on the
# same server in one run. Builds the load driver, starts the demo (distribution/demo/run.sh) on its own ports with
# a fresh database under .demo/login-load/, runs io.zerotrust.keycloak.bench.login.LoginLoad, and stops the server
# again, whatever happens. Needs only a JDK 17+.
#
#   benchmarks/login-load.sh                           # 30 s warm-up, 8 rounds of 10 s per flow, 4 browsers
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

listening() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
for p in "$port" "$management"; do
    if listening "$p"; then
        echo "Port $p is in use: choose others with LOAD_PORT and LOAD_MANAGEMENT_PORT." >&2
        exit 2
    fi
done

echo "Building the load driver..."
./mvnw -q -B -pl benchmarks -am package -DskipTests
driver=(java -cp benchmarks/target/benchmarks.jar io.zerotrust.keycloak.bench.login.LoginLoad)
for arg in "$@"; do
    if [ "$arg" = --help ]; then
        exec "${driver[@]}" --help
    fi
done

server=
stop_server() {
    if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
        echo "Stopping the server (pid $server)..."
        # Its own process group when setsid made one (the Maven build and kc.sh's java included), else the pid
        kill -TERM -- "-$server" 2>/dev/null || kill -TERM "$server" 2>/dev/null || true
        for _ in $(seq 1 60); do
            kill -0 "$server" 2>/dev/null || return 0
            sleep 1
        done
        kill -KILL -- "-$server" 2>/dev/null || kill -KILL "$server" 2>/dev/null || true
    fi
}
trap stop_server EXIT
trap 'exit 130' INT TERM

rm -rf "$work"
mkdir -p "$work"
session=()
if command -v setsid >/dev/null; then
    session=(setsid)
fi
echo "Starting the demo server on port $port (log: .demo/login-load/server.log); the first start takes a while..."
# A database of its own, so the load's users, clients, sessions and events never mix with the demo's data.
# Template caching on, as on a production server: start-dev would parse every page's templates on each request.
DEMO_PORT=$port DEMO_MANAGEMENT_PORT=$management ${session[@]+"${session[@]}"} distribution/demo/run.sh \
    "--db-url=jdbc:h2:file:$work/h2/keycloakdb;NON_KEYWORDS=VALUE" \
    --spi-theme--cache-themes=true \
    --spi-theme--cache-templates=true \
    >"$work/server.log" 2>&1 &
server=$!

for _ in $(seq 1 900); do
    if ! kill -0 "$server" 2>/dev/null; then
        echo "The server stopped before it was ready. End of .demo/login-load/server.log:" >&2
        tail -n 30 "$work/server.log" >&2
        exit 2
    fi
    listening "$port" && break
    sleep 1
done
if ! listening "$port"; then
    echo "The server did not open port $port in 15 minutes; see .demo/login-load/server.log" >&2
    exit 2
fi

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
