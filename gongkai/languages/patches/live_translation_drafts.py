"""Replaces `wagtail_localize.models.TranslationSource.create_or_update_translation` with a
wrapper that saves the update of a live translated page as a draft revision only.

Why: asked for a draft (`publish=False`, as `Translation.save_target` and 翻译此页 ask on this
platform), wagtail-localize still ingests the translated text into the existing translated page,
calls `translation.save()`, which writes that unreviewed text (and a new slug) into the row the
public reads, and only then `save_revision()`. On a live disclosure page the review guard
(disclosure/moderation/publishing/publication.py) refuses the save, so a translator could not
save an update of a published translation even as a draft: the update was lost behind 没有权限.

What the wrapper does, only when the target page exists, is live and a draft is asked for: it runs
wagtail-localize's own method on that page (handed to it through `get_translated_instance`, on this
source object only), whose plain `save()` of the whole row is skipped for this call; the saves that
name their fields (those of `save_revision`: the latest revision, `draft_title`,
`has_unpublished_changes`, comments) go through as before. So the new text, the synchronised fields
and the slug wagtail-localize makes available are in the new revision only; the live row, its
address and its live revision stay as they are until the review publishes the draft. Validation
(`save_revision` runs `full_clean`), the mapping of validation errors onto the translated strings,
the view-restriction sync and the TranslationLog are wagtail-localize's, unchanged. Nothing of the
method is copied.

The view-restriction sync stays: a restriction is no revision content but a live setting, and
wagtail-localize copies the source's onto the translation. Copying it narrows who may read, and
the source's restriction already hid every translation of the source
(disclosure/catalogue/visibility.py), so it shows nothing new; removing or loosening one is
judged by disclosure/moderation/publishing/view_restrictions.py like any other change.

A live alias (a column whose item was translated first: 翻译此页 made it an alias of the
Chinese column) is a live target too. wagtail-localize first makes it a page of its own by
writing `alias_of` alone, which the review guard lets a translation alias do because the row
keeps the content its original published; the whole-row save of the translated text is then
skipped as above, so the translation waits in a draft revision for review while the public
still reads the Chinese column's content. Before, the guard refused the whole-row save and the
translator landed on 没有权限 with nothing saved.

A draft translation (not live), a new translation and a publication (`publish=True`) take
wagtail-localize's path unchanged.

Checked against wagtail-localize 1.14.5: `create_or_update_translation(locale, user, publish,
copy_parent_pages, fallback)` fetches the existing target with `self.get_translated_instance
(locale)` once; for an alias it first saves `update_fields=["alias_of_id"]`, a revision
(`changed=False`) and a `wagtail.convert_alias` log entry; for any page it sets the slug, calls
`translation.save()` without arguments, then `translation.save_revision(user=user)`,
`self.sync_view_restrictions`, and publishes on commit only when `publish`;
`get_translated_instance` returns the specific instance. Wagtail 8.0.1's `Page.save_revision` saves
the row only with `update_fields` (its fingerprint is recorded too).
"""

import functools

from django.core.exceptions import ObjectDoesNotExist

from gongkai.patching import Patch

PATCH = Patch(
    library="wagtail-localize",
    checked_version="1.14.5",
    relies_on={
        "wagtail_localize.models.TranslationSource.create_or_update_translation": (
            "7f832deec952280a"
        ),
        "wagtail_localize.models.TranslationSource.get_translated_instance": "e577367ab0f00145",
        # Wagtail's, not wagtail-localize's: the row saves it makes must name their fields.
        "wagtail.models.pages.AbstractPage.save_revision": "81be8edb676c3534",
    },
)


def live_target(source, locale):
    """The existing translated page of `source` in `locale` when it is live (an alias too)."""
    from wagtail.models import Page

    try:
        target = source.get_translated_instance(locale)
    except ObjectDoesNotExist:
        return None
    if isinstance(target, Page) and target.live:
        return target
    return None


def saving_live_targets_as_drafts(create_or_update_translation):
    @functools.wraps(create_or_update_translation)
    def wrapper(source, locale, user=None, publish=True, copy_parent_pages=False, fallback=False):
        def call():
            return create_or_update_translation(
                source,
                locale,
                user=user,
                publish=publish,
                copy_parent_pages=copy_parent_pages,
                fallback=fallback,
            )

        target = None if publish else live_target(source, locale)
        if target is None:
            return call()

        save_row = target.save

        def save(*args, update_fields=None, **kwargs):
            if update_fields is None:
                return None  # the whole row, new text and all: the revision holds it instead
            return save_row(*args, update_fields=update_fields, **kwargs)

        target.save = save
        source.get_translated_instance = lambda _locale: target
        try:
            return call()
        finally:
            del source.get_translated_instance
            del target.save

    return wrapper


def apply():
    from wagtail_localize.models import TranslationSource

    TranslationSource.create_or_update_translation = saving_live_targets_as_drafts(
        TranslationSource.create_or_update_translation
    )
