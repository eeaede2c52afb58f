import os
import subprocess
import sys

from django.conf import settings
from django.db import connection

LONG_RANDOM_KEY = "k3J9vQ2mX8pL5nR7tW1yZ4bC6dF0gH2jK5lM8nP1qS4uV7wY0zA3cE6fI9oU2"


def import_production_settings(**env):
    """Import the production settings in a fresh interpreter with the given environment."""
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import gongkai.settings.production"],
        env=clean,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )


def test_production_refuses_debug():
    result = import_production_settings(DEBUG="true", SECRET_KEY=LONG_RANDOM_KEY)
    assert result.returncode != 0
    assert "DEBUG" in result.stderr


def test_production_refuses_missing_or_default_secret_key():
    assert "SECRET_KEY" in import_production_settings().stderr
    dev_key = "dev-only-insecure-key-do-not-use-in-production-xxxxxxxxxxxxxxx"
    assert import_production_settings(SECRET_KEY=dev_key).returncode != 0


def test_production_starts_with_a_real_key():
    result = import_production_settings(SECRET_KEY=LONG_RANDOM_KEY)
    assert result.returncode == 0, result.stderr


def test_chinese_first():
    assert settings.LANGUAGE_CODE == "zh-hans"
    assert settings.TIME_ZONE == "Asia/Shanghai"


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(db):
    if connection.vendor != "sqlite":
        return  # the PostgreSQL run checks the server settings below instead
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] >= 20000


def test_database_url_selects_postgresql():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings; import django; django.setup();"
            "print(settings.DATABASES['default']['ENGINE'])",
        ],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "gongkai.settings.dev",
            "DATABASE_URL": "postgres://u:p@127.0.0.1:5432/gongkai",
        },
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )
    assert result.stdout.strip() == "django.db.backends.postgresql", result.stderr
