"""A public 政策解读 names and links the document it explains only while that document is live
and open to everyone: a draft, a withdrawn document or one inside a restricted column (directly
or through the column of the page an alias shows) or below a column that is not live is not
named, in the page nor in the API."""

import pytest
from wagtail.models import PageViewRestriction

from disclosure.moderation.publishing.publication import sanctioned_publication

from .factories import CategoryPageFactory, PolicyDocumentPageFactory

pytestmark = pytest.mark.django_db

SECRET = "尚未公开的燃气管理办法"


def _policy(parent, **kwargs):
    return PolicyDocumentPageFactory(
        parent=parent, title=SECRET, kind="normative", doc_number="友政发〔2026〕9号", **kwargs
    )


def _reading(parent, policy):
    return PolicyDocumentPageFactory(
        parent=parent,
        title="燃气管理办法政策解读",
        slug="reading",
        kind="interpretation",
        interpreted_policy=policy,
    )


def _restricted_column(disclosure_root, kind):
    column = CategoryPageFactory(parent=disclosure_root, title="内部栏目", slug="internal")
    PageViewRestriction.objects.create(page=column, restriction_type=kind, password="x")
    return column


@pytest.fixture(
    params=[
        "draft",
        "unpublished",
        "password",
        "login",
        "alias-of-restricted",
        "below-a-withdrawn-column",
    ]
)
def hidden_policy(request, disclosure_root, category):
    if request.param == "draft":
        return _policy(category, live=False)
    if request.param == "unpublished":
        policy = _policy(category)
        with sanctioned_publication("test: a withdrawn policy"):
            policy.unpublish()
        return policy
    if request.param == "below-a-withdrawn-column":
        column = CategoryPageFactory(parent=disclosure_root, slug="withdrawn", live=False)
        return _policy(column)
    if request.param in ("password", "login"):
        return _policy(_restricted_column(disclosure_root, request.param))
    source = _policy(_restricted_column(disclosure_root, "password"))
    with sanctioned_publication("test: an alias of a restricted policy"):
        return source.create_alias(parent=category, update_slug="alias-of-internal")


def test_the_page_does_not_name_a_hidden_policy(client, category, hidden_policy):
    reading = _reading(category, hidden_policy)
    response = client.get(reading.url)
    assert response.status_code == 200
    body = response.content.decode()
    assert SECRET not in body
    assert "友政发〔2026〕9号" not in body
    assert "related-policy" not in body


def test_the_api_does_not_name_a_hidden_policy(client, category, hidden_policy):
    reading = _reading(category, hidden_policy)
    response = client.get(f"/api/v2/pages/{reading.pk}/")
    assert response.status_code == 200
    assert response.json()["interpreted_policy"] is None
    assert SECRET not in response.content.decode()


def test_a_public_policy_is_named_and_linked(client, category):
    policy = _policy(category)
    reading = _reading(category, policy)
    body = client.get(reading.url).content.decode()
    assert f'href="{policy.url}"' in body and SECRET in body
    data = client.get(f"/api/v2/pages/{reading.pk}/").json()
    assert data["interpreted_policy"]["id"] == policy.pk
    assert data["interpreted_policy"]["title"] == SECRET


def test_a_policy_lists_only_public_interpretations(client, disclosure_root, category):
    policy = _policy(category)
    column = _restricted_column(disclosure_root, "password")
    hidden = _reading(column, policy)
    body = client.get(policy.url).content.decode()
    assert hidden.title not in body
