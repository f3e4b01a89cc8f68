#!/usr/bin/env bash
# Makes podman usable as the Docker engine of the image tests on a Debian machine without one (CI's machines):
# installs podman, runc, podman-compose and what the stand-in images are built with, and sets podman up for
# these machines: crun refuses their hybrid cgroup layout, there is no systemd to manage cgroups, and containers
# may not raise their limits above the machine's.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
need=()
for tool in podman:podman runc:runc podman-compose:podman-compose debootstrap:debootstrap unzip:unzip; do
    command -v "${tool%%:*}" >/dev/null || need+=("${tool#*:}")
done
if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq
    apt-get install -y -qq "${need[@]}" >/dev/null
fi
mkdir -p /etc/containers/containers.conf.d
cat >/etc/containers/containers.conf.d/zt-standin.conf <<'CONF'
# Written by docker/standin/install-podman.sh (Zero Trust pack CI)
[containers]
default_ulimits = ["nofile=10000:10000", "nproc=4096:4096"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
CONF
