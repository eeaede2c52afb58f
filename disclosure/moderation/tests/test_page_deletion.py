"""Deleting a disclosure page that is not live, on every path Wagtail offers: its delete view
(confirmation and POST), the bulk delete and the admin API's delete action. Only the owner's
never-published draft out of review may go, unless an administrator deletes it (deletion.py)."""

import pytest
from django.urls import reverse
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import Page

from disclosure.catalogue.own_drafts import may_delete_own_draft
from disclosure.catalogue.tests.factories import ServiceGuidePageFactory
from disclosure.moderation.organisations.placement import ensure_organisation_roles

from .helpers import approve_all, fresh, submit
from .offices import OFFICE_PER_MODULE, make_user

pytestmark = OFFICE_PER_MODULE


def _delete_view(client, page):
    url = reverse("wagtailadmin_pages:delete", args=[page.pk])
    shown = client.get(url).status_code == 200
    client.post(url)
    return shown


def _bulk_delete(client, page):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    client.post(f"{url}?id={page.pk}", {})
    return None


def _admin_api(client, page):
    response = client.post(
        f"/admin/api/main/pages/{page.pk}/action/delete/", {}, content_type="application/json"
    )
    assert response.status_code in {204, 403}
    return response.status_code == 204


PATHS = {"delete view": _delete_view, "bulk delete": _bulk_delete, "admin API": _admin_api}


def _draft(office, slug):
    return ServiceGuidePageFactory(
        parent=office["columns"][0], slug=slug, live=False, owner=office["users"]["editor"]
    )


def _in_review(office, slug):
    page = _draft(office, slug)
    submit(page, office["users"]["editor"])
    return page


def _published_once(office, slug):
    page = approve_all(_in_review(office, slug), office["users"])
    UnpublishPageAction(page, user=office["users"]["admin"]).execute(skip_permission_checks=True)
    return fresh(page)


@pytest.fixture
def office(small_office):
    township = small_office["root"].organisation
    groups = ensure_organisation_roles(township)
    small_office["users"]["editor2"] = make_user("editor2", groups["editors"])
    small_office["users"]["org_admin"] = make_user("org-admin", groups["administrators"])
    return small_office


# (page state, who deletes, allowed)
CASES = [
    (_draft, "editor", True),
    (_draft, "editor2", False),
    (_in_review, "editor", False),
    (_in_review, "reviewer", False),
    (_published_once, "editor", False),
    (_published_once, "editor2", False),
    (_draft, "org_admin", True),
    (_in_review, "admin", True),
    (_published_once, "admin", True),
]


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize(
    ("state", "actor", "allowed"),
    CASES,
    ids=[f"{state.__name__[1:]}-{actor}" for state, actor, _ in CASES],
)
def test_deleting_a_page_that_is_not_live(client, office, path, state, actor, allowed):
    page = state(office, f"del-{state.__name__[1:].replace('_', '-')}")
    user = office["users"][actor]
    assert page.permissions_for_user(user).can_delete() is allowed
    client.force_login(user)
    shown = PATHS[path](client, page)
    if shown is not None:
        assert shown is allowed
    assert Page.objects.filter(pk=page.pk).exists() is not allowed


def test_the_dashboards_delete_offer_follows_the_same_rule(office):
    users = office["users"]
    draft = _draft(office, "offer-draft")
    assert may_delete_own_draft(draft, users["editor"])
    assert not may_delete_own_draft(draft, users["editor2"])
    assert not may_delete_own_draft(_in_review(office, "offer-review"), users["editor"])
    assert not may_delete_own_draft(_published_once(office, "offer-once"), users["editor"])


def test_moving_a_draft_keeps_wagtails_rules(office):
    draft = _draft(office, "moved-draft")
    assert draft.permissions_for_user(office["users"]["editor2"]).can_move()
