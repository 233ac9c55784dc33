#!/bin/sh
# Run once by the postgres image on an empty data directory: the DBA's script, with the passwords
# from the environment compose gives this container (compose.yaml, .env).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v tracking_owner_password="$TRACKING_OWNER_PASSWORD" -v tracking_app_password="$TRACKING_APP_PASSWORD" \
  -v scoring_owner_password="$SCORING_OWNER_PASSWORD" -v scoring_app_password="$SCORING_APP_PASSWORD" \
  -v notification_owner_password="$NOTIFICATION_OWNER_PASSWORD" \
  -v notification_app_password="$NOTIFICATION_APP_PASSWORD" \
  -f /matac/database/create-databases.sql
