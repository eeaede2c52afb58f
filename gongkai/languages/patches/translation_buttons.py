"""Replaces wagtail-localize's `page_listing_more_buttons` in the explorer's rows with one that
reads its two answers with the rows.

Why: for a user who may submit translations (superusers, the translators' group), the hook asks
two queries for each row of the page explorer: is there a language the page is not translated
into yet (翻译此页面), and is the page the source of enabled translations (同步已翻译页面). A
50-row page of a county's 10,000-item column paid 100 of them (160 ms on PostgreSQL,
docs/performance.md, "County scale"). `translation_rows` annotates the listing's queryset with
both answers (`construct_explorer_page_queryset`, gongkai/languages/wagtail_hooks.py) and the
replacement builds the same buttons from them. A page not read that way (the page header's
menu, which registers the same function for one page) is answered by wagtail-localize's own.

Checked against wagtail-localize 1.14.5: the buttons, labels, priorities and URLs are its
own; "a language to translate into" leaves aliases out as it does, and the sync source is
the page's own TranslationSource (its TranslatableObject is keyed by the translation key).
"""

from urllib.parse import urlencode

from django.db.models import Exists, OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale, Page

from gongkai.patching import Patch

PATCH = Patch(
    library="wagtail-localize",
    checked_version="1.14.5",
    relies_on={
        "wagtail_localize.wagtail_hooks.page_listing_more_buttons": "2a98d3b297d8c957",
        "wagtail_localize.models.TranslationSourceQuerySet.get_for_instance": "7c80d09cef1965db",
        "wagtail_localize.models.TranslatableObjectManager.get_for_instance": "4d457a98c2d14e07",
    },
)

HOOK = "register_page_listing_more_buttons"
UNTRANSLATED = "_gongkai_has_language_to_translate_into"
SYNC_SOURCE = "_gongkai_translation_source_to_sync"
PERMISSION = "wagtail_localize.submit_translation"


def translation_rows(user):
    """Annotations answering the two questions for each row, for a user who is shown the
    buttons; none for anyone else (an office's editor pays nothing)."""
    from wagtail_localize.models import TranslationSource

    if not user.has_perm(PERMISSION):
        return {}
    translated = Page.objects.filter(
        translation_key=OuterRef(OuterRef("translation_key")), alias_of__isnull=True
    ).values("locale_id")
    synced = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"),
        locale_id=OuterRef("locale_id"),
        translations__enabled=True,
    ).values("pk")[:1]
    return {
        UNTRANSLATED: Exists(Locale.objects.exclude(id__in=translated)),
        SYNC_SOURCE: Subquery(synced),
    }


def _buttons_from_rows(page, user, next_url):
    if page.is_root() or not user.has_perm(PERMISSION):
        return
    if getattr(page, UNTRANSLATED):
        url = reverse(
            "wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.id]
        )
        yield ListingButton(
            _("Translate this page"), url, priority=60, icon_name="wagtail-localize-language"
        )
    source_id = getattr(page, SYNC_SOURCE)
    if source_id is not None:
        url = reverse("wagtail_localize:update_translations", args=[source_id])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield ListingButton(_("Sync translated pages"), url, priority=60, icon_name="resubmit")


def replacing(localize_buttons):
    def page_listing_more_buttons(page, user, view_name=None, next_url=None):
        if not hasattr(page, UNTRANSLATED):
            return localize_buttons(page, user, view_name=view_name, next_url=next_url)
        return _buttons_from_rows(page, user, next_url)

    return page_listing_more_buttons


def apply():
    # Importing the module registers its hooks (Wagtail would import it on first use).
    from wagtail_localize import wagtail_hooks as localize_hooks

    localize_buttons = localize_hooks.page_listing_more_buttons
    ours = replacing(localize_buttons)
    hooks._hooks[HOOK] = [
        (ours if function is localize_buttons else function, order)
        for function, order in hooks._hooks[HOOK]
    ]
