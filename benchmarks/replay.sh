#!/usr/bin/env bash
# Replay a realm's recorded sign-ins through the pack's real risk model with chosen settings ("what if"): per day,
# the prompts (MEDIUM) and refusals (HIGH) each setting set would have made, beside what the server recorded; the
# reason codes; the users most often prompted; what the export did not let it judge. Needs only a JDK 17+.
#
#   benchmarks/replay.sh zt-events.jsonl                                  # the zt-events file sink's output
#   benchmarks/replay.sh events.json --medium-at 40                       # a saved GET /admin/realms/{realm}/events
#   benchmarks/replay.sh zt-events.jsonl --compare --medium-at 40 --set device.unknown-log-odds=1.0
#   benchmarks/replay.sh --help                                           # every option
#
# Writes benchmarks/target/replay/report.txt (--out changes it) and the report to stdout.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

(cd "$root" && ./mvnw -q -B -pl benchmarks -am package -DskipTests)
exec java -Dreplay.out="$root/benchmarks/target/replay" -cp "$root/benchmarks/target/benchmarks.jar" \
    io.zerotrust.keycloak.bench.replay.RealmReplay "$@"
