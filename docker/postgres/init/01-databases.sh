#!/usr/bin/env bash
# Creates Orientir's databases on the compose `postgres` server.
#
# The postgres image runs this once, when its data volume is empty; changing the passwords
# in .env later does not change them here (ALTER ROLE, or drop the volume to start afresh).
#
#   orientir_batch   Spring Batch job repository   owner: $ORIENTIR_DB_USER
#   orientir_quartz  Quartz job store              owner: $ORIENTIR_DB_USER
#   superset         Superset metadata             owner: $SUPERSET_DB_USER
#
# Two roles, so Superset (a web application analysts log into) cannot reach the job repository.
set -euo pipefail

: "${ORIENTIR_DB_USER:?ORIENTIR_DB_USER is not set}"
: "${ORIENTIR_DB_PASSWORD:?ORIENTIR_DB_PASSWORD is not set}"
: "${SUPERSET_DB_USER:?SUPERSET_DB_USER is not set}"
: "${SUPERSET_DB_PASSWORD:?SUPERSET_DB_PASSWORD is not set}"

# Values travel as psql variables (:"name" quotes an identifier, :'name' a literal),
# so no password or role name is ever spliced into SQL text.
psql --no-psqlrc -v ON_ERROR_STOP=1 \
    --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
    -v orientir_user="$ORIENTIR_DB_USER" -v orientir_password="$ORIENTIR_DB_PASSWORD" \
    -v superset_user="$SUPERSET_DB_USER" -v superset_password="$SUPERSET_DB_PASSWORD" <<'SQL'
CREATE ROLE :"orientir_user" LOGIN PASSWORD :'orientir_password';
CREATE ROLE :"superset_user" LOGIN PASSWORD :'superset_password';

CREATE DATABASE orientir_batch  OWNER :"orientir_user" ENCODING 'UTF8';
CREATE DATABASE orientir_quartz OWNER :"orientir_user" ENCODING 'UTF8';
CREATE DATABASE superset        OWNER :"superset_user" ENCODING 'UTF8';

-- Only each database's owner (and the superuser) may connect to it.
REVOKE ALL ON DATABASE orientir_batch  FROM PUBLIC;
REVOKE ALL ON DATABASE orientir_quartz FROM PUBLIC;
REVOKE ALL ON DATABASE superset        FROM PUBLIC;
SQL
