#!/usr/bin/env bash
# Start Superset for Orientir: check the admin's password, migrate the metadata database, create
# the default roles and permissions, make sure the admin user exists with the password from .env,
# then serve on 8088. Every step is idempotent, so this runs at every container start.
set -euo pipefail

: "${SUPERSET_ADMIN_USER:?SUPERSET_ADMIN_USER is not set}"
: "${SUPERSET_ADMIN_PASSWORD:?SUPERSET_ADMIN_PASSWORD is not set}"
: "${SUPERSET_ADMIN_EMAIL:?SUPERSET_ADMIN_EMAIL is not set}"
PYTHON=/app/.venv/bin/python
[ -x "$PYTHON" ] || PYTHON=python
ADMIN_USER=/app/docker/orientir/admin_user.py

# refuse a change-me or short admin password before anything else (superset_config.py does the
# same for SUPERSET_SECRET_KEY and SUPERSET_DB_PASSWORD when Superset starts)
"$PYTHON" "$ADMIN_USER" --check

echo "bootstrap: superset db upgrade"
superset db upgrade

echo "bootstrap: superset init"
superset init

# The admin user, created or given the password from .env, so the orientir service logs in with
# the same values and a changed SUPERSET_ADMIN_PASSWORD takes effect at the next start. The
# password goes through the environment only, never on a command line (which every user of the
# host can read in the process list); a change-me placeholder or a short one stops the start.
echo "bootstrap: admin user ${SUPERSET_ADMIN_USER}"
"$PYTHON" "$ADMIN_USER"

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
