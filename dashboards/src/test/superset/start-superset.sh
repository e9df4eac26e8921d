#!/usr/bin/env bash
# Starts a throwaway Apache Superset on 127.0.0.1:PORT for Orientir's tests and waits until it answers.
#   start-superset.sh VENV HOME PORT ADMIN_PASSWORD
# VENV: a virtualenv with apache-superset, duckdb-engine, duckdb, clickhouse-connect (see .ci/run).
# HOME: an empty folder for the SQLite metadata database, the config and the log; the server's pid goes to HOME/pid.
set -euo pipefail
VENV="$1"; HOME_DIR="$2"; PORT="$3"; ADMIN_PASSWORD="$4"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$HOME_DIR"
export SUPERSET_CONFIG_PATH="$HERE/superset_config.py"
export ORIENTIR_TEST_SUPERSET_HOME="$HOME_DIR"
export ORIENTIR_TEST_SUPERSET_SECRET="$(head -c 32 /dev/urandom | base64)"
export FLASK_APP=superset SUPERSET_HOME="$HOME_DIR" PYTHONUNBUFFERED=1
SUPERSET="$VENV/bin/superset"
{
  "$SUPERSET" db upgrade
  "$SUPERSET" fab create-admin --username admin --firstname Orientir --lastname Admin \
      --email admin@orientir.invalid --password "$ADMIN_PASSWORD"
  "$SUPERSET" init
} > "$HOME_DIR/setup.log" 2>&1 || { tail -50 "$HOME_DIR/setup.log" >&2; exit 1; }
"$VENV/bin/gunicorn" --bind "127.0.0.1:$PORT" --workers 2 --threads 4 --worker-class gthread --timeout 300 \
    --limit-request-line 0 --limit-request-field_size 0 "superset.app:create_app()" > "$HOME_DIR/server.log" 2>&1 &
echo $! > "$HOME_DIR/pid"
for _ in $(seq 1 180); do
  if curl -fsS "http://127.0.0.1:$PORT/health" > /dev/null 2>&1; then
    echo "superset up on 127.0.0.1:$PORT"
    exit 0
  fi
  if ! kill -0 "$(cat "$HOME_DIR/pid")" 2>/dev/null; then
    tail -50 "$HOME_DIR/server.log" >&2; exit 1
  fi
  sleep 1
done
echo "superset did not answer on port $PORT within 180 s" >&2
tail -50 "$HOME_DIR/server.log" >&2
exit 1
