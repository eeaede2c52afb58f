"""Who is asked to decide a 撤稿申请 is who may decide it (`WithdrawalRequest.deciders`, by the
rule of `may_decide`): the page organisation's 分管领导 and 管理员, never the requester. The
request's mail, the dashboard panel 待处理的撤稿申请 and the editor header's notice all follow
it."""

import pytest
from django.core import mail

from disclosure.moderation.organisations.placement import ensure_organisation_roles
from disclosure.moderation.publishing.withdrawal import request_withdrawal
from disclosure.moderation.review.dashboard import WithdrawalsToDecidePanel, arrange_dashboard
from disclosure.moderation.templatetags.moderation_tags import withdrawal_notice
from gongkai.accounts.roles import Role

from .helpers import fresh, published_item
from .offices import make_user

REASON = "政策已废止，信息失效。"


@pytest.fixture
def office(small_office):
    groups = ensure_organisation_roles(small_office["root"].organisation)
    small_office["users"]["orgadmin"] = make_user("orgadmin", groups[Role.ADMINISTRATORS])
    return small_office


@pytest.fixture
def page(office):
    return published_item(office, office["columns"][0])


def mailed(outbox):
    return sorted(address for message in outbox for address in message.to)


def ask(office, page, requester, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        return request_withdrawal(fresh(page), office["users"][requester], "unpublish", REASON)


def test_an_editors_request_asks_the_leader_and_the_organisations_administrator(
    office, page, django_capture_on_commit_callbacks
):
    withdrawal = ask(office, page, "editor", django_capture_on_commit_callbacks)
    assert mailed(mail.outbox) == ["leader@example.invalid", "orgadmin@example.invalid"]
    assert {user.username for user in withdrawal.deciders()} == {"leader", "orgadmin"}


def test_a_leaders_request_asks_the_administrator_not_the_leader(
    office, page, django_capture_on_commit_callbacks
):
    """The leader may not decide her own request: the mail goes to whoever may."""
    withdrawal = ask(office, page, "leader", django_capture_on_commit_callbacks)
    assert mailed(mail.outbox) == ["orgadmin@example.invalid"]
    assert all(withdrawal.may_decide(user) for user in withdrawal.deciders())
    assert not withdrawal.may_decide(office["users"]["leader"])


def test_every_decider_is_asked_and_shown_the_request_and_no_one_else(
    office, page, django_capture_on_commit_callbacks
):
    withdrawal = ask(office, page, "leader", django_capture_on_commit_callbacks)
    deciders = set(withdrawal.deciders())
    for name, user in office["users"].items():
        if name == "admin":
            continue  # the superuser decides (administers_page) but is no member to mail
        panels = []
        arrange_dashboard(user, panels, deadlines=object())
        on_dashboard = any(isinstance(panel, WithdrawalsToDecidePanel) for panel in panels)
        in_header = withdrawal_notice(page, user)["may_decide"]
        asked = user in deciders
        assert (on_dashboard, in_header, asked) == (asked, asked, asked), name


def test_no_one_is_asked_about_a_page_outside_every_organisation(office, page):
    withdrawal = request_withdrawal(fresh(page), office["users"]["editor"], "unpublish", REASON)
    withdrawal.page = None
    assert withdrawal.deciders() == []
