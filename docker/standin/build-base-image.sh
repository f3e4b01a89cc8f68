#!/usr/bin/env bash
# A stand-in for the official Keycloak image, tagged exactly as docker/Dockerfile's KEYCLOAK_IMAGE default
# (quay.io/keycloak/keycloak:<version>) so that the Dockerfile builds unchanged: Debian with OpenJDK 17 and the
# official keycloak-quarkus-dist zip unpacked to /opt/keycloak, owned by uid 1000 as in the official image.
# Usage: build-base-image.sh KEYCLOAK_DIST_ZIP   (skips the build when an image of the same inputs exists)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/debian-image.sh"

zip=${1:?usage: $0 keycloak-quarkus-dist-VERSION.zip}
tag=$(sed -n 's/^ARG KEYCLOAK_IMAGE=//p' "$here/../Dockerfile")
hash=$(standin_inputs_hash "$0" "$here/debian-image.sh" "$zip")
if standin_current "$tag" "$hash"; then
    echo "Stand-in $tag is current"
    exit 0
fi

echo "Building stand-in $tag (debootstrap $STANDIN_SUITE, OpenJDK 17, $(basename "$zip"))"
rootfs=$STANDIN_WORK/keycloak-rootfs
standin_rootfs "$rootfs" openjdk-17-jre-headless
unpacked=$STANDIN_WORK/keycloak-dist
rm -rf "$unpacked" && mkdir -p "$unpacked"
unzip -q "$zip" -d "$unpacked"
mv "$unpacked"/keycloak-* "$rootfs/opt/keycloak"
rmdir "$unpacked"
chown -R 1000:0 "$rootfs/opt/keycloak"
# kc.sh build writes into lib/ and data/ as uid 1000; the group may too (OpenShift-style random uids)
chmod -R g+rwX "$rootfs/opt/keycloak"
standin_import "$rootfs" "$tag" "$hash" \
    "ENV LANG=en_US.UTF-8" "USER 1000" "WORKDIR /opt/keycloak" "EXPOSE 8080" "EXPOSE 8443" "EXPOSE 9000" \
    'ENTRYPOINT ["/opt/keycloak/bin/kc.sh"]'
echo "Built stand-in $tag"
