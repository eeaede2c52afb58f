"""Production settings for bench_http, with one difference: static files are stored with
Django's manifest (hashed names, as in production) but not also compressed, since compressing
Wagtail's admin assets takes minutes on a loaded machine and the pages benched read only the
manifest. The bench serves no static file."""

from gongkai.settings.production import *  # noqa: F403
from gongkai.settings.production import STORAGES

STORAGES["staticfiles"] = {
    "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
}
