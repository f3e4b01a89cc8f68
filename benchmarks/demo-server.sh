# Sourced by the load scripts: starts the demo server (distribution/demo/run.sh) on its own ports with a database
# of its own under $work, and stops it again whatever happens. Expects $root, $port, $management and $work;
# sets $server to its pid. launch_server and await_port start further servers (pack-overhead.sh: a second
# Keycloak); stop_servers stops every one of them on exit.

listening() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# check_ports_free [port...]: exits when one is in use (default: $port and $management)
check_ports_free() {
    local ports=("$@")
    if [ ${#ports[@]} -eq 0 ]; then
        ports=("$port" "$management")
    fi
    for p in "${ports[@]}"; do
        if listening "$p"; then
            echo "Port $p is in use: choose others with LOAD_PORT and LOAD_MANAGEMENT_PORT (see the script's head)." >&2
            exit 2
        fi
    done
}

server=
servers=()
# Each server in its own process group when setsid made one (the Maven build and kc.sh's java included), else the pid
stop_servers() {
    local running=() pid
    for pid in ${servers[@]+"${servers[@]}"}; do
        if kill -0 "$pid" 2>/dev/null; then
            running+=("$pid")
        fi
    done
    [ ${#running[@]} -gt 0 ] || return 0
    echo "Stopping the server(s) (pid ${running[*]})..."
    for pid in "${running[@]}"; do
        kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    done
    for _ in $(seq 1 60); do
        local alive=0
        for pid in "${running[@]}"; do
            if kill -0 "$pid" 2>/dev/null; then
                alive=1
            fi
        done
        [ "$alive" = 1 ] || return 0
        sleep 1
    done
    for pid in "${running[@]}"; do
        kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    done
}

# launch_server <log> <command...>: runs it in the background, in a session of its own; sets $launched to its pid
launch_server() {
    local log=$1
    shift
    trap stop_servers EXIT
    trap 'exit 130' INT TERM
    local session=()
    if command -v setsid >/dev/null; then
        session=(setsid)
    fi
    ${session[@]+"${session[@]}"} "$@" >"$log" 2>&1 &
    launched=$!
    servers+=("$launched")
}

# await_port <pid> <port> <log>: returns once the port is open; exits when the process ended first or 15 minutes passed
await_port() {
    local pid=$1 p=$2 log=$3
    for _ in $(seq 1 900); do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "The server stopped before it was ready. End of ${log#"$root"/}:" >&2
            tail -n 30 "$log" >&2
            exit 2
        fi
        listening "$p" && return 0
        sleep 1
    done
    echo "The server did not open port $p in 15 minutes; see ${log#"$root"/}" >&2
    exit 2
}

# Template caching on, as on a production server: start-dev would parse every page's templates on each request.
server_options=(--spi-theme--cache-themes=true --spi-theme--cache-templates=true)

# start_demo_server <h2 url options> <kc.sh options...>: a fresh database at $work/h2; returns once the port is open.
# A first argument --db-url=... is the server's database instead (the caller's to make fresh), passed as it is.
start_demo_server() {
    local database=$1
    shift
    case "$database" in
        --db-url=*) ;;
        *) database="--db-url=jdbc:h2:file:$work/h2/keycloakdb;NON_KEYWORDS=VALUE$database" ;;
    esac
    rm -rf "$work"
    mkdir -p "$work"
    echo "Starting the demo server on port $port (log: ${work#"$root"/}/server.log); the first start takes a while..."
    launch_server "$work/server.log" env DEMO_PORT="$port" DEMO_MANAGEMENT_PORT="$management" \
        "$root/distribution/demo/run.sh" \
        "$database" \
        "${server_options[@]}" \
        "$@"
    server=$launched
    await_port "$server" "$port" "$work/server.log"
}
