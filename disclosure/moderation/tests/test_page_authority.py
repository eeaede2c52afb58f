"""Authority over a page beyond its review is publish permission there, asked in one place
(`models.administers_page`): superusers and the page organisation's 管理员. The site-wide 管理员
group runs the platform (users, groups, site-wide objects; it sees every organisation) but holds
no page permission, so it neither publishes, force-publishes, decides a 撤稿, lifts a view
restriction nor deletes another's draft; another organisation's 管理员 neither.

Every path that grants such authority × the four kinds of administrator."""

from contextlib import suppress

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from disclosure.moderation.organisations.placement import ensure_organisation_roles
from disclosure.moderation.publishing.withdrawal import request_withdrawal
from disclosure.moderation.review.dashboard import (
    WithdrawalsToDecidePanel,
    arrange_dashboard,
    roles_of,
)
from gongkai.accounts.administrators import is_site_administrator, site_administrators_group
from gongkai.accounts.roles import Role

from .helpers import as_user, draft_item, fresh, published_item, submit
from .offices import OFFICE_PER_MODULE, make_user

pytestmark = OFFICE_PER_MODULE

REASON = "该栏目内容经评估不再涉密，按规定向社会公开。"
ADMINISTRATORS = ("superuser", "site-wide 管理员", "org 管理员", "other org's 管理员")
# Who holds authority over the township's pages.
AUTHORITY = {"superuser": True, "site-wide 管理员": False, "org 管理员": True}


@pytest.fixture
def office(small_office):
    township = small_office["root"].organisation
    county = small_office["county_root"].organisation
    site_wide, _ = (site_administrators_group(), False)
    small_office["administrators"] = {
        "superuser": small_office["users"]["admin"],
        "site-wide 管理员": make_user("platform", site_wide),
        "org 管理员": make_user("orgadmin", ensure_organisation_roles(township)["administrators"]),
        "other org's 管理员": make_user(
            "county-admin", ensure_organisation_roles(county)["administrators"]
        ),
    }
    return small_office


def _lift(office, user, reason=REASON):
    page = office["columns"][0]
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    with suppress(PermissionDenied):
        as_user(user, restriction.delete, reason=reason)
    return not PageViewRestriction.objects.filter(page=page).exists()


def _lift_without_a_reason(office, user):
    return _lift(office, user, reason="")


def _delete_anothers_draft_in_review(office, user):
    page = draft_item(office["columns"][0], office["users"]["editor"], title="审核中的草稿")
    submit(page, office["users"]["editor"])
    return page.permissions_for_user(user).can_delete()


def _publish(office, user):
    return office["columns"][0].permissions_for_user(user).can_publish()


def _force_publish(office, user, client):
    page = draft_item(office["columns"][0], office["users"]["editor"], title="强制发布的草稿")
    client.force_login(user)
    client.post(reverse("moderation:force_publish", args=[page.pk]), {"reason": REASON})
    return fresh(page).live


def _pending_withdrawal(office):
    page = published_item(office, office["columns"][0])
    return request_withdrawal(
        page, office["users"]["editor"], "unpublish", "政策已废止，信息失效。"
    )


def _decide_withdrawal(office, user):
    return _pending_withdrawal(office).may_decide(user)


def _dashboard_lists_the_withdrawal(office, user):
    withdrawal = _pending_withdrawal(office)
    panels = []
    arrange_dashboard(user, panels, deadlines=object())
    listed = [
        item
        for panel in panels
        if isinstance(panel, WithdrawalsToDecidePanel)
        for item in panel.withdrawals
    ]
    return withdrawal in listed


def _dashboard_holds_every_role(office, user):
    return roles_of(user) == set(Role)


PATHS = {
    "lift a view restriction": _lift,
    "delete another's draft in review": _delete_anothers_draft_in_review,
    "publish": _publish,
    "force publish": _force_publish,
    "decide a 撤稿": _decide_withdrawal,
    "dashboard lists the 撤稿": _dashboard_lists_the_withdrawal,
}


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("administrator", ADMINISTRATORS)
def test_authority_over_a_page_is_publish_permission_there(client, office, path, administrator):
    user = office["administrators"][administrator]
    extra = {"client": client} if path == "force publish" else {}
    assert PATHS[path](office, user, **extra) is AUTHORITY.get(administrator, False)


@pytest.mark.parametrize("administrator", ADMINISTRATORS)
def test_nobody_lifts_a_restriction_without_a_reason(office, administrator):
    """The superuser included: the reason is what the audit log and the reviewers' mail carry."""
    assert _lift_without_a_reason(office, office["administrators"][administrator]) is False


@pytest.mark.parametrize("administrator", ADMINISTRATORS)
def test_only_the_superuser_holds_every_role_on_the_dashboard(office, administrator):
    """A superuser holds every permission; the site-wide 管理员 holds only the roles of its
    organisation's groups (none here), as everyone else."""
    user = office["administrators"][administrator]
    assert _dashboard_holds_every_role(office, user) is (administrator == "superuser")


def test_the_site_wide_administrator_still_runs_the_platform(office):
    """What it keeps: it is a site administrator and sees every organisation."""
    from disclosure.catalogue.staff_roles import sees_every_organisation

    user = office["administrators"]["site-wide 管理员"]
    assert is_site_administrator(user) and sees_every_organisation(user)
    assert not Page.objects.filter(group_permissions__group__user=user).exists()
