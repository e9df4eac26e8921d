# Superset configuration for Orientir's tests: a throwaway SQLite metadata database and a generated secret key,
# both handed in through the environment by start-superset.sh. Never used in production.
import os

SECRET_KEY = os.environ["ORIENTIR_TEST_SUPERSET_SECRET"]
SQLALCHEMY_DATABASE_URI = "sqlite:///" + os.environ["ORIENTIR_TEST_SUPERSET_HOME"] + "/superset.db?check_same_thread=false"
# The security REST API: `orientir dashboards sync` creates the municipal roles through it.
FAB_ADD_SECURITY_API = True
# The machine has no internet: no map tiles, no telemetry, no thumbnails.
# Every chart renders at once (no virtualisation), so the browser test sees them all.
FEATURE_FLAGS = {"ALERT_REPORTS": False, "THUMBNAILS": False, "DASHBOARD_RBAC": False, "DASHBOARD_VIRTUALIZATION": False}
SUPERSET_WEBSERVER_TIMEOUT = 120
WTF_CSRF_ENABLED = True
TALISMAN_ENABLED = False
CONTENT_SECURITY_POLICY_WARNING = False
PREVENT_UNSAFE_DB_CONNECTIONS = False
RATELIMIT_ENABLED = False
AUTH_RATE_LIMITED = False
SQLLAB_CTAS_NO_LIMIT = True
CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}
# Chart data is cached as in the shipped configuration (docker/superset/superset_config.py): on disk, shared by the
# gunicorn workers; `dashboards sync` renews every dataset, so no chart outlives the publication it showed.
DATA_CACHE_CONFIG = {
    "CACHE_TYPE": "FileSystemCache",
    "CACHE_DIR": os.path.join(os.environ["ORIENTIR_TEST_SUPERSET_HOME"], "data-cache"),
    "CACHE_DEFAULT_TIMEOUT": 3600,
    "CACHE_THRESHOLD": 5000,
}
# Analysts read Superset in Russian: the default locale, and Russian enabled (Superset ships LANGUAGES empty, which
# Flask-AppBuilder turns into English only).
BABEL_DEFAULT_LOCALE = "ru"
LANGUAGES = {
    "ru": {"flag": "ru", "name": "Русский"},
    "en": {"flag": "us", "name": "English"},
}
# Numbers as Russian readers write them: a decimal comma and a no-break space between thousands (35,1; 1 074 465).
D3_FORMAT = {"decimal": ",", "thousands": "\u00a0", "grouping": [3], "currency": ["", "\u00a0₽"]}
