"""Create Superset's admin user, or set its password, from the environment.

    python admin_user.py [--check]
    SUPERSET_ADMIN_USER, SUPERSET_ADMIN_PASSWORD, SUPERSET_ADMIN_EMAIL  (docker-compose.yml, from .env)

With --check it only validates the variables (bootstrap.sh does so before migrating).

Run by bootstrap.sh at every container start, in Superset's own Python. The password is read
from the environment only: on a command line (`superset fab create-admin --password ...`) any
user of the host could read it from the process list. A placeholder of .env.example
(change-me...) or a password shorter than 12 characters stops the start-up with a message.
"""

import os
import sys

MIN_PASSWORD = 12


def _fail(message: str) -> None:
    print(f"bootstrap: {message}", file=sys.stderr)
    sys.exit(1)


def admin_password() -> str:
    password = os.environ.get("SUPERSET_ADMIN_PASSWORD", "")
    if not password:
        _fail("SUPERSET_ADMIN_PASSWORD не задан: задайте его в .env (образец — .env.example) и перезапустите.")
    if password.strip().lower().startswith("change-me"):
        _fail("SUPERSET_ADMIN_PASSWORD — это образец из .env.example («change-me…»), а не пароль. Задайте в .env "
              f"свой пароль не короче {MIN_PASSWORD} символов и перезапустите.")
    if len(password) < MIN_PASSWORD:
        _fail(f"SUPERSET_ADMIN_PASSWORD короче {MIN_PASSWORD} символов (в нём {len(password)}). Задайте в .env "
              f"пароль не короче {MIN_PASSWORD} символов и перезапустите.")
    return password


def main() -> None:
    username = os.environ.get("SUPERSET_ADMIN_USER", "")
    email = os.environ.get("SUPERSET_ADMIN_EMAIL", "")
    if not username or not email:
        _fail("SUPERSET_ADMIN_USER и SUPERSET_ADMIN_EMAIL должны быть заданы в .env (образец — .env.example).")
    password = admin_password()
    if "--check" in sys.argv[1:]:
        return

    from superset.app import create_app  # pylint: disable=import-outside-toplevel

    app = create_app()
    with app.app_context():
        from superset import security_manager  # pylint: disable=import-outside-toplevel

        user = security_manager.find_user(username=username)
        if user is None:
            created = security_manager.add_user(username, "Orientir", "Admin", email,
                                                security_manager.find_role(security_manager.auth_role_admin), password=password)
            if not created:
                _fail(f"не удалось создать администратора {username}: см. журнал Superset выше.")
            print(f"bootstrap: administrator {username} created")
        else:
            security_manager.reset_password(user.id, password)
            print(f"bootstrap: administrator {username}: password set from SUPERSET_ADMIN_PASSWORD")


if __name__ == "__main__":
    main()
