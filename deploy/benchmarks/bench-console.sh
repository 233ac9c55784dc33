#!/usr/bin/env bash
# Times the console's pages, each rendered end to end, with N perpetrators stored:
#   deploy/benchmarks/bench-console.sh [perpetrators] [seed]     (defaults: 100000 1)
# Starts its own stack in a temporary directory on the default ports (stop run-local.sh first)
# and prints RESULT lines (p50, p95, p99, max per page). Not part of the test suite.
exec "$(dirname "$0")/run-benchmark.sh" ConsolePageBenchmark "$@"
