"""The editor's status panel of a sent-back item names who sent it back, and why (issue 17, F11:
Wagtail's heading read “退回修改 经由<the editor who submitted it>”)."""

import re

from django.urls import reverse
from wagtail.admin.templatetags.wagtailadmin_tags import user_display_name
from wagtail.models import Page

from disclosure.catalogue.models import CategoryPage
from disclosure.catalogue.tests.factories import DisclosureDocumentPageFactory
from disclosure.moderation.review.status import moderation_status
from disclosure.moderation.tests.offices import OFFICE_PER_MODULE

from .helpers import act, submit

pytestmark = OFFICE_PER_MODULE


def test_the_status_panel_names_who_sent_it_back_and_why(client, small_office):
    users = small_office["users"]
    column = CategoryPage.objects.descendant_of(small_office["root"]).first()
    page = DisclosureDocumentPageFactory(
        parent=column, title="被退回的通知", live=False, owner=users["editor"]
    )
    page.save_revision(user=users["editor"])
    submit(page, users["editor"])
    act(page, users["reviewer"], "reject", comment="请写明办理地点。")

    client.force_login(users["editor"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    reviewer, editor = user_display_name(users["reviewer"]), user_display_name(users["editor"])
    assert f"（退回人：{reviewer}）" in html
    assert f"初审退回人：{reviewer}" in html and "退回理由：请写明办理地点。" in html
    assert f"退回修改 经由{editor}" not in html


def _status_headings(html):
    """The headlines of the editor's status side panel."""
    return [
        " ".join(re.sub(r"<[^>]+>", " ", heading).split())
        for heading in re.findall(r'<h3 id="status-sidebar-[^"]*"[^>]*>(.*?)</h3>', html, re.S)
    ]


def test_the_status_panel_headline_names_the_state_the_badge_names(client, small_office):
    users = small_office["users"]
    column = CategoryPage.objects.descendant_of(small_office["root"]).first()
    page = DisclosureDocumentPageFactory(
        parent=column, title="状态一致的通知", live=False, owner=users["editor"]
    )
    page.save_revision(user=users["editor"])
    submit(page, users["editor"])
    client.force_login(users["editor"])
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    for expected in ("待初审", "已退回"):
        if expected == "已退回":
            act(page, users["reviewer"], "reject", comment="请写明办理地点。")
        html = client.get(url).content.decode()
        assert moderation_status(Page.objects.get(pk=page.pk)) == expected
        [status] = [heading for heading in _status_headings(html) if heading.startswith("状态")]
        assert status.endswith(expected) and "审核中" not in status, status
