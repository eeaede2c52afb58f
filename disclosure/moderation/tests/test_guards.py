"""Every way around review, tried through the real admin views."""

from django.conf import settings
from django.urls import reverse
from wagtail.models import PageLogEntry

from tests.fixtures import DEMO_PER_MODULE

from .helpers import approve_all, draft_item, edit_form_data, fresh, submit

pytestmark = DEMO_PER_MODULE


def login(client, office, role):
    client.force_login(office["users"][role])
    return client


def published_item(office, column):
    users = office["users"]
    page = draft_item(column, users["editor"])
    submit(page, users["editor"])
    return approve_all(page, users)


def test_cancel_on_publish_is_off():
    assert settings.WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH is False


def test_administrator_cannot_publish_from_the_editor(client, office, column):
    page = draft_item(column, office["users"]["editor"])
    login(client, office, "admin")
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(url, edit_form_data(page, title="改过的标题", **{"action-publish": "1"}))
    assert response.status_code == 302
    page = fresh(page)
    assert not page.live
    assert page.get_latest_revision().as_object().title == "改过的标题"  # the draft is kept


def test_the_editor_offers_no_publish_button_on_disclosure_pages(client, office, column):
    page = draft_item(column, office["users"]["editor"])
    login(client, office, "admin")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'name="action-publish"' not in html
    assert reverse("moderation:force_publish", args=[page.pk]) in html


def test_force_publish_needs_a_written_reason_and_logs_it(client, office, column):
    page = draft_item(column, office["users"]["editor"])
    submit(page, office["users"]["editor"])
    login(client, office, "admin")
    url = reverse("moderation:force_publish", args=[page.pk])
    response = client.post(url, {"reason": "急"})
    assert response.status_code == 200
    assert "理由至少" in response.content.decode()
    assert not fresh(page).live
    reason = "汛期紧急通知，须立即向社会公开，审核人员均在抗洪一线。"
    client.post(url, {"reason": reason})
    page = fresh(page)
    assert page.live
    assert not page.workflow_in_progress
    entry = PageLogEntry.objects.get(page=page, action="moderation.force_publish")
    assert entry.data["reason"] == reason
    assert entry.user == office["users"]["admin"]


def test_only_administrators_may_force_publish(client, office, column):
    page = draft_item(column, office["users"]["editor"])
    for role in ["editor", "reviewer", "secrecy", "leader", "outsider"]:
        login(client, office, role)
        url = reverse("moderation:force_publish", args=[page.pk])
        response = client.post(url, {"reason": "这是一个足够长的强制发布理由。"})
        assert response.status_code in {302, 403, 404}, role
        assert not fresh(page).live, role


def test_leader_cannot_publish_over_a_running_review(client, office, column):
    page = draft_item(column, office["users"]["editor"])
    submit(page, office["users"]["editor"])
    login(client, office, "leader")
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    client.post(url, edit_form_data(page, **{"action-publish": "1"}))
    page = fresh(page)
    assert not page.live
    assert page.workflow_in_progress


def test_bulk_publish_is_refused(client, office, column):
    page = draft_item(column, office["users"]["editor"])
    login(client, office, "admin")
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    client.post(f"{url}?id={page.pk}", {"include_descendants": ""})
    assert not fresh(page).live


def test_published_items_are_not_taken_down_directly(client, office, column):
    page = published_item(office, column)
    login(client, office, "admin")
    client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    destination = office["root"].get_children().last()
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk]))
    bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"])
    client.post(f"{bulk}?id={page.pk}", {"include_descendants": ""})
    page = fresh(page)
    assert page.live
    assert page.get_parent().pk == column.pk


def test_another_organisations_editor_cannot_open_the_editor(client, office, column):
    page = draft_item(column, office["users"]["editor"])
    login(client, office, "outsider")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code in {302, 403, 404}
    login(client, office, "editor")
    assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200


def test_another_organisations_draft_answers_with_the_admin_not_found_page(client, office, column):
    """The wall's 404 showed the public site's 404 page (its banner and footer) inside the
    admin, where Wagtail shows its own with a way back to the dashboard."""
    page = draft_item(column, office["users"]["editor"])
    login(client, office, "outsider")
    for name in ("wagtailadmin_pages:edit", "wagtailadmin_pages:history"):
        response = client.get(reverse(name, args=[page.pk]))
        assert response.status_code == 404, name
        assert "wagtailadmin/404.html" in [t.name for t in response.templates], name
