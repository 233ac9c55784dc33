#!/usr/bin/env bash
# Posts synthetic events to HTTP intake, single and in batches of 100, for a fixed time:
#   deploy/benchmarks/bench-http-intake.sh [seconds] [clients]     (defaults: 30 4)
# Starts its own stack in a temporary directory on the default ports (stop run-local.sh first)
# and prints RESULT lines. Not part of the test suite.
exec "$(dirname "$0")/run-benchmark.sh" HttpIntakeBenchmark "$@"
