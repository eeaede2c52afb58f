from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["*"])
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
GONGKAI_SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)
# Template and code changes show at once while developing.
CACHES["pages"] = env.cache_url("PAGE_CACHE_URL", default="dummycache://")  # noqa: F405
