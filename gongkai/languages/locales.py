"""Content locales follow settings: one Locale row for each WAGTAIL_CONTENT_LANGUAGES entry.

Adding a language (e.g. a minority language) is configuration only: list it in
LANGUAGES/WAGTAIL_CONTENT_LANGUAGES and run `migrate`, which creates its Locale.
"""

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale

from .patches.locale_lookup import forget_locales


def ensure_content_locales():
    """Create the missing Locale rows; return the language codes that were added."""
    existing = set(Locale.objects.values_list("language_code", flat=True))
    added = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code not in existing]
    Locale.objects.bulk_create(Locale(language_code=code) for code in added)
    forget_locales()
    return added


def ensure_content_locales_after_migrate(sender, app_config=None, using="default", **kwargs):
    # Once, after wagtailcore's tables exist (post_migrate fires for every app).
    if app_config is not None and app_config.label == "wagtailcore":
        ensure_content_locales()


def serving_source_language():
    """Whether the request is served in the site's own language (Chinese, LANGUAGE_CODE): pages
    that point a visitor of a translation to what exists in Chinese only do nothing there."""
    return translation.get_language() == settings.LANGUAGE_CODE


def source_language_only_children(page, shown):
    """On a translation (an English page), the live public children of its source-language
    page that have no version among `shown` (the children listed here): most pages are kept in
    Chinese only, and a visitor should learn they exist rather than take the short list for the
    whole. Nothing, without a query, on the source language's own pages."""
    if serving_source_language():
        return []
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return []
    source = page.get_translation_or_none(default)
    if source is None or not source.live:
        return []
    keys = {child.translation_key for child in shown}
    return list(source.get_children().live().public().exclude(translation_key__in=keys).specific())
