"""Replaces wagtail-localize's date format (`DATE_FORMAT`, "%-d %B %Y") with "%Y-%m-%d", written
in the site's time zone.

Why: the translation editor writes dates with `strftime`, whose month names are the C
locale's whatever language the admin speaks: a zh-hans translator read "手工翻译于 30 November
2026" next to each string and "30 November 2026" as the last publication (issue 17). The
admin's own lists show dates as 2026-11-30; so does this, in every language. `strftime` also
writes the datetime as the database gave it, in UTC: a string translated or a page published
before 08:00 Beijing time showed the day before (try-out F9). Both dates are read in
`TIME_ZONE` first: the same instant, so nothing saved changes.

Checked against wagtail-localize 1.14.5: `compat.DATE_FORMAT` is imported by name into
`models` (StringTranslation.get_comment, from `updated_at`) and `views.edit_translation` (the
editor's lastPublishedDate, from the page's live revision's `created_at`, else its
`last_published_at`), so both module globals are replaced; `before_edit_page` calls the editor
view through its module, so the module's function is replaced.
"""

from functools import wraps

from django.utils import timezone

from gongkai.patching import Patch

PATCH = Patch(
    library="wagtail-localize",
    checked_version="1.14.5",
    relies_on={
        "wagtail_localize.compat": "90c45e6b0a6aa129",
        "wagtail_localize.models.StringTranslation.get_comment": "ae022585eb24daf3",
        "wagtail_localize.views.edit_translation.edit_translation": "a6457c5b67a42e94",
        "wagtail_localize.wagtail_hooks.before_edit_page": "feb0d13b45e7d740",
    },
)

DATE_FORMAT = "%Y-%m-%d"


def read_in_local_time(instance, *fields):
    for field in fields:
        value = getattr(instance, field, None) if instance is not None else None
        if value is not None and timezone.is_aware(value):
            setattr(instance, field, timezone.localtime(value))


def comment_in_local_time(get_comment):
    @wraps(get_comment)
    def local_comment(self):
        read_in_local_time(self, "updated_at")
        return get_comment(self)

    return local_comment


def editor_in_local_time(edit_translation):
    @wraps(edit_translation)
    def local_editor(request, translation, instance, *args, **kwargs):
        read_in_local_time(instance, "last_published_at")
        read_in_local_time(getattr(instance, "live_revision", None), "created_at")
        return edit_translation(request, translation, instance, *args, **kwargs)

    return local_editor


def apply():
    from wagtail_localize import compat, models
    from wagtail_localize.views import edit_translation

    for module in (compat, models, edit_translation):
        module.DATE_FORMAT = DATE_FORMAT
    models.StringTranslation.get_comment = comment_in_local_time(
        models.StringTranslation.get_comment
    )
    edit_translation.edit_translation = editor_in_local_time(edit_translation.edit_translation)
