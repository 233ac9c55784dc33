#!/usr/bin/env bash
# Imports a synthetic history through Kafka and times it against a raw Kafka-to-JDBC baseline:
#   deploy/benchmarks/bench-backfill.sh [events] [seed]     (defaults: 20000 1)
# Starts its own stack in a temporary directory on the default ports (stop run-local.sh first)
# and prints RESULT lines. Not part of the test suite.
exec "$(dirname "$0")/run-benchmark.sh" BackfillBenchmark "$@"
