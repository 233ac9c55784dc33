#!/usr/bin/env bash
# Posts synthetic events to HTTP intake, single and in batches of 100, for a fixed time:
#   deploy/bench-http-intake.sh [seconds] [clients]     (defaults: 30 4)
# Starts its own stack in a temporary directory on the default ports (stop run-local.sh first)
# and prints RESULT lines. Not part of the test suite.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [ ! -f deploy/target/runtime-classpath.txt ] || [ "${REBUILD:-}" = "1" ]; then
  ./mvnw -B -q -DskipTests package
fi
export MATAC_REPOSITORY_ROOT="$root"
exec java -cp "deploy/target/classes:$(cat deploy/target/runtime-classpath.txt)" \
  org.matac.deploy.bench.HttpIntakeBenchmark "$@"
