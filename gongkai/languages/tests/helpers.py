"""Translating pages the way wagtail-localize's translation editor does."""

from contextlib import nullcontext

from django.test import TestCase
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from tests.factories import publishing_as_fixture


def translate(page, language_code="en", publish=True, user=None):
    """Translate `page` (and its untranslated parents) the way the translation editor does:
    a TranslationSource, then create_or_update_translation with the source strings; with
    `publish`, the translation is published as a fixture (outside review)."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    locale = Locale.objects.get(language_code=language_code)
    # wagtail-localize publishes on commit; the test's transaction never commits. A published
    # translation is a fixture, published outside review.
    publishing = publishing_as_fixture() if publish else nullcontext()
    with publishing, TestCase.captureOnCommitCallbacks(execute=True):
        translation, _created = source.create_or_update_translation(
            locale, publish=publish, copy_parent_pages=True, fallback=True, user=user
        )
    return Page.objects.get(pk=translation.pk).specific


def review_role_users(organisation):
    """A user in each of the organisation's review roles, by role: editors, reviewers,
    secrecy, leaders."""
    from django.contrib.auth import get_user_model

    from disclosure.moderation.organisations.placement import ensure_organisation_roles

    groups = ensure_organisation_roles(organisation)
    users = {}
    for role in ("editors", "reviewers", "secrecy", "leaders"):
        users[role] = get_user_model().objects.create_user(f"{role}-user", password="x")
        users[role].groups.add(groups[role])
    return users
