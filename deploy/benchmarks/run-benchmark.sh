#!/usr/bin/env bash
# What every deploy/benchmarks/bench-*.sh does: build once if needed (REBUILD=1 forces it), then run the named
# benchmark class from org.matac.deploy.bench with the remaining arguments.
#   deploy/benchmarks/run-benchmark.sh <BenchmarkClass> [arguments...]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
benchmark="$1"
shift
if [ ! -f deploy/target/runtime-classpath.txt ] || [ "${REBUILD:-}" = "1" ]; then
  ./mvnw -B -q -DskipTests package
fi
export MATAC_REPOSITORY_ROOT="$root"
exec java -cp "deploy/target/classes:$(cat deploy/target/runtime-classpath.txt)" \
  "org.matac.deploy.bench.$benchmark" "$@"
