"""Superset configuration for the Orientir docker-compose stack.

Mounted at /app/pythonpath/superset_config.py. Every value comes from the environment
(docker-compose.yml, .env); no secret lives in this file. A missing required variable
stops Superset at start-up with its name, instead of running with a default key; so does a
secret left at its .env.example placeholder (change-me...) or too short (SUPERSET_SECRET_KEY
at least 32 characters, SUPERSET_DB_PASSWORD at least 12).
"""

import os
from urllib.parse import quote


def _required(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        raise RuntimeError(
            f"superset_config: переменная {name} не задана: задайте её в .env (образец — .env.example) "
            "и перезапустите.\n"
            f"superset_config: environment variable {name} is not set (docker-compose.yml passes it from .env)"
        )
    return value


def _secret(name: str, minimum: int) -> str:
    """A required secret that is neither a placeholder of .env.example (change-me...) nor shorter than `minimum`."""
    value = _required(name)
    if value.strip().lower().startswith("change-me"):
        raise RuntimeError(
            f"superset_config: {name} — это образец из .env.example («change-me…»), а не секрет. Задайте в .env "
            f"своё значение не короче {minimum} символов (например, openssl rand -base64 42) и перезапустите.\n"
            f"superset_config: {name} is still the .env.example placeholder"
        )
    if len(value) < minimum:
        raise RuntimeError(
            f"superset_config: {name} короче {minimum} символов (в нём {len(value)}). Задайте в .env значение "
            f"не короче {minimum} символов (например, openssl rand -base64 42) и перезапустите.\n"
            f"superset_config: {name} is shorter than {minimum} characters"
        )
    return value


# Signs sessions and encrypts the stored database passwords: a known or short key hands both to anyone.
SECRET_KEY = _secret("SUPERSET_SECRET_KEY", 32)

# Metadata database: the `superset` database on the compose postgres server.
SQLALCHEMY_DATABASE_URI = "postgresql+psycopg2://{user}:{password}@{host}:{port}/{db}".format(
    user=quote(_required("SUPERSET_DB_USER"), safe=""),
    password=quote(_secret("SUPERSET_DB_PASSWORD", 12), safe=""),
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
# Numbers as Russian readers write them: a decimal comma and a no-break space between thousands (35,1; 1 074 465).
D3_FORMAT = {"decimal": ",", "thousands": "\u00a0", "grouping": [3], "currency": ["", "\u00a0₽"]}

# Chart data is cached on the superset-home volume, shared by every web worker: a dashboard opened again, or by a
# colleague with the same filters and rights, is served from it. Each `dashboards sync` (a pipeline run ends with one
# after its publication) renews every Orientir dataset, and Superset keys the cache by the dataset's change time, so a
# chart never shows the data of an earlier publication. The timeout bounds how long a publication made without a sync
# (SUPERSET_URL not set for the pipeline) stays unseen: an hour by default.
DATA_CACHE_CONFIG = {
    "CACHE_TYPE": "FileSystemCache",
    "CACHE_DIR": os.environ.get("SUPERSET_DATA_CACHE_DIR", "/app/superset_home/data-cache"),
    "CACHE_DEFAULT_TIMEOUT": int(os.environ.get("SUPERSET_DATA_CACHE_TIMEOUT", "3600")),
    "CACHE_THRESHOLD": 5000,
}

# Orientir's `dashboards sync` creates the municipal roles and their row-level security rules through Superset's
# security REST API, which Superset exposes only with this flag.
FAB_ADD_SECURITY_API = True
