"""同步翻译的页面 (wagtail-localize's update_translations view) offers no 立即发布: a translation
is published only through the review, which refuses any other publication
(patches/sync_without_publishing.py). A request that asks for publication all the same syncs as
the form does, publishes nothing and says why, on the page the translator came from."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.test import TestCase
from django.urls import reverse
from wagtail_localize.models import Translation, TranslationSource

from disclosure.catalogue.models import DisclosureDocumentPage
from tests.factories import publish_fixture

from .helpers import translate

UPDATED_TITLE = "关于做好垃圾分类工作的补充通知"


@pytest.fixture
def translator(db):
    return get_user_model().objects.create_superuser("translator", "t@example.cn", "x")


@pytest.fixture
def synced(document):
    """The document's live English version, then a new version of the document published: the
    sync has something to bring to the translation."""
    english = translate(document)
    assert english.live
    source = TranslationSource.objects.get_for_instance(document)
    Translation.objects.get_or_create(
        source=source, target_locale=english.locale, defaults={"enabled": True}
    )
    document.title = UPDATED_TITLE
    publish_fixture(document)
    return source, english


def sync_url(source, next_url):
    return reverse("wagtail_localize:update_translations", args=[source.pk]) + f"?next={next_url}"


def test_the_sync_form_offers_no_publication(client, translator, synced, township):
    source, _english = synced
    client.force_login(translator)
    response = client.get(sync_url(source, f"/admin/pages/{township['column'].pk}/"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "同步" in html or "更新" in html  # the form itself is there, in Chinese
    assert 'type="submit"' in html
    assert "publish_translations" not in html
    assert "立即发布" not in html
    assert "publish_translations" not in response.context["form"].fields


def test_asking_for_publication_syncs_drafts_and_publishes_nothing(
    client, translator, synced, township
):
    source, english = synced
    live_revision = english.live_revision_id
    live_title = english.title
    next_url = f"/admin/pages/{township['column'].pk}/"
    client.force_login(translator)
    with TestCase.captureOnCommitCallbacks(execute=True) as callbacks:
        response = client.post(
            sync_url(source, next_url), {"publish_translations": "on", "next": next_url}
        )
    assert callbacks == []  # no publication queued for the end of the transaction
    assert response.status_code == 302
    assert response.url == next_url

    english = DisclosureDocumentPage.objects.get(pk=english.pk)
    assert english.live
    assert english.live_revision_id == live_revision
    assert english.title == live_title != UPDATED_TITLE
    # The sync itself happened: the translation source now holds the new title.
    source.refresh_from_db()
    assert UPDATED_TITLE in str(source.export_po())

    shown = [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]
    assert [tag for tag, _text in shown if tag == "error"] == []
    assert any("须经审核后发布" in text for _tag, text in shown), shown
    assert not any("没有权限" in text for _tag, text in shown), shown


def test_a_plain_sync_is_wagtail_localize_s(client, translator, synced, township):
    source, english = synced
    next_url = f"/admin/pages/{township['column'].pk}/"
    client.force_login(translator)
    response = client.post(sync_url(source, next_url), {"next": next_url})
    assert response.status_code == 302 and response.url == next_url
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert len(shown) == 1 and "须经审核" not in shown[0]
    assert DisclosureDocumentPage.objects.get(pk=english.pk).live
