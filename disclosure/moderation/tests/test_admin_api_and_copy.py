"""The admin API's page actions and the copy view cannot publish or take down around review."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from disclosure.catalogue.tests.factories import ServiceGuidePageFactory
from disclosure.moderation.tests.offices import OFFICE_PER_MODULE

from .helpers import approve_all, fresh, submit

pytestmark = OFFICE_PER_MODULE


@pytest.fixture
def office(small_office):
    return small_office


def drafted(office, slug):
    return ServiceGuidePageFactory(
        parent=office["columns"][0], slug=slug, live=False, owner=office["users"]["editor"]
    )


def published(office, slug):
    page = drafted(office, slug)
    submit(page, office["users"]["editor"])
    return approve_all(page, office["users"])


def api_action(client, page, action, **data):
    url = f"/admin/api/main/pages/{page.pk}/action/{action}/"
    return client.post(url, data, content_type="application/json")


def test_the_admin_api_does_not_publish_a_draft(client, office):
    page = drafted(office, "api-draft")
    client.force_login(office["users"]["admin"])
    response = api_action(client, page, "publish")
    assert response.status_code == 403
    assert "不能直接发布" in response.json()["detail"]
    assert not fresh(page).live


def test_the_admin_api_does_not_take_a_published_item_down(client, office):
    page = published(office, "api-live")
    client.force_login(office["users"]["admin"])
    assert api_action(client, page, "unpublish").status_code == 403
    assert api_action(client, page, "delete").status_code == 403
    destination = office["columns"][1]
    assert api_action(client, page, "move", destination_page_id=destination.pk).status_code == 403
    page = fresh(page)
    assert page.live
    assert page.get_parent().pk == office["columns"][0].pk


def test_the_admin_api_copies_published_items_only_as_drafts(client, office):
    page = published(office, "api-copy")
    client.force_login(office["users"]["admin"])
    assert api_action(client, page, "copy", slug="live-copy").status_code == 403
    assert api_action(client, page, "create_alias", slug="alias").status_code == 403
    assert not Page.objects.filter(slug__in=["live-copy", "alias"]).exists()

    response = api_action(client, page, "copy", slug="draft-copy", keep_live=False)
    assert response.status_code == 201
    assert not Page.objects.get(slug="draft-copy").live


def test_the_admin_api_still_deletes_a_draft(client, office):
    page = drafted(office, "api-draft-delete")
    client.force_login(office["users"]["admin"])
    assert api_action(client, page, "delete").status_code == 204
    assert not Page.objects.filter(pk=page.pk).exists()


def test_the_copy_view_makes_no_live_copy_or_alias(client, office):
    page = published(office, "copied")
    client.force_login(office["users"]["admin"])
    url = reverse("wagtailadmin_pages:copy", args=[page.pk])
    form = {"new_title": "副本", "new_parent_page": office["columns"][1].pk}
    client.post(url, {**form, "new_slug": "live-copy", "publish_copies": "on"})
    client.post(url, {**form, "new_slug": "alias", "alias": "on"})
    assert not Page.objects.filter(slug__in=["live-copy", "alias"]).exists()

    client.post(url, {**form, "new_slug": "draft-copy"})
    assert not Page.objects.get(slug="draft-copy").live


def test_bulk_delete_and_move_leave_published_items_alone(client, office):
    page = published(office, "bulk-live")
    client.force_login(office["users"]["admin"])
    bulk_delete = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    client.post(f"{bulk_delete}?id={page.pk}", {})
    bulk_move = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "move"])
    client.post(f"{bulk_move}?id={page.pk}", {"chooser": office["columns"][1].pk})
    page = fresh(page)
    assert page.live
    assert page.get_parent().pk == office["columns"][0].pk

    draft = drafted(office, "bulk-draft")  # never published: Wagtail's own rules apply
    client.post(f"{bulk_move}?id={draft.pk}", {"chooser": office["columns"][1].pk})
    assert fresh(draft).get_parent().pk == office["columns"][1].pk
