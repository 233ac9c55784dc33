#!/usr/bin/env bash
# Times an area ranking, a tasking draft and a full rescore with N perpetrators stored:
#   deploy/bench-scoring.sh [perpetrators] [seed]     (defaults: 100000 1)
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
  org.matac.deploy.bench.ScoringBenchmark "$@"
