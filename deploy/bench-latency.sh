#!/usr/bin/env bash
# Measures intake -> score change and intake -> inbox latency on the whole local stack:
#   deploy/bench-latency.sh [events-per-second] [seconds]     (defaults: 50 60)
# Starts its own stack in a temporary directory on the default ports (stop run-local.sh first),
# sends loopback HTTP only, and prints RESULT lines. Not part of the test suite.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [ ! -f deploy/target/runtime-classpath.txt ] || [ "${REBUILD:-}" = "1" ]; then
  ./mvnw -B -q -DskipTests package
fi
export MATAC_REPOSITORY_ROOT="$root"
exec java -cp "deploy/target/classes:$(cat deploy/target/runtime-classpath.txt)" \
  org.matac.deploy.bench.LatencyBenchmark "$@"
