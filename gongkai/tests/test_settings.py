import os
import subprocess
import sys
from pathlib import Path

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


def production_cache(**env):
    """The production settings' default cache backend under `env` (CACHE_URL and REDIS_URL
    unset unless given)."""
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "CACHE_URL", "REDIS_URL"}}
    clean.update(SECRET_KEY=LONG_RANDOM_KEY, **env)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "from gongkai.settings import production; "
            "print(production.CACHES['default']['BACKEND'])",
        ],
        env=clean,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )


def test_production_refuses_a_per_process_cache_for_the_rate_limits():
    # Each gunicorn worker would count the rate limits (gongkai/ratelimit.py) on its own.
    result = production_cache(CACHE_URL="locmemcache://gongkai")
    assert result.returncode != 0
    assert "CACHE_URL" in result.stderr and "进程" in result.stderr


def test_production_without_a_cache_server_shares_a_file_cache_between_processes():
    result = production_cache()
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.core.cache.backends.filebased.FileBasedCache"
    redis = production_cache(REDIS_URL="redis://redis:6379/0")
    assert redis.stdout.strip() == "django.core.cache.backends.redis.RedisCache"


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


def test_settings_read_from_dot_env_come_from_it_before_any_is_used(tmp_path):
    """A GONGKAI_VAR_DIR set only in .env is honoured: base.py reads .env before any setting.
    The settings module runs as a copy beside its own .env, so the repository's is untouched."""
    settings_dir = tmp_path / "gongkai" / "settings"
    settings_dir.mkdir(parents=True)
    copy = settings_dir / "base.py"
    copy.write_text(
        (Path(settings.BASE_DIR) / "gongkai" / "settings" / "base.py").read_text(encoding="utf-8")
    )
    var_dir = tmp_path / "from-dot-env"
    (tmp_path / ".env").write_text(f"GONGKAI_VAR_DIR={var_dir}\n")
    clean = {k: v for k, v in os.environ.items() if k != "GONGKAI_VAR_DIR"}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import runpy, sys; s = runpy.run_path(sys.argv[1]);"
            " print(s['VAR_DIR']); print(s['MEDIA_ROOT'])",
            str(copy),
        ],
        env=clean,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(var_dir), str(var_dir / "media")]
