"""Production settings for bench_http, with one difference: static files are stored with
Django's manifest (hashed names, as in production) but not also compressed, since compressing
Wagtail's admin assets takes minutes on a loaded machine and the pages benched read only the
manifest. The bench serves no static file. And one addition: `?cold=<n>` addresses are stored
(ColdAddresses)."""

from django.apps import AppConfig

from gongkai.settings.production import *  # noqa: F403
from gongkai.settings.production import STORAGES

STORAGES["staticfiles"] = {
    "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
}


class ColdAddresses(AppConfig):
    """The bench's `?cold=<n>` addresses stored as the page's own address is after its change
    (the page cache stores only parameters a page reads, a bounded number of them)."""

    name = "bench"
    label = "bench_cold_addresses"

    def ready(self):
        from gongkai.page_cache import every_page_reads

        every_page_reads("cold")


INSTALLED_APPS = [*INSTALLED_APPS, "bench.http_settings.ColdAddresses"]  # noqa: F405
PAGE_CACHE_VARIANTS = 10**9
