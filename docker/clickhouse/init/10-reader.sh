#!/bin/bash
# Creates the read-only user Superset reads the warehouse as (see reader-grants.sql.in beside this file). Runs once,
# from the ClickHouse image's entrypoint, on an empty volume; the grants name tables that Orientir's migrations create
# later, which ClickHouse allows. The passwords come from the environment (.env), never from this file, and never
# appear on a command line: clickhouse-client reads CLICKHOUSE_USER and CLICKHOUSE_PASSWORD from its environment.
set -euo pipefail
: "${CLICKHOUSE_READER_USER:?set CLICKHOUSE_READER_USER in .env}"
: "${CLICKHOUSE_READER_PASSWORD:?set CLICKHOUSE_READER_PASSWORD in .env}"
if ! [[ "$CLICKHOUSE_READER_USER" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]]; then
  echo "CLICKHOUSE_READER_USER: only letters, digits and _ (got '$CLICKHOUSE_READER_USER')" >&2
  exit 1
fi
shopt -u patsub_replacement 2>/dev/null || true   # bash 5.2+: & in a replacement is literal again
pw=$CLICKHOUSE_READER_PASSWORD
pw=${pw//\\/\\\\}
pw=${pw//\'/\\\'}
sql=$(cat "$(dirname "$0")/reader-grants.sql.in")
sql=${sql//\{reader\}/$CLICKHOUSE_READER_USER}
sql=${sql//\{database\}/${CLICKHOUSE_DB:-orientir}}
sql=${sql//\{password\}/\'$pw\'}
printf '%s\n' "$sql" | clickhouse client --multiquery
echo "read-only user $CLICKHOUSE_READER_USER created for Superset"
