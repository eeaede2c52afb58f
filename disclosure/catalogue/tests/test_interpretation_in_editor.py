"""A 政策解读 is published with the document it explains: while that document is not public, the
解读's editor says so to whoever edits or reviews it, with a way to the document. Published on
its own, the 解读 shows no link to the document and the inspection counts it against the office
(解读所关联的政策文件未发布或已删除)."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from disclosure.catalogue.tests.factories import CategoryPageFactory, PolicyDocumentPageFactory
from disclosure.moderation.publishing.publication import sanctioned_publication
from disclosure.moderation.tests.offices import build_office

pytestmark = pytest.mark.django_db

POLICY = "友谊镇燃气安全管理办法"
NOTICE = "所解读的文件尚未公开"
HIDDEN = "本页或所在栏目未公开或设有访问限制"


@pytest.fixture
def office(db):
    return build_office()


@pytest.fixture
def column(office):
    return office["columns"][1]


def _policy(column, **fields):
    return PolicyDocumentPageFactory(
        parent=column, title=POLICY, slug="gas", kind="normative", **fields
    )


def _reading(column, policy):
    return PolicyDocumentPageFactory(
        parent=column,
        title="《友谊镇燃气安全管理办法》政策解读",
        slug="gas-reading",
        kind="interpretation",
        interpreted_policy=policy,
        live=False,
    )


def _editor_view(client, user, page):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("role", ["editor", "reviewer"])
def test_the_editor_of_a_reading_says_its_document_is_not_public(client, office, column, role):
    policy = _policy(column, live=False)
    reading = _reading(column, policy)
    body = _editor_view(client, office["users"][role], reading)

    assert NOTICE in body
    assert POLICY in body
    assert reverse("wagtailadmin_pages:edit", args=(policy.pk,)) in body


def test_a_withdrawn_document_is_named_as_withdrawn(client, office, column):
    policy = _policy(column)
    with sanctioned_publication("test: a withdrawn policy"):
        policy.unpublish()
    reading = _reading(column, policy)

    body = _editor_view(client, office["users"]["editor"], reading)

    assert NOTICE in body
    assert "已撤下" in body


def test_no_notice_once_the_document_is_public(client, office, column):
    reading = _reading(column, _policy(column))

    assert NOTICE not in _editor_view(client, office["users"]["editor"], reading)


def test_no_notice_on_a_document_that_explains_nothing(client, office, column):
    policy = _policy(column, live=False)

    assert NOTICE not in _editor_view(client, office["users"]["editor"], policy)


def test_a_never_published_document_is_named_so(client, office, column):
    reading = _reading(column, _policy(column, live=False))

    assert "尚未发布" in _editor_view(client, office["users"]["editor"], reading)


def test_a_restriction_on_the_document_itself_is_named(client, office, column):
    policy = _policy(column)
    PageViewRestriction.objects.create(page=policy, restriction_type=PageViewRestriction.LOGIN)
    reading = _reading(column, policy)

    body = _editor_view(client, office["users"]["editor"], reading)

    assert NOTICE in body
    assert HIDDEN in body


def test_a_document_under_a_column_not_public_is_named(client, office, column):
    hidden_column = CategoryPageFactory(
        parent=office["root"], title="内部栏目", slug="inner", live=False
    )
    reading = _reading(column, _policy(hidden_column))

    body = _editor_view(client, office["users"]["editor"], reading)

    assert NOTICE in body
    assert HIDDEN in body
