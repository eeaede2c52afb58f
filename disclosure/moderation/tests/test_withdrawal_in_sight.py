"""A pending 撤稿申请 is found where a 分管领导 looks: the dashboard panel 待处理的撤稿申请 (own
organisation only), a notice on the page's editor, and people named by their display names."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from disclosure.moderation.models import WithdrawalRequest
from disclosure.moderation.organisations.placement import ensure_organisation_roles

from .helpers import fresh, home_of, panel, published_item
from .offices import OFFICE_PER_MODULE, make_user

pytestmark = OFFICE_PER_MODULE

PANEL_HEADING = "待处理的撤稿申请"


@pytest.fixture
def office(small_office):
    users = small_office["users"]
    users["editor"].first_name = "李小红"
    users["editor"].save()
    users["leader"].first_name = "王建国"
    users["leader"].save()
    county = small_office["county_root"].specific.organisation
    users["county-leader"] = make_user(
        "county-leader", ensure_organisation_roles(county)["leaders"]
    )
    return small_office


@pytest.fixture
def page(office):
    return published_item(office, office["columns"][0])


def ask(client, user, page, reason="政策已废止，信息失效，申请撤下。"):
    client.force_login(user)
    return client.post(
        reverse("moderation:request_withdrawal", args=[page.pk]),
        {"action": "unpublish", "reason": reason},
    )


def panel_of(client, user):
    """The 待处理的撤稿申请 panel of `user`'s dashboard, or None when it shows none."""
    home = home_of(client, user)
    shown = 'id="withdrawals-to-decide' in home
    assert shown == (PANEL_HEADING in home)
    return panel(home, "withdrawals-to-decide") if shown else None


def decide_url(withdrawal):
    return reverse("moderation:decide_withdrawal", args=[withdrawal.pk])


def test_the_leader_finds_a_pending_withdrawal_on_the_dashboard(client, office, page):
    users = office["users"]
    assert panel_of(client, users["leader"]) is None  # nothing pending: no panel
    ask(client, users["editor"], page, reason="政策已废止。" + "详细说明" * 30)
    withdrawal = WithdrawalRequest.objects.get()
    panel = panel_of(client, users["leader"])
    assert f'href="{decide_url(withdrawal)}"' in panel
    assert page.title in panel
    assert "李小红" in panel and ">editor<" not in panel
    assert withdrawal.requested_at.astimezone().strftime("%Y-%m-%d") in panel
    assert "政策已废止。" in panel and "详细说明" * 30 not in panel  # an excerpt
    # The township's administrator may decide too (it may publish there).
    assert page.title in panel_of(client, users["admin"])


def test_roles_that_cannot_decide_see_no_panel(client, office, page):
    users = office["users"]
    ask(client, users["editor"], page)
    for role in ["editor", "reviewer", "secrecy", "outsider"]:
        assert panel_of(client, users[role]) is None, role


def test_another_organisations_leader_sees_none_and_the_walls_hold_both_ways(client, office, page):
    users = office["users"]
    ask(client, users["editor"], page)
    assert panel_of(client, users["county-leader"]) is None
    county = office["county_root"]
    WithdrawalRequest.objects.create(
        page=county,
        page_title=county.title,
        action="unpublish",
        reason="县里的撤稿",
        requested_by=users["outsider"],
    )
    county_panel = panel_of(client, users["county-leader"])
    assert "县里的撤稿" in county_panel and page.title not in county_panel
    assert "县里的撤稿" not in panel_of(client, users["leader"])


def test_the_editor_shows_a_pending_withdrawal(client, office, page):
    users = office["users"]
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    client.force_login(users["leader"])
    assert "moderation-withdrawal-notice" not in client.get(edit_url).content.decode()

    ask(client, users["editor"], page)
    withdrawal = WithdrawalRequest.objects.get()
    client.force_login(users["leader"])
    html = client.get(edit_url).content.decode()
    notice = re.search(r"<a[^>]*moderation-withdrawal-notice.*?</a>", html, re.S).group(0)
    assert f'href="{decide_url(withdrawal)}"' in notice
    assert "撤稿申请待您审核" in notice

    client.force_login(users["editor"])  # the requester: its state, no way to decide
    html = client.get(edit_url).content.decode()
    assert "撤稿申请待分管领导审核" in html and decide_url(withdrawal) not in html

    client.force_login(users["leader"])
    client.post(decide_url(withdrawal), {"decision": "refuse", "comment": "仍然有效"})
    assert "moderation-withdrawal-notice" not in client.get(edit_url).content.decode()


def test_decision_view_record_and_mails_name_people_by_their_names(
    client, office, page, django_capture_on_commit_callbacks
):
    users = office["users"]
    with django_capture_on_commit_callbacks(execute=True):
        ask(client, users["editor"], page)
    withdrawal = WithdrawalRequest.objects.get()
    (request_mail,) = [m for m in mail.outbox if "撤稿申请" in m.subject]
    assert request_mail.body.startswith("李小红申请")
    assert decide_url(withdrawal) in request_mail.body

    client.force_login(users["leader"])
    decision_view = client.get(decide_url(withdrawal)).content.decode()
    assert "<dd>李小红</dd>" in decision_view

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(decide_url(withdrawal), {"decision": "approve", "comment": "同意"})
    assert not fresh(page).live
    (decided_mail,) = mail.outbox
    assert "审核人：王建国" in decided_mail.body

    record = client.get(reverse("moderation:review_record", args=[page.pk])).content.decode()
    log_table = record.split("强制发布与撤稿记录")[1]
    assert "李小红" in log_table and "王建国" in log_table
    assert ">leader<" not in log_table and ">editor<" not in log_table
