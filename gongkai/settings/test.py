from .base import *  # noqa: F403
from .base import CELERY_BROKER_URL, VAR_DIR, embedded_celery, env

SECRET_KEY = "test-only-insecure-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
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
    globals().update(embedded_celery(VAR_DIR / "test-celery"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "test-media"))

# A worker started by the integration suite is another process: it can only share an
# on-disk SQLite test database, never the in-memory default.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-db.sqlite3")}  # noqa: F405

# Search-engine tests (search/tests/test_engine.py) use a real node when one is running
# (tests/opensearch.sh start); the database backend stays the default for every other test.
if env.str("TEST_OPENSEARCH_URL", default=""):
    from search.engine import engine_backend

    WAGTAILSEARCH_BACKENDS["opensearch"] = engine_backend(  # noqa: F405
        "wagtail.search.backends.opensearch2",
        env.str("TEST_OPENSEARCH_URL"),
        "gongkai_test_",
        AUTO_UPDATE=False,
    )
