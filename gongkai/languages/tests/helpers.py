"""Translating pages the way wagtail-localize's translation editor does."""

from django.test import TestCase
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource


def translate(page, language_code="en", publish=True, user=None):
    """Translate `page` (and its untranslated parents) the way the translation editor does:
    a TranslationSource, then create_or_update_translation with the source strings."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    locale = Locale.objects.get(language_code=language_code)
    # wagtail-localize publishes on commit; the test's transaction never commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation, _created = source.create_or_update_translation(
            locale, publish=publish, copy_parent_pages=True, fallback=True, user=user
        )
    return Page.objects.get(pk=translation.pk).specific
