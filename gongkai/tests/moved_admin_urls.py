"""URLs with Wagtail's admin at another address (gongkai/tests/test_csp.py)."""

from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls

urlpatterns = [path("backstage/", include(wagtailadmin_urls))]
