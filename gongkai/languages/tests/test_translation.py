"""Translated disclosure items: what is translated, what is synchronised, and the review."""

import pytest
from django.contrib.auth import get_user_model
from django.test import TestCase
from wagtail.models import Locale
from wagtail_localize.fields import SynchronizedField, TranslatableField
from wagtail_localize.models import StringSegment, TranslationSource

from disclosure.catalogue.models import DisclosureDocumentPage, PolicyDocumentPage
from disclosure.moderation.forms import SECRECY_CHECKLIST
from gongkai.language_tags import language_tag
from gongkai.languages.locales import ensure_content_locales
from tests.factories import publish_fixture

from .helpers import review_role_users, translate


def kinds(model):
    return {field.field_name: type(field).__name__ for field in model.translatable_fields}


def test_content_locales_follow_settings(db, settings):
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"zh-hans", "en"}
    assert Locale.get_default().language_code == "zh-hans"
    settings.WAGTAIL_CONTENT_LANGUAGES = [*settings.WAGTAIL_CONTENT_LANGUAGES, ("ug", "ئۇيغۇرچە")]
    assert ensure_content_locales() == ["ug"]
    assert ensure_content_locales() == []


def test_language_tags():
    assert language_tag("zh-hans") == "zh-Hans"
    assert language_tag("en") == "en"


def test_base_declares_metadata_once_and_item_types_keep_their_own_fields():
    fields = kinds(PolicyDocumentPage)
    for name in ("title", "summary", "keywords", "body"):
        assert fields[name] == TranslatableField.__name__, name
    for name in ("index_number", "doc_number", "validity", "written_on", "published_on"):
        assert fields[name] == SynchronizedField.__name__, name
    assert fields["domain"] == SynchronizedField.__name__
    # a field only this type has, found by wagtail-localize's own rules
    assert fields["kind"] == SynchronizedField.__name__
    assert "interpreted_policy" in fields


def test_translation_keeps_index_number_and_synchronised_metadata(document):
    assert document.index_number
    english = translate(document)
    assert english.locale.language_code == "en"
    assert english.index_number == document.index_number
    assert english.doc_number == "友政发〔2022〕3号"
    assert english.validity == document.validity
    assert english.published_on == document.published_on
    assert english.organisation == document.organisation


def test_only_words_are_offered_for_translation(document):
    source, _ = TranslationSource.get_or_create_from_instance(document)
    strings = set(
        StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    )
    assert "关于做好垃圾分类工作的通知" in strings
    assert "垃圾分类工作安排。" in strings
    assert document.index_number not in strings
    assert "友政发〔2022〕3号" not in strings


@pytest.mark.django_db
def test_a_translation_goes_through_the_review_and_keeps_the_index_number(document, township):
    users = review_role_users(township["organisation"])

    english = translate(document, publish=False, user=users["editors"])
    assert not english.live
    assert english.index_number == document.index_number  # synchronised at creation

    workflow = english.get_workflow()
    assert workflow is not None and workflow == document.get_workflow()
    workflow.start(english, users["editors"])

    def act(user, action="approve", **data):
        page = DisclosureDocumentPage.objects.get(pk=english.pk)
        task = page.current_workflow_task
        task.on_action(page.current_workflow_task_state, user, action, **data)

    act(users["reviewers"])
    assert not DisclosureDocumentPage.objects.get(pk=english.pk).live
    act(users["secrecy"], **{name: True for name, _ in SECRECY_CHECKLIST})
    act(users["leaders"])

    english = DisclosureDocumentPage.objects.get(pk=english.pk)
    assert english.live
    assert english.index_number == document.index_number
    assert DisclosureDocumentPage.objects.filter(index_number=document.index_number).count() == 2


def test_a_translation_published_before_its_source_number_takes_the_source_s(document, township):
    """The number is assigned at publication: a translation never draws a new serial."""
    english = translate(document, publish=False)
    DisclosureDocumentPage.objects.filter(pk=english.pk).update(index_number=None)
    english = DisclosureDocumentPage.objects.get(pk=english.pk)
    publish_fixture(english)
    assert english.index_number == document.index_number


@pytest.mark.django_db
def test_translating_a_live_page_makes_a_draft_and_opens_its_editor(client, document):
    """翻译此页 on a published page: the English version is a draft for review, and the
    translator lands in its editor, not on a refusal."""
    from django.contrib.messages import get_messages
    from django.urls import reverse

    assert document.live
    admin = get_user_model().objects.create_superuser("translator", "t@example.cn", "x")
    client.force_login(admin)
    english = Locale.objects.get(language_code="en")
    url = reverse("wagtail_localize:submit_page_translation", args=[document.pk])
    # wagtail-localize publishes on commit, which the test's transaction never reaches.
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url, {"locales": [english.pk]})
    translation = DisclosureDocumentPage.objects.get(
        translation_key=document.translation_key, locale=english
    )
    assert not translation.live
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=[translation.pk])
    errors = [m for m in get_messages(response.wsgi_request) if m.level_tag == "error"]
    assert errors == []
