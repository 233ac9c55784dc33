#!/bin/sh
# Generated from org.matac.infra.KafkaAccess by KafkaAccessScript: do not edit; see
# docs/adr/0011. Gives each account its SCRAM-SHA-256 credential and exactly the rules
# the local stack's broker enforces. Needs: BOOTSTRAP (host:port), ADMIN_CONFIG (client
# properties of a super user) and, per account, <ACCOUNT>_KAFKA_PASSWORD (for example
# TRACKING_KAFKA_PASSWORD, HAMPSHIRE_POLICE_KAFKA_PASSWORD). Safe to run again.
set -eu
tools="${KAFKA_TOOLS:-/opt/kafka/bin}"

credential() {
  "$tools/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" \
    --alter --entity-type users --entity-name "$1" \
    --add-config "SCRAM-SHA-256=[iterations=8192,password=$2]"
}

allow() {
  "$tools/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" \
    --add --allow-principal "$@"
}

# tracking
credential tracking "$TRACKING_KAFKA_PASSWORD"
allow User:tracking --operation Create --operation Describe --operation Read --operation Write --topic intake.police-events.v1
allow User:tracking --operation Create --operation Describe --operation Read --operation Write --topic intake.partner-events.v1
allow User:tracking --operation Create --operation Describe --operation Write --operation Read --topic intake.dead-letter.v1
allow User:tracking --operation Create --operation Describe --operation Write --topic tracking.profile-changed.v1
allow User:tracking --operation Create --operation Describe --operation Write --topic tracking.safety-worker-assigned.v1
allow User:tracking --operation Create --operation Describe --operation Write --topic tracking.safety-worker-unassigned.v1
allow User:tracking --operation Create --operation Describe --operation Write --topic tracking.referral-status-changed.v1
allow User:tracking --operation Create --operation Describe --operation Write --topic tracking.perpetrator-disposed.v1
allow User:tracking --operation Create --operation Describe --operation Write --operation Read --topic tracking.dead-letter.v1
allow User:tracking --operation Create --operation Describe --topic scoring.score-changed.v1
allow User:tracking --operation Create --operation Describe --topic scoring.tasking-list-published.v1
allow User:tracking --operation Create --operation Describe --operation Read --operation Write --topic scoring.foundation-list-published.v1
allow User:tracking --operation Create --operation Describe --topic scoring.dead-letter.v1
allow User:tracking --operation Create --operation Describe --topic notification.dead-letter.v1
allow User:tracking --operation Read --group tracking --resource-pattern-type prefixed
allow User:tracking --operation Describe --operation DescribeConfigs --cluster

# scoring
credential scoring "$SCORING_KAFKA_PASSWORD"
allow User:scoring --operation Create --operation Describe --topic intake.police-events.v1
allow User:scoring --operation Create --operation Describe --topic intake.partner-events.v1
allow User:scoring --operation Create --operation Describe --topic intake.dead-letter.v1
allow User:scoring --operation Create --operation Describe --operation Read --operation Write --topic tracking.profile-changed.v1
allow User:scoring --operation Create --operation Describe --topic tracking.safety-worker-assigned.v1
allow User:scoring --operation Create --operation Describe --topic tracking.safety-worker-unassigned.v1
allow User:scoring --operation Create --operation Describe --operation Read --operation Write --topic tracking.referral-status-changed.v1
allow User:scoring --operation Create --operation Describe --operation Read --operation Write --topic tracking.perpetrator-disposed.v1
allow User:scoring --operation Create --operation Describe --topic tracking.dead-letter.v1
allow User:scoring --operation Create --operation Describe --operation Write --topic scoring.score-changed.v1
allow User:scoring --operation Create --operation Describe --operation Write --topic scoring.tasking-list-published.v1
allow User:scoring --operation Create --operation Describe --operation Write --topic scoring.foundation-list-published.v1
allow User:scoring --operation Create --operation Describe --operation Write --operation Read --topic scoring.dead-letter.v1
allow User:scoring --operation Create --operation Describe --topic notification.dead-letter.v1
allow User:scoring --operation Read --group scoring --resource-pattern-type prefixed
allow User:scoring --operation Describe --operation DescribeConfigs --cluster

# notification
credential notification "$NOTIFICATION_KAFKA_PASSWORD"
allow User:notification --operation Create --operation Describe --topic intake.police-events.v1
allow User:notification --operation Create --operation Describe --topic intake.partner-events.v1
allow User:notification --operation Create --operation Describe --topic intake.dead-letter.v1
allow User:notification --operation Create --operation Describe --operation Read --operation Write --topic tracking.profile-changed.v1
allow User:notification --operation Create --operation Describe --operation Read --operation Write --topic tracking.safety-worker-assigned.v1
allow User:notification --operation Create --operation Describe --operation Read --operation Write --topic tracking.safety-worker-unassigned.v1
allow User:notification --operation Create --operation Describe --topic tracking.referral-status-changed.v1
allow User:notification --operation Create --operation Describe --operation Read --operation Write --topic tracking.perpetrator-disposed.v1
allow User:notification --operation Create --operation Describe --topic tracking.dead-letter.v1
allow User:notification --operation Create --operation Describe --operation Read --operation Write --topic scoring.score-changed.v1
allow User:notification --operation Create --operation Describe --operation Read --operation Write --topic scoring.tasking-list-published.v1
allow User:notification --operation Create --operation Describe --topic scoring.foundation-list-published.v1
allow User:notification --operation Create --operation Describe --topic scoring.dead-letter.v1
allow User:notification --operation Create --operation Describe --operation Write --operation Read --topic notification.dead-letter.v1
allow User:notification --operation Read --group notification --resource-pattern-type prefixed
allow User:notification --operation Describe --operation DescribeConfigs --cluster

# HAMPSHIRE_POLICE
credential HAMPSHIRE_POLICE "$HAMPSHIRE_POLICE_KAFKA_PASSWORD"
allow User:HAMPSHIRE_POLICE --operation Write --operation Describe --topic intake.police-events.v1

# HAMPTON_TRUST
credential HAMPTON_TRUST "$HAMPTON_TRUST_KAFKA_PASSWORD"
allow User:HAMPTON_TRUST --operation Write --operation Describe --topic intake.partner-events.v1

# SOUTHAMPTON_IDVA
credential SOUTHAMPTON_IDVA "$SOUTHAMPTON_IDVA_KAFKA_PASSWORD"
allow User:SOUTHAMPTON_IDVA --operation Write --operation Describe --topic intake.partner-events.v1

