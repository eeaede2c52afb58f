"""Replaces the view of every wagtail-localize admin URL that takes a `translation_id` with a
wrapper: for any method but GET, HEAD and OPTIONS, a page locked for the user refuses the change.

Why: wagtail-localize's views that change a translation (a string, a segment override, an
uploaded PO file, machine translation, stopping the sync) check only the edit permission
(`user_can_edit_instance`, `can_edit()`), which leaves Wagtail's locks out. The translation
editor greys its fields on a locked page, but a PUT to a string's address still changed the
translation that someone had locked, or that a reviewer was reading while a review locked it
for the editor. Reading (the editor, a preview, the PO download) is left alone. The guard is
put on every such address the hook registers, not on a list of views, so one added in a later
wagtail-localize is guarded too.

Checked against wagtail-localize 1.14.5: `register_admin_urls` returns one `localize/`
include of its URL patterns; those of a translation take `translation_id` by keyword.
"""

from functools import wraps

from django.core.exceptions import ObjectDoesNotExist
from django.http import JsonResponse
from django.urls import URLPattern, URLResolver
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page

from gongkai.patching import Patch

PATCH = Patch(
    library="wagtail-localize",
    checked_version="1.14.5",
    relies_on={
        "wagtail_localize.wagtail_hooks.register_admin_urls": "df8da21aeecf01b3",
    },
)

HOOK = "register_admin_urls"
READING = {"GET", "HEAD", "OPTIONS"}
LOCKED = _("该页面已被锁定，译文不能修改；解锁后再修改。")


def locked_for(user, translation_id):
    from wagtail_localize.models import Translation

    translation = Translation.objects.filter(pk=translation_id).first()
    if translation is None:
        return False  # the view answers 404
    try:
        page = translation.get_target_instance()
    except ObjectDoesNotExist:  # no target yet: the view decides
        return False
    return isinstance(page, Page) and page.permissions_for_user(user).page_locked()


def refusing_changes_to_locked_pages(view):
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if request.method not in READING and locked_for(request.user, kwargs["translation_id"]):
            return JsonResponse({"detail": str(LOCKED)}, status=403)
        return view(request, *args, **kwargs)

    return guarded


def guard(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            guard(pattern.url_patterns)
        elif isinstance(pattern, URLPattern) and "translation_id" in pattern.pattern.converters:
            pattern.callback = refusing_changes_to_locked_pages(pattern.callback)


def guarding(register_admin_urls):
    @wraps(register_admin_urls)
    def guarded_admin_urls():
        patterns = register_admin_urls()
        guard(patterns)
        return patterns

    return guarded_admin_urls


def apply():
    from wagtail_localize import wagtail_hooks as localize_hooks

    theirs = localize_hooks.register_admin_urls
    hooks._hooks[HOOK] = [
        (guarding(function) if function is theirs else function, order)
        for function, order in hooks._hooks[HOOK]
    ]
