-- The databases and roles of a MATAC deployment, for a DBA to run once as a superuser (or a role
-- with CREATEDB and CREATEROLE) before the first migration:
--
--   psql "host=db.example port=5432 user=postgres dbname=postgres" \
--     -v tracking_owner_password=... -v tracking_app_password=... \
--     -v scoring_owner_password=...  -v scoring_app_password=... \
--     -v notification_owner_password=... -v notification_app_password=... \
--     -f deploy/database/create-databases.sql
--
-- One database per service, each with two roles:
--   <db>_owner  owns the database and every table in it; only the migration step uses it
--               (java -jar <service>.jar migrate, or the image with the argument "migrate").
--   <db>_app    what the running service connects as: it reads and writes rows, and owns nothing,
--               so it cannot alter a table, switch off the audit trail's guard or empty it. Its
--               grants are renewed by every migration (service-support-grants), so tables added
--               later are granted too.
-- Neither role can reach another service's database. Set -v prefix=... to name them differently
-- (the test does, to leave the test databases alone). Nothing here is ever changed by the services.
\set ON_ERROR_STOP on
\if :{?prefix}
\else
  \set prefix ''
\endif

\set db :prefix tracking
\set owner_password :tracking_owner_password
\set app_password :tracking_app_password
\ir create-service-database.sql

\set db :prefix scoring
\set owner_password :scoring_owner_password
\set app_password :scoring_app_password
\ir create-service-database.sql

\set db :prefix notification
\set owner_password :notification_owner_password
\set app_password :notification_app_password
\ir create-service-database.sql
