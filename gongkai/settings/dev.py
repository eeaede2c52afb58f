from urllib.parse import urlsplit

from .base import *  # noqa: F403
from .base import WAGTAILADMIN_BASE_URL, env

# `make run` passes DEBUG=0 unless asked for DEBUG=1, so that it shows the site's own 404 and
# 500 pages; `manage.py runserver` on its own keeps Django's debug pages.
DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS",
    default=sorted(
        {"localhost", "127.0.0.1", "[::1]", urlsplit(WAGTAILADMIN_BASE_URL).hostname or "localhost"}
    ),
)
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
GONGKAI_SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)
# Template and code changes show at once while developing.
CACHES["pages"] = env.cache_url("PAGE_CACHE_URL", default="dummycache://")  # noqa: F405
