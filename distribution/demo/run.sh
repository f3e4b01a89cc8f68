#!/usr/bin/env bash
# Builds the provider jar and runs Keycloak 26.7.3 locally with the pack and the demo realm `zero-trust-demo`.
# No Docker: Keycloak's own distribution (unpacked once into .demo/) on its embedded H2 file database.
# Ctrl-C stops it. Data persists in .demo/keycloak-26.7.3/data; delete .demo/ to start afresh.
# DEMO_PORT (default 8080) sets the HTTP port, DEMO_MANAGEMENT_PORT the management interface's (Keycloak's default
# 9000); further arguments are passed to `kc.sh start-dev`, e.g. `--log-level=debug`. DEMO_IMPORT_REALM=false starts
# without importing the demo realm (benchmarks/pack-overhead.sh: the pack server must not have more to do than the
# server without the pack).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

version=26.7.3
port=${DEMO_PORT:-8080}
management=()
if [ -n "${DEMO_MANAGEMENT_PORT:-}" ]; then
    management=(--http-management-port "$DEMO_MANAGEMENT_PORT")
fi
home="$root/.demo/keycloak-$version"
import=(--import-realm)
if [ "${DEMO_IMPORT_REALM:-true}" = false ]; then
    import=()
fi

echo "Building the provider jar and preparing Keycloak $version (the first run downloads it)..."
./mvnw -q -B -Pdemo -pl distribution -am package -DskipTests

jar=$(ls distribution/target/keycloak-zero-trust-*.jar | grep -v original | head -1)

# Small GeoIP databases placing a few documentation addresses (RFC 5737), so locations can be simulated:
# 192.0.2.10 Berlin, 203.0.113.10 New York, 198.51.100.10 Tokyo (VPN on a hosting network), 198.51.100.200 Tokyo (Tor)
geoip="$root/.demo/geoip"
if [ ! -f "$geoip/GeoIP2-City-Test.mmdb" ]; then
    # the fixture writer (test jar) uses the main jar's IpAddress
    java -cp "$(ls risk-spi/target/zt-risk-spi-*-tests.jar | head -1):$(ls risk-spi/target/zt-risk-spi-*.jar | grep -v -- -tests | head -1)" \
        io.zerotrust.keycloak.risk.geo.GeoIpFixtures "$geoip"
fi
rm -f "$home"/providers/keycloak-zero-trust*.jar
cp "$jar" "$home/providers/keycloak-zero-trust.jar"
mkdir -p "$home/data/import"
cp distribution/demo/zero-trust-demo-realm.json "$home/data/import/"
chmod +x "$home/bin/kc.sh"

cat <<MSG

  Zero Trust demo (Keycloak $version) is starting on port $port.
    Sign in as a demo user:  http://127.0.0.1:$port/realms/zero-trust-demo/account
                             alice / Alice-Demo-1   or   bob / Bob-Demo-1
    Admin console:           http://127.0.0.1:$port/admin   (admin / admin)
    Metrics (zt_*):          http://127.0.0.1:${DEMO_MANAGEMENT_PORT:-9000}/metrics
    Simulate where a sign-in comes from (X-Forwarded-For is trusted from 127.0.0.1 only), e.g. with a
    browser extension that sets the header: 203.0.113.10 (New York: a one-time code is asked, then the
    offer to trust this browser), 2001:db8::10 (Paris: no code on a trusted browser), 198.51.100.200 (a Tor
    exit in Tokyo: access is denied). Follow the order in README.md, "Demo walk-through".
  Ctrl-C stops it.

MSG

export KC_BOOTSTRAP_ADMIN_USERNAME=${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}
export KC_BOOTSTRAP_ADMIN_PASSWORD=${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}
exec "$home/bin/kc.sh" start-dev \
    --http-port "$port" \
    ${import[@]+"${import[@]}"} \
    --features declarative-ui \
    --metrics-enabled true \
    --proxy-headers xforwarded \
    --proxy-trusted-addresses 127.0.0.1 \
    --spi-zt-geoip--maxmind--city-database="$geoip/GeoIP2-City-Test.mmdb" \
    --spi-zt-geoip--maxmind--asn-database="$geoip/GeoLite2-ASN-Test.mmdb" \
    --spi-zt-geoip--maxmind--anonymous-database="$geoip/GeoIP2-Anonymous-IP-Test.mmdb" \
    ${management[@]+"${management[@]}"} \
    "$@"
