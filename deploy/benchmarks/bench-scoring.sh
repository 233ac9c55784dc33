#!/usr/bin/env bash
# Times an area ranking, a tasking draft and a full rescore with N perpetrators stored:
#   deploy/benchmarks/bench-scoring.sh [perpetrators] [seed]     (defaults: 100000 1)
# Starts its own stack in a temporary directory on the default ports (stop run-local.sh first)
# and prints RESULT lines. Not part of the test suite.
exec "$(dirname "$0")/run-benchmark.sh" ScoringBenchmark "$@"
