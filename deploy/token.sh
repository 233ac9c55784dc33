#!/usr/bin/env bash
# Prints a development JWT signed by the local stack's issuer, for example:
#   deploy/token.sh --sub pnc-feed --roles PARTNER_SYSTEM --agency HAMPSHIRE_POLICE
#   deploy/token.sh --sub idva-worker-1 --roles VICTIM_SAFETY_WORKER --agency SOUTHAMPTON_IDVA --areas SOUTHAMPTON
# The services trust it only in their local environment, which run-local.sh starts them in.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [ ! -f deploy/target/runtime-classpath.txt ]; then
  ./mvnw -B -q -DskipTests package -pl deploy -am
fi
export MATAC_REPOSITORY_ROOT="$root"
exec java -cp "deploy/target/classes:$(cat deploy/target/runtime-classpath.txt)" \
  org.matac.deploy.TokenCommand "$@"
