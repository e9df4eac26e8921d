#!/usr/bin/env bash
# Start Superset for Orientir: migrate the metadata database, make sure the admin user exists
# with the password from .env, create the default roles and permissions, then serve on 8088.
# Every step is idempotent, so this runs at every container start.
set -euo pipefail

: "${SUPERSET_ADMIN_USER:?SUPERSET_ADMIN_USER is not set}"
: "${SUPERSET_ADMIN_PASSWORD:?SUPERSET_ADMIN_PASSWORD is not set}"
: "${SUPERSET_ADMIN_EMAIL:?SUPERSET_ADMIN_EMAIL is not set}"

echo "bootstrap: superset db upgrade"
superset db upgrade

# create-admin leaves an existing user untouched (it prints "Error! User already exists" and
# goes on), so the password is set explicitly: the orientir service logs in with the same
# .env values, and changing SUPERSET_ADMIN_PASSWORD in .env takes effect at the next start.
echo "bootstrap: admin user ${SUPERSET_ADMIN_USER}"
superset fab create-admin \
    --username "$SUPERSET_ADMIN_USER" \
    --firstname Orientir \
    --lastname Admin \
    --email "$SUPERSET_ADMIN_EMAIL" \
    --password "$SUPERSET_ADMIN_PASSWORD"
superset fab reset-password \
    --username "$SUPERSET_ADMIN_USER" \
    --password "$SUPERSET_ADMIN_PASSWORD"

echo "bootstrap: superset init"
superset init

# The image's own server script (gunicorn on $SUPERSET_PORT, 8088); its path moved in 4.1.
for server in /app/docker/entrypoints/run-server.sh /usr/bin/run-server.sh; do
    if [ -x "$server" ]; then
        echo "bootstrap: starting $server"
        exec "$server"
    fi
done
echo "bootstrap: run-server.sh not found, starting gunicorn directly"
exec gunicorn --bind "0.0.0.0:${SUPERSET_PORT:-8088}" --workers 2 --worker-class gthread \
    --threads 20 --timeout 120 --limit-request-line 0 --limit-request-field_size 0 \
    "superset.app:create_app()"
