#!/usr/bin/env bash
# Builds the provider jar and runs Keycloak 26.7.3 locally with the pack and the demo realm `zero-trust-demo`.
# No Docker: Keycloak's own distribution (unpacked once into .demo/) on its embedded H2 file database.
# Ctrl-C stops it. Data persists in .demo/keycloak-26.7.3/data; delete .demo/ to start afresh.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

version=26.7.3
port=${DEMO_PORT:-8080}
home="$root/.demo/keycloak-$version"

echo "Building the provider jar and preparing Keycloak $version (the first run downloads it)..."
./mvnw -q -B -Pdemo -pl distribution -am package -DskipTests

jar=$(ls distribution/target/keycloak-zero-trust-*.jar | grep -v original | head -1)
rm -f "$home"/providers/keycloak-zero-trust*.jar
cp "$jar" "$home/providers/keycloak-zero-trust.jar"
mkdir -p "$home/data/import"
cp distribution/demo/zero-trust-demo-realm.json "$home/data/import/"
chmod +x "$home/bin/kc.sh"

cat <<MSG

  Zero Trust demo (Keycloak $version) is starting on port $port.
    Sign in as a demo user:  http://localhost:$port/realms/zero-trust-demo/account
                             alice / Alice-Demo-1   or   bob / Bob-Demo-1
    Admin console:           http://localhost:$port/admin   (admin / admin)
    Simulate a client address (trusted from 127.0.0.1 only):
                             curl -H 'X-Forwarded-For: 203.0.113.7' ...
  Ctrl-C stops it.

MSG

export KC_BOOTSTRAP_ADMIN_USERNAME=${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}
export KC_BOOTSTRAP_ADMIN_PASSWORD=${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}
exec "$home/bin/kc.sh" start-dev \
    --http-port "$port" \
    --import-realm \
    --proxy-headers xforwarded \
    --proxy-trusted-addresses 127.0.0.1
