-- One service's database and its two roles; included by create-databases.sql with :db,
-- :owner_password and :app_password set.
\set owner :db _owner
\set app :db _app

CREATE ROLE :"owner" LOGIN PASSWORD :'owner_password';
CREATE ROLE :"app" LOGIN PASSWORD :'app_password';
CREATE DATABASE :"db" OWNER :"owner" ENCODING 'UTF8' TEMPLATE template0;
-- Only the two roles connect; nobody else's default PUBLIC access.
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db" TO :"owner", :"app";

\connect :"db"
-- The owner migrates into the public schema; the service role uses it and creates nothing.
REVOKE ALL ON SCHEMA public FROM PUBLIC;
ALTER SCHEMA public OWNER TO :"owner";
GRANT USAGE ON SCHEMA public TO :"app";
\connect postgres
