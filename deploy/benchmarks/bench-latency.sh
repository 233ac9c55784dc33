#!/usr/bin/env bash
# Measures intake -> score change and intake -> inbox latency on the whole local stack:
#   deploy/benchmarks/bench-latency.sh [events-per-second] [seconds]     (defaults: 50 60)
# Starts its own stack in a temporary directory on the default ports (stop run-local.sh first),
# sends loopback HTTP only, and prints RESULT lines. Not part of the test suite.
exec "$(dirname "$0")/run-benchmark.sh" LatencyBenchmark "$@"
