"""Never published or withdrawn: the filter (ever_published_q) and the page in hand
(was_ever_published, was_withdrawn) answer alike, and the moderation state says 已撤下 for the
page the 政策解读 panel calls 已撤下."""

import pytest
from wagtail.models import Page

from disclosure.catalogue.models import PolicyDocumentPage
from disclosure.catalogue.publication_state import (
    WITHDRAWN,
    ever_published_q,
    was_ever_published,
    was_withdrawn,
)
from disclosure.catalogue.tests.factories import PolicyDocumentPageFactory
from disclosure.moderation.publishing.publication import sanctioned_publication
from disclosure.moderation.review.status import DRAFT, moderation_status
from disclosure.moderation.tests.offices import build_office

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(db):
    column = build_office()["columns"][1]
    draft = PolicyDocumentPageFactory(parent=column, slug="draft", live=False)
    live = PolicyDocumentPageFactory(parent=column, slug="live")
    withdrawn = PolicyDocumentPageFactory(parent=column, slug="withdrawn")
    with sanctioned_publication("test: withdrawn"):
        withdrawn.unpublish()
    # A script kept the live revision but no first publication time.
    odd = PolicyDocumentPageFactory(parent=column, slug="odd", live=False)
    Page.objects.filter(pk=odd.pk).update(
        first_published_at=None, live_revision=odd.save_revision()
    )
    return {
        name: PolicyDocumentPage.objects.get(pk=page.pk)
        for name, page in {"draft": draft, "live": live, "withdrawn": withdrawn, "odd": odd}.items()
    }


def test_the_filter_and_the_page_in_hand_agree(pages):
    published = set(
        PolicyDocumentPage.objects.filter(ever_published_q()).values_list("pk", flat=True)
    )
    for name, page in pages.items():
        assert was_ever_published(page) == (page.pk in published), name
    assert [name for name, page in pages.items() if was_withdrawn(page)] == ["withdrawn", "odd"]


def test_the_moderation_state_reads_the_same_rule(pages):
    assert moderation_status(pages["withdrawn"]) == WITHDRAWN
    assert moderation_status(pages["odd"]) == WITHDRAWN
    assert moderation_status(pages["draft"]) == DRAFT


def test_a_page_not_saved_yet_was_never_published():
    # Wagtail's new Page is live=True until the create view saves it as a draft.
    assert not was_ever_published(PolicyDocumentPage(title="新页面"))
