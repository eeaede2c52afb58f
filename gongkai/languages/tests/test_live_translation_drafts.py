"""Updating a live translation saves a draft of it (patches/live_translation_drafts.py).

wagtail-localize's create_or_update_translation (Translation.save_target) ingests the
translated text into the existing translated page and saves that page's row before it saves a
revision, even when asked for a draft (publish=False): on a live translation that writes
unreviewed text straight into what the public reads, which the review guard refuses, so the
translator's update was lost behind 没有权限. With the patch the update is a new draft revision
of the live translation, reviewed like any other draft; the live row and address stay as they are.
"""

import pytest
from django.test import TestCase
from wagtail.models import Locale, PageViewRestriction
from wagtail_localize.models import Translation, TranslationLog, TranslationSource

from disclosure.catalogue.models import DisclosureDocumentPage
from disclosure.moderation.forms import SECRECY_CHECKLIST
from tests.factories import publish_fixture

from .helpers import review_role_users, translate

UPDATED_TITLE = "关于做好垃圾分类工作的补充通知"
ENGLISH_TITLE = "Supplementary notice on waste sorting"
UPDATED_SLUG = "waste-sorting"


def fresh(page):
    return DisclosureDocumentPage.objects.get(pk=page.pk)


@pytest.fixture
def roles(township):
    return review_role_users(township["organisation"])


@pytest.fixture
def live_english(document):
    """The document's live English version under a synced Translation, then a new version of
    the document (new title, new address) published, its new title translated into English:
    the translator has an update to save."""
    english = translate(document)
    assert english.live
    source = TranslationSource.objects.get_for_instance(document)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=english.locale, defaults={"enabled": True}
    )
    document.title = UPDATED_TITLE
    document.slug = UPDATED_SLUG
    publish_fixture(document)
    source.update_from_db()
    po = translation.export_po()
    for entry in po:
        if entry.msgid == UPDATED_TITLE:
            entry.msgstr = ENGLISH_TITLE
    translation.import_po(po)
    return translation, english


def save_draft(translation, user):
    # wagtail-localize publishes on commit when asked to; the test's transaction never commits,
    # so what is queued for the commit runs here: a publication would show in the assertions.
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(user=user, publish=False)


def test_updating_a_live_translation_saves_a_draft_revision(client, live_english, roles):
    translation, english = live_english
    live_revision = english.live_revision_id
    live_title, live_slug, live_url_path = english.title, english.slug, english.url_path

    save_draft(translation, roles["editors"])

    page = fresh(english)
    # The live row, what the public reads, is as it was.
    assert page.live
    assert page.live_revision_id == live_revision
    assert (page.title, page.slug, page.url_path) == (live_title, live_slug, live_url_path)
    response = client.get(page.url)
    assert response.status_code == 200
    assert live_title in response.content.decode()
    assert ENGLISH_TITLE not in response.content.decode()
    # The update is a new draft revision, by the translator, with the new text and address.
    assert page.has_unpublished_changes
    draft = page.latest_revision
    assert draft.pk != live_revision
    assert draft.user == roles["editors"]
    assert (draft.as_object().title, draft.as_object().slug) == (ENGLISH_TITLE, UPDATED_SLUG)
    assert TranslationLog.objects.filter(source=translation.source).latest("pk").revision == draft


def test_the_draft_is_published_through_the_review(live_english, roles):
    translation, english = live_english
    save_draft(translation, roles["editors"])

    page = fresh(english)
    page.get_workflow().start(page, roles["editors"])
    for role, data in (
        ("reviewers", {}),
        ("secrecy", {name: True for name, _ in SECRECY_CHECKLIST}),
        ("leaders", {}),
    ):
        page = fresh(english)
        assert page.title != ENGLISH_TITLE  # not live before the last step
        task = page.current_workflow_task
        task.on_action(page.current_workflow_task_state, roles[role], "approve", **data)

    page = fresh(english)
    assert page.live and not page.has_unpublished_changes
    assert (page.title, page.slug) == (ENGLISH_TITLE, UPDATED_SLUG)
    assert page.url_path.endswith(f"/{UPDATED_SLUG}/")


def test_the_source_s_view_restriction_still_reaches_the_live_translation(live_english, roles):
    """Restrictions are no revision content: wagtail-localize copies the source's onto the
    translation as before. It narrows who may read, and the source's restriction already hid
    every translation of it (catalogue/visibility.py)."""
    translation, english = live_english
    document = translation.source.get_source_instance()
    PageViewRestriction.objects.create(page=document, restriction_type=PageViewRestriction.LOGIN)

    save_draft(translation, roles["editors"])

    restriction = PageViewRestriction.objects.get(page=english)
    assert restriction.restriction_type == PageViewRestriction.LOGIN
    page = fresh(english)
    assert page.live and page.has_unpublished_changes
    assert page.live_revision_id == english.live_revision_id


def test_a_draft_translation_is_updated_as_wagtail_localize_does(document, roles):
    """Not live: nothing public to keep, so the row holds the draft as wagtail-localize has it."""
    english = translate(document, publish=False)
    source = TranslationSource.objects.get_for_instance(document)
    translation = Translation.objects.create(source=source, target_locale=english.locale)
    document.title = UPDATED_TITLE
    publish_fixture(document)
    source.update_from_db()

    save_draft(translation, roles["editors"])

    page = fresh(english)
    assert not page.live
    assert page.title == UPDATED_TITLE  # fallback: the source's words until translated
    assert page.latest_revision.as_object().title == UPDATED_TITLE


def test_translating_into_a_new_locale_is_wagtail_localize_s(document, roles):
    assert not DisclosureDocumentPage.objects.filter(
        translation_key=document.translation_key, locale__language_code="en"
    ).exists()
    source, _created = TranslationSource.get_or_create_from_instance(document)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="en")
    )
    save_draft(translation, roles["editors"])
    page = DisclosureDocumentPage.objects.get(
        translation_key=document.translation_key, locale__language_code="en"
    )
    assert not page.live
    assert page.title == document.title
