#!/bin/sh
# Entrypoint of the PostgreSQL stand-in: the official postgres image's contract as far as docker/compose.yaml uses it.
# A new data directory is initialised with POSTGRES_USER (default postgres) and POSTGRES_PASSWORD as its superuser
# and the database POSTGRES_DB (default: the user's name); then PostgreSQL runs in the foreground, listening on all
# addresses with password authentication.
set -eu
: "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set}"
user=${POSTGRES_USER:-postgres}
db=${POSTGRES_DB:-$user}
data=${PGDATA:-/var/lib/postgresql/data}

if [ ! -s "$data/PG_VERSION" ]; then
    password=$(mktemp)
    printf '%s' "$POSTGRES_PASSWORD" >"$password"
    initdb -D "$data" -U "$user" --pwfile="$password" -E UTF8 --auth-local=trust --auth-host=scram-sha-256 >/dev/null
    rm -f "$password"
    echo "host all all all scram-sha-256" >>"$data/pg_hba.conf"
    if [ "$db" != postgres ]; then
        # Only the local socket while setting up: nobody connects before the database exists
        pg_ctl -D "$data" -o "-c listen_addresses=''" -w start >/dev/null
        createdb -U "$user" "$db"
        pg_ctl -D "$data" -m fast -w stop >/dev/null
    fi
fi
exec postgres -D "$data" -c listen_addresses='*'
