#!/usr/bin/env bash
# Checks the images `./mvnw -Pimages package` built, without a container engine: each is read with
# skopeo as a registry would see it (user, entrypoint, port), then unpacked into a folder and its
# Java started there, as the image's own user, on the class path the entrypoint names.
#
#   deploy/images/check-images.sh            (needs root for chroot, skopeo, and the image tars)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
declare -A ports=([tracking-service]=8081 [scoring-service]=8082 [notification-service]=8083 [console]=8080)
failures=0

fail() {
  echo "FAIL $1: $2"
  failures=$((failures + 1))
}

for module in tracking-service scoring-service notification-service console; do
  tar_file="$root/$module/target/image/$module.tar"
  if [ ! -f "$tar_file" ]; then
    fail "$module" "no image at $tar_file (run ./mvnw -Pimages package -DskipTests)"
    continue
  fi
  config="$(skopeo inspect --config "docker-archive:$tar_file")"
  user="$(jq -r '.config.User' <<< "$config")"
  entrypoint="$(jq -r '.config.Entrypoint | join(" ")' <<< "$config")"
  port="$(jq -r '.config.ExposedPorts | keys | join(",")' <<< "$config")"
  [ "$user" = "10001:10001" ] || fail "$module" "runs as '$user', not the unprivileged 10001:10001"
  [ "$port" = "${ports[$module]}/tcp" ] || fail "$module" "exposes '$port', not ${ports[$module]}/tcp"
  case "$entrypoint" in
    java*"-cp @/app/jib-classpath-file org.matac."*) ;;
    *) fail "$module" "unexpected entrypoint: $entrypoint" ;;
  esac

  unpacked="$(mktemp -d)"
  skopeo copy -q "docker-archive:$tar_file" "dir:$unpacked/blobs"
  mkdir "$unpacked/rootfs"
  for layer in $(jq -r '.layers[].digest | sub("sha256:"; "")' "$unpacked/blobs/manifest.json"); do
    tar --warning=no-unknown-keyword -xf "$unpacked/blobs/$layer" -C "$unpacked/rootfs"
  done
  missing="$(tr ':' '\n' < "$unpacked/rootfs/app/jib-classpath-file" \
    | while read -r entry; do [ -e "$unpacked/rootfs$entry" ] || echo "$entry"; done)"
  [ -z "$missing" ] || fail "$module" "class path entries missing from the image: $missing"
  mkdir -p "$unpacked/rootfs/proc"
  mount -t proc proc "$unpacked/rootfs/proc"
  # The entrypoint's own java, class path and main class, as the image's user: a class that only
  # prints its name proves the JVM, the libraries it links and the application's classes load.
  version="$(chroot --userspec=10001:10001 "$unpacked/rootfs" java -version 2>&1 | head -1)" \
    || fail "$module" "java does not start in the image: $version"
  loaded="$(chroot --userspec=10001:10001 "$unpacked/rootfs" java -cp @/app/jib-classpath-file \
    -XshowSettings:properties -version 2>&1 | grep -c 'java.class.path = /app/resources' || true)"
  [ "$loaded" = "1" ] || fail "$module" "the entrypoint's class path is not read from the image"
  main_class="${entrypoint##* }"
  found="$(chroot --userspec=10001:10001 "$unpacked/rootfs" sh -c \
    "cd /app/classes && ls $(tr . / <<< "$main_class").class" 2>&1)" \
    || fail "$module" "main class $main_class is not in the image: $found"
  umount "$unpacked/rootfs/proc"
  size="$(du -h "$tar_file" | cut -f1)"
  rm -rf "$unpacked"
  echo "OK   $module: user $user, port $port, $version, main $main_class, $size"
done

if [ "$failures" -gt 0 ]; then
  echo "$failures image check(s) failed"
  exit 1
fi
