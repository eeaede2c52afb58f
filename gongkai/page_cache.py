"""A shared cache of public pages that is emptied whenever published content changes.

Anonymous visitors read the same pages over and over; editors publish a few times a day. So
rendered pages are kept in their own cache (``CACHES["pages"]``: Redis in production, shared by
every web process and worker) and the whole of it is cleared on publish, unpublish, move or
delete of any page, and when site settings change: a listing, the home page, the feeds and the
sitemap all show other pages, so clearing one URL would leave them stale. The timeout only
bounds what no signal covers (e.g. a snippet renamed).

Only Wagtail's page serving is cached (feeds are page routes, so they are too), only for
requests without a session (signed-in editors and visitors who passed a password restriction
always get a fresh page), only for 200 responses that set no cookie and are not marked private.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from wagtail import views as wagtail_views
from wagtail.contrib.settings.models import BaseSiteSetting

PAGE_CACHE_ALIAS = "pages"
_KEY_ATTR = "_gongkai_page_cache_key"


def page_cache():
    return caches[PAGE_CACHE_ALIAS]


def clear_page_cache(**kwargs):
    """Signal receiver: published content changed somewhere."""
    page_cache().clear()


def clear_page_cache_on_settings_change(sender, **kwargs):
    # Site settings (the footer's 主办/承办, 备案号) appear on every page.
    if issubclass(sender, BaseSiteSetting):
        page_cache().clear()


def _cache_key(request):
    url = request.build_absolute_uri()
    return "page:" + hashlib.sha256(url.encode()).hexdigest()


def _response_is_shareable(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, _KEY_ATTR, None)
        if key and _response_is_shareable(response):
            page_cache().set(key, response, settings.PAGE_CACHE_SECONDS)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            request.method != "GET"
            or view_func is not wagtail_views.serve
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            or request.user.is_authenticated
        ):
            return None
        key = _cache_key(request)
        cached = page_cache().get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        setattr(request, _KEY_ATTR, key)
        return None
