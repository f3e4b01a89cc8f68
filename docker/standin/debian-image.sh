# Sourced by the stand-in image scripts: a Debian rootfs made with debootstrap, imported into podman as an image.
# Stand-ins exist for machines with no Docker engine and no registry access, where podman and Debian's mirror are
# all there is; they are built once and kept while their inputs stay the same.

STANDIN_SUITE=${STANDIN_SUITE:-bookworm}
STANDIN_MIRROR=${STANDIN_MIRROR:-http://deb.debian.org/debian}
# Outside the git tree: a rootfs holds device nodes and root-owned files
STANDIN_WORK=${STANDIN_WORK:-/var/cache/zt-standin}
STANDIN_LABEL=io.zerotrust.standin.inputs

# standin_inputs_hash FILE...: hash of the suite and the given files (scripts, archives), naming an image's inputs
standin_inputs_hash() {
    { echo "$STANDIN_SUITE"; sha256sum "$@" | awk '{print $1}'; } | sha256sum | awk '{print $1}'
}

# standin_current TAG HASH: true when TAG exists and was built from these inputs
standin_current() {
    [ "$(podman image inspect --format "{{ index .Labels \"$STANDIN_LABEL\" }}" "$1" 2>/dev/null)" = "$2" ]
}

# standin_rootfs DIR PACKAGES: a fresh minimal Debian in DIR with the given packages (comma-separated)
standin_rootfs() {
    rm -rf "$1"
    mkdir -p "$(dirname "$1")"
    debootstrap --variant=minbase --include="$2" "$STANDIN_SUITE" "$1" "$STANDIN_MIRROR" >"$1.log" 2>&1 \
        || { tail -20 "$1.log" >&2; return 1; }
    # Nothing of apt's download cache belongs in an image
    rm -rf "$1"/var/cache/apt/archives/*.deb "$1"/var/lib/apt/lists/*
}

# standin_import DIR TAG HASH CHANGE...: imports DIR as image TAG, labelled with HASH, with Dockerfile CHANGEs
standin_import() {
    local dir=$1 tag=$2 hash=$3
    shift 3
    local changes=(--change "LABEL $STANDIN_LABEL=$hash")
    for change in "$@"; do
        changes+=(--change "$change")
    done
    tar -C "$dir" --numeric-owner -cf - . | podman import "${changes[@]}" - "$tag" >/dev/null
    rm -rf "$dir"
}
