"""Every admin address answers in the language its signed-in user chose for the admin.

Wagtail switches to the user's language (their account's 语言 setting) inside
`require_admin_access`, around the view alone: what answers outside it — Wagtail's admin 404
(`display_custom_404` catches the view's Http404 after the switch has ended, and its catch-all
`default` view never switches) — came in the site's Chinese to a user who reads the admin in
English. Wagtail's own `get_localized_response` (what `require_admin_access` calls) wraps each
admin view once more, from the outside."""

import functools

from wagtail.admin.localization import get_localized_response
from wagtail.utils.urlpatterns import decorate_urlpatterns


def _in_the_users_language(view_func):
    @functools.wraps(view_func)
    def wrapper(request, *args, **kwargs):
        return get_localized_response(view_func, request, *args, **kwargs)

    return wrapper


def in_the_users_language(urlpatterns):
    """`urlpatterns` (the admin's), each view answering in the signed-in user's admin language
    (an anonymous user's: the request's)."""
    return decorate_urlpatterns(list(urlpatterns), _in_the_users_language)
