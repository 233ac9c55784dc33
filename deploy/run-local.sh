#!/usr/bin/env bash
# Starts the whole system locally: PostgreSQL, Kafka, a development token issuer and the three
# services and the console, with data kept in .local-data (or $MATAC_DATA_DIR). Pass --fresh to start empty.
# Ports: CONSOLE_PORT 8080, TRACKING_PORT 8081, SCORING_PORT 8082, NOTIFICATION_PORT 8083, KAFKA_PORT 9092,
# POSTGRES_PORT 15432, JWKS_PORT 8090. Ctrl-C stops everything.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

jar_missing() {
  for module in tracking-service scoring-service notification-service console; do
    ls "$module"/target/"$module"-*.jar >/dev/null 2>&1 || return 0
  done
  [ -f deploy/target/runtime-classpath.txt ] || return 0
  return 1
}

if jar_missing || [ "${REBUILD:-}" = "1" ]; then
  echo "Building the services (once; REBUILD=1 forces it)..."
  ./mvnw -B -q -DskipTests package
fi

export MATAC_REPOSITORY_ROOT="$root"
exec java -cp "deploy/target/classes:$(cat deploy/target/runtime-classpath.txt)" \
  org.matac.deploy.LocalStack "$@"
