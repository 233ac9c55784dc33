#!/usr/bin/env bash
# Builds the base image every service image is built on, from Debian's own packages and without a
# container engine: debootstrap a minimal Debian 12 with OpenJDK 17's headless runtime into a
# folder, add the unprivileged user the services run as, and write the folder as a one-layer image
# in `docker save` form, which Jib takes as `tar://` (see docs/operations.md, "Images").
#
#   deploy/images/build-base-image.sh [output.tar]     (needs root, debootstrap and Debian's mirror)
#
# DEBIAN_MIRROR names another mirror (a force's own, say). The image is rebuilt only when asked:
# security updates arrive by running this again and rebuilding the service images on top.
set -euo pipefail

output="${1:-$(cd "$(dirname "$0")/.." && pwd)/target/images/matac-base.tar}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
suite=bookworm
tag="matac/base:debian12-jre17"
# The services' user: no login, no home, the same number in every image and manifest.
uid=10001

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"

echo "Installing Debian ${suite} (minbase) with openjdk-17-jre-headless from ${mirror}"
debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates,tzdata \
  "$suite" "$rootfs" "$mirror" > "$work/debootstrap.log" 2>&1 || {
  tail -20 "$work/debootstrap.log"
  exit 1
}

echo "matac:x:${uid}:${uid}:MATAC service:/nonexistent:/usr/sbin/nologin" >> "$rootfs/etc/passwd"
echo "matac:x:${uid}:" >> "$rootfs/etc/group"
echo "matac:!:19000::::::" >> "$rootfs/etc/shadow"
# A writable place for the JVM's temporary files when the root file system is mounted read-only.
mkdir -p "$rootfs/tmp" && chmod 1777 "$rootfs/tmp"

# What a running service never needs: downloaded packages, package lists, manuals, translations.
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
  "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* \
  "$rootfs"/usr/share/locale/* "$rootfs"/var/log/* "$rootfs"/dev/* "$rootfs"/proc/* \
  "$rootfs"/sys/*
java_home="$(cd "$rootfs" && readlink -f usr/lib/jvm/java-17-openjdk-amd64 | sed "s|^$rootfs||")"
packages="$(chroot "$rootfs" dpkg-query -W -f '${Package}=${Version}\n' | wc -l)"
jdk="$(chroot "$rootfs" dpkg-query -W -f '${Version}' openjdk-17-jre-headless)"

image="$work/image"
mkdir -p "$image"
tar --numeric-owner --sort=name -C "$rootfs" -cf "$image/layer.tar" .
layer_digest="$(sha256sum "$image/layer.tar" | cut -d' ' -f1)"
mkdir "$image/$layer_digest"
mv "$image/layer.tar" "$image/$layer_digest/layer.tar"

created="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
cat > "$image/config.json" <<JSON
{
  "architecture": "amd64",
  "os": "linux",
  "created": "${created}",
  "config": {
    "User": "${uid}:${uid}",
    "Env": [
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "JAVA_HOME=${java_home}",
      "LANG=C.UTF-8"
    ],
    "WorkingDir": "/",
    "Labels": {
      "org.opencontainers.image.title": "matac base: Debian 12 with OpenJDK 17 (headless)",
      "org.opencontainers.image.description": "${packages} Debian packages; openjdk-17-jre-headless ${jdk}"
    }
  },
  "rootfs": { "type": "layers", "diff_ids": ["sha256:${layer_digest}"] },
  "history": [
    { "created": "${created}", "created_by": "deploy/images/build-base-image.sh (debootstrap ${suite} minbase)" }
  ]
}
JSON
config_digest="$(sha256sum "$image/config.json" | cut -d' ' -f1)"
mv "$image/config.json" "$image/${config_digest}.json"
cat > "$image/manifest.json" <<JSON
[{ "Config": "${config_digest}.json", "RepoTags": ["${tag}"], "Layers": ["${layer_digest}/layer.tar"] }]
JSON

mkdir -p "$(dirname "$output")"
# Entries named plainly (manifest.json, not ./manifest.json): Jib refuses names it cannot place.
(cd "$image" && tar -cf "$output" manifest.json "${config_digest}.json" "$layer_digest")
echo "Base image ${tag}: ${output} ($(du -h "$output" | cut -f1), ${packages} packages, OpenJDK ${jdk}, user ${uid})"
