# Sourced by the load scripts: starts the demo server (distribution/demo/run.sh) on its own ports with a database
# of its own under $work, and stops it again whatever happens. Expects $root, $port, $management and $work;
# sets $server to its pid.

listening() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

check_ports_free() {
    for p in "$port" "$management"; do
        if listening "$p"; then
            echo "Port $p is in use: choose others with LOAD_PORT and LOAD_MANAGEMENT_PORT." >&2
            exit 2
        fi
    done
}

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

# start_demo_server <h2 url options> <kc.sh options...>: a fresh database at $work/h2; returns once the port is open
start_demo_server() {
    local h2_options=$1
    shift
    trap stop_server EXIT
    trap 'exit 130' INT TERM
    rm -rf "$work"
    mkdir -p "$work"
    local session=()
    if command -v setsid >/dev/null; then
        session=(setsid)
    fi
    echo "Starting the demo server on port $port (log: ${work#"$root"/}/server.log); the first start takes a while..."
    # Template caching on, as on a production server: start-dev would parse every page's templates on each request.
    DEMO_PORT=$port DEMO_MANAGEMENT_PORT=$management ${session[@]+"${session[@]}"} "$root/distribution/demo/run.sh" \
        "--db-url=jdbc:h2:file:$work/h2/keycloakdb;NON_KEYWORDS=VALUE$h2_options" \
        --spi-theme--cache-themes=true \
        --spi-theme--cache-templates=true \
        "$@" \
        >"$work/server.log" 2>&1 &
    server=$!
    for _ in $(seq 1 900); do
        if ! kill -0 "$server" 2>/dev/null; then
            echo "The server stopped before it was ready. End of ${work#"$root"/}/server.log:" >&2
            tail -n 30 "$work/server.log" >&2
            exit 2
        fi
        listening "$port" && return 0
        sleep 1
    done
    echo "The server did not open port $port in 15 minutes; see ${work#"$root"/}/server.log" >&2
    exit 2
}
