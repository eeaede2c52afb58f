"""Disconnects wagtail-localize's receivers that copy a translated title into its page's
`draft_title` whenever the title's string is saved or deleted, and connects ones that leave a
live page alone.

What it replaces: `wagtail_localize.models.post_save_string_translation` and
`post_delete_string_translation`, connected to StringTranslation's `post_save` and
`post_delete`. Each time the translation editor saves the title's string (every edit, through
its API, a PO upload or machine translation), they write it into the translated page's row with
`Page.objects.filter(...).update(draft_title=...)`, or reset it to the live title when the
string is deleted.

Why: the admin names a page by `draft_title` (`get_admin_display_title()`: the explorer, the
page header, breadcrumbs, choosers, the translation editor's own page list), and beside it shows
whether the page has unpublished changes. Wagtail keeps `draft_title` the title of the latest
revision: a page whose draft differs from its live version has `has_unpublished_changes`, and
reads 已发布 + 草稿. The receivers change the title with no revision and no
`has_unpublished_changes`, so a live translation was listed under its unreviewed title as plain
已发布, as if the new title were public. (The row's public fields, `title` and the rest, were not
touched; the review guard allows `draft_title`, a state field.) With the replacement, a live
page's `draft_title` changes only with a revision, as Wagtail keeps it: submitting the
translation (`save_target(publish=False)` → `save_revision`) sets it with
`has_unpublished_changes`, and the review's publication makes it the live title.

A page that is not live has no public title to be mistaken for: its `draft_title` follows the
title's string as wagtail-localize has it.

Checked against wagtail-localize 1.14.5: both receivers are module functions connected with
`@receiver(..., sender=StringTranslation)` (no dispatch_uid), and act only on a string whose
context path is "title", on the pages of its context's object (the translation key) in its
locale.
"""

from django.db.models import F
from django.db.models.signals import post_delete, post_save

from gongkai.patching import Patch

PATCH = Patch(
    library="wagtail-localize",
    checked_version="1.14.5",
    relies_on={
        "wagtail_localize.models.post_save_string_translation": "9ffe5f167c48367b",
        "wagtail_localize.models.post_delete_string_translation": "259348a81a85c558",
    },
)


def draft_pages_titled_by(string_translation):
    """The pages that are not live whose title `string_translation` translates."""
    from wagtail.models import Page

    if string_translation.context.path != "title":
        return Page.objects.none()
    return Page.objects.filter(
        translation_key=string_translation.context.object_id,
        locale_id=string_translation.locale_id,
        live=False,
    )


def title_saved(instance, **kwargs):
    draft_pages_titled_by(instance).update(draft_title=instance.data)


def title_deleted(instance, **kwargs):
    draft_pages_titled_by(instance).update(draft_title=F("title"))


def apply():
    from wagtail_localize import models

    post_save.disconnect(models.post_save_string_translation, sender=models.StringTranslation)
    post_delete.disconnect(models.post_delete_string_translation, sender=models.StringTranslation)
    post_save.connect(
        title_saved, sender=models.StringTranslation, dispatch_uid="gongkai_draft_title_saved"
    )
    post_delete.connect(
        title_deleted, sender=models.StringTranslation, dispatch_uid="gongkai_draft_title_deleted"
    )
