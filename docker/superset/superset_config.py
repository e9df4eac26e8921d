"""Superset configuration for the Orientir docker-compose stack.

Mounted at /app/pythonpath/superset_config.py. Every value comes from the environment
(docker-compose.yml, .env); no secret lives in this file. A missing required variable
stops Superset at start-up with its name, instead of running with a default key.
"""

import os
from urllib.parse import quote


def _required(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        raise RuntimeError(
            f"superset_config: environment variable {name} is not set "
            "(docker-compose.yml passes it from .env; see .env.example)"
        )
    return value


SECRET_KEY = _required("SUPERSET_SECRET_KEY")

# Metadata database: the `superset` database on the compose postgres server.
SQLALCHEMY_DATABASE_URI = "postgresql+psycopg2://{user}:{password}@{host}:{port}/{db}".format(
    user=quote(_required("SUPERSET_DB_USER"), safe=""),
    password=quote(_required("SUPERSET_DB_PASSWORD"), safe=""),
    host=os.environ.get("SUPERSET_DB_HOST", "postgres"),
    port=os.environ.get("SUPERSET_DB_PORT", "5432"),
    db=os.environ.get("SUPERSET_DB_NAME", "superset"),
)
# Survive a postgres restart without serving errors from dead pooled connections.
SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}

# Dashboard readers work in Russian; English stays one click away.
BABEL_DEFAULT_LOCALE = os.environ.get("SUPERSET_DEFAULT_LOCALE", "ru")
LANGUAGES = {
    "ru": {"flag": "ru", "name": "Русский"},
    "en": {"flag": "us", "name": "English"},
}

# Orientir's `dashboards sync` creates the municipal roles and their row-level security rules through Superset's
# security REST API, which Superset exposes only with this flag.
FAB_ADD_SECURITY_API = True
