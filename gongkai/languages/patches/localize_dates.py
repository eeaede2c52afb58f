"""Replaces wagtail-localize's date format (`DATE_FORMAT`, "%-d %B %Y") with "%Y-%m-%d".

Why: the translation editor writes dates with `strftime`, whose month names are the C
locale's whatever language the admin speaks: a zh-hans translator read "手工翻译于 30 November
2026" next to each string and "30 November 2026" as the last publication (issue 17). The
admin's own lists show dates as 2026-11-30; so does this, in every language.

Checked against wagtail-localize 1.14.5: `compat.DATE_FORMAT` is imported by name into
`models` (StringTranslation.get_comment) and `views.edit_translation` (the editor's
lastPublishedDate), so both module globals are replaced.
"""

from gongkai.patching import Patch

PATCH = Patch(
    library="wagtail-localize",
    checked_version="1.14.5",
    relies_on={
        "wagtail_localize.compat": "90c45e6b0a6aa129",
        "wagtail_localize.models.StringTranslation.get_comment": "ae022585eb24daf3",
        "wagtail_localize.views.edit_translation.edit_translation": "a6457c5b67a42e94",
    },
)

DATE_FORMAT = "%Y-%m-%d"


def apply():
    from wagtail_localize import compat, models
    from wagtail_localize.views import edit_translation

    for module in (compat, models, edit_translation):
        module.DATE_FORMAT = DATE_FORMAT
