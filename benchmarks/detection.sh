#!/usr/bin/env bash
# Detection benchmark: the share of legitimate sign-ins asked to re-authenticate against the share of attacks
# caught, for the pack's risk engine at its defaults and for the Freeman et al. (NDSS 2016) baseline, on synthetic
# login histories (no data to download). Needs only a JDK 17+.
#
#   benchmarks/detection.sh                 # seed 1, 4000 users, 2000 attacks per attacker and history length
#   benchmarks/detection.sh --seed 7        # options of DetectionBenchmark (--help lists them)
#   benchmarks/detection.sh --geoip city-asn-list   # GeoIP as free City + ASN databases with the hosting-ASN list
#
# Writes benchmarks/target/detection/report.txt and roc.png, and the report to stdout. Same seed, same figures.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

./mvnw -q -B -pl benchmarks -am package -DskipTests
exec java -Djava.awt.headless=true -cp benchmarks/target/benchmarks.jar \
    io.zerotrust.keycloak.bench.detection.DetectionBenchmark "$@"
