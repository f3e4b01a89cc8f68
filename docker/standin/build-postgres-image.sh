#!/usr/bin/env bash
# A stand-in for the official postgres image: Debian's PostgreSQL (15 on bookworm) with an entrypoint that honours
# POSTGRES_DB, POSTGRES_USER and POSTGRES_PASSWORD and a pg_isready on the PATH for compose's healthcheck.
# Tagged zt-standin/postgres:<major>, never postgres:17: docker/compose.yaml takes it as POSTGRES_IMAGE.
# Prints the tag last. Skips the build when an image of the same inputs exists.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/debian-image.sh"

hash=$(standin_inputs_hash "$0" "$here/debian-image.sh" "$here/postgres-entrypoint.sh")
existing=$(podman images --filter "label=$STANDIN_LABEL=$hash" --format '{{.Repository}}:{{.Tag}}' \
    | grep '/zt-standin/postgres:' | head -1 || true)
if [ -n "$existing" ]; then
    echo "Stand-in $existing is current" >&2
    echo "${existing#localhost/}"
    exit 0
fi

echo "Building the PostgreSQL stand-in (debootstrap $STANDIN_SUITE, postgresql)" >&2
rootfs=$STANDIN_WORK/postgres-rootfs
standin_rootfs "$rootfs" postgresql
major=$(ls "$rootfs/usr/lib/postgresql" | sort -n | tail -1)
tag=zt-standin/postgres:$major
# Debian's package made a cluster in /var/lib/postgresql/15/main; the entrypoint makes its own in the volume
rm -rf "$rootfs/var/lib/postgresql/$major" "$rootfs/etc/postgresql/$major"
install -m 0755 "$here/postgres-entrypoint.sh" "$rootfs/usr/local/bin/postgres-entrypoint"
postgres_ids=$(chroot "$rootfs" id -u postgres):$(chroot "$rootfs" id -g postgres)
install -d -o "${postgres_ids%:*}" -g "${postgres_ids#*:}" -m 0700 "$rootfs/var/lib/postgresql/data"
install -d -o "${postgres_ids%:*}" -g "${postgres_ids#*:}" -m 2775 "$rootfs/var/run/postgresql"
standin_import "$rootfs" "$tag" "$hash" \
    "ENV PATH=/usr/lib/postgresql/$major/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    "ENV PGDATA=/var/lib/postgresql/data" "USER postgres" "EXPOSE 5432" "VOLUME /var/lib/postgresql/data" \
    'ENTRYPOINT ["/usr/local/bin/postgres-entrypoint"]'
echo "Built stand-in $tag" >&2
echo "$tag"
