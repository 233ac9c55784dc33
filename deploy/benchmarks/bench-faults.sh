#!/usr/bin/env bash
# The system under faults (issue 14): a synthetic history and live incidents about watched people,
# through two instances of every service, while instances are killed with SIGKILL, the broker is
# restarted, PostgreSQL is stopped as in a crash and a poison message lands on every consumed topic:
#   deploy/benchmarks/bench-faults.sh [events] [seed]     (defaults: 50000 1)
# Starts its own stack in a temporary directory on the default ports (stop run-local.sh first)
# and prints RESULT lines: lost, repeated, dead-lettered, kills survived. Not part of the test suite
# (a brief run of the same suite is: FaultSuiteTest).
exec "$(dirname "$0")/run-benchmark.sh" FaultSuite "$@"
