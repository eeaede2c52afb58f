import re

from .base import *  # noqa: F403
from .base import CELERY_BROKER_URL, VAR_DIR, celery_queues, embedded_celery, env

SECRET_KEY = "test-only-insecure-key"

# `make test` runs the suite in parallel (pytest-xdist). Each xdist worker gets its own
# database (pytest-django adds the suffix), queue, cache keys, media folder and search-engine
# indexes, so that a real Celery worker or a rate limit in one never sees the other's data.
XDIST_WORKER = env.str("PYTEST_XDIST_WORKER", default="")
_own = f"-{XDIST_WORKER}" if XDIST_WORKER else ""
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Django's test client's login() authenticates without a request, which django-axes refuses;
# this backend lets that one call through and throttles every real request as axes does.
AUTHENTICATION_BACKENDS = [
    "tests.login_backend.AxesBackendAllowingTestClientLogin",
    "django.contrib.auth.backends.ModelBackend",
]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# Unit tests run Celery tasks in the calling process and Wagtail's django-tasks at once;
# the integration suite (tests/integration) starts a real worker and switches both off.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
CELERY_TASK_EAGER_PROPAGATES = True
TASKS = {
    "default": {
        "BACKEND": env.str(
            "TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend"
        )
    },
    "celery": {"BACKEND": "gongkai.tasks_backend.CeleryBackend"},
}
if CELERY_BROKER_URL.startswith("filesystem") or not CELERY_BROKER_URL:
    # Never share a queue with a development worker started by `make run`.
    (
        CELERY_BROKER_URL,
        CELERY_BROKER_TRANSPORT,
        CELERY_BROKER_TRANSPORT_OPTIONS,
        CELERY_RESULT_BACKEND,
    ) = embedded_celery(VAR_DIR / f"test-celery{_own}")
CELERY_TASK_DEFAULT_QUEUE = f"celery{_own}"
CELERY_TASK_QUEUES, CELERY_TASK_ROUTES = celery_queues(
    CELERY_TASK_DEFAULT_QUEUE, f"interactive{_own}"
)
# Eager Celery would build three downloads (a PDF among them) on every report a test publishes;
# disclosure/reports/tests/test_exports_on_publish.py turns it on.
GONGKAI_REPORT_EXPORTS_ON_PUBLISH = False
# Likewise every publication would recompute its organisation's inspection;
# disclosure/inspection/tests/test_snapshots.py turns it on.
GONGKAI_INSPECTION_REFRESH_ON_PUBLISH = False
CACHES["default"]["KEY_PREFIX"] = f"test{_own}"  # noqa: F405
_worker_number = re.fullmatch(r"gw(\d+)", XDIST_WORKER)
if _worker_number and CACHES["default"]["BACKEND"].endswith("RedisCache"):  # noqa: F405
    # A Redis cache's clear() empties its whole database, whatever the key prefix: each worker
    # gets a database of its own (the broker's is 0, the shared cache's 1), so that emptying
    # the caches before a test (tests/fixtures.py) never empties another worker's rate limits
    # or warmed answers in the middle of its test. (A benchmark names itself as a worker too,
    # PYTEST_XDIST_WORKER=bench, to have files of its own; it runs alone.)
    CACHES["default"]["LOCATION"] = re.sub(  # noqa: F405
        r"/\d+$",
        f"/{2 + int(_worker_number[1])}",
        CACHES["default"]["LOCATION"],  # noqa: F405
    )
CACHES["pages"] = {  # noqa: F405
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "test-pages",
}

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / f"test-media{_own}"))

# A worker started by the integration suite is another process: it can only share an
# on-disk SQLite test database, never the in-memory default.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-db.sqlite3")}  # noqa: F405

# Search-engine tests (search/tests/test_engine.py) use a real node when one is running
# (tests/opensearch.sh start); the database backend stays the default for every other test.
if env.str("TEST_OPENSEARCH_URL", default=""):
    WAGTAILSEARCH_BACKENDS["opensearch"] = {  # noqa: F405
        "BACKEND": "search.backends.opensearch2",
        "URLS": [env.str("TEST_OPENSEARCH_URL")],
        "INDEX_PREFIX": f"gongkai_test{_own.replace('-', '_')}_",
        "TIMEOUT": 10,
        "AUTO_UPDATE": False,
    }
