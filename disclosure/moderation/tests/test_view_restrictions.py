"""Lifting or loosening a page's view restriction (view_restrictions.py), on every path that
deletes or alters a PageViewRestriction: Wagtail's privacy dialog (restriction_type none, a
looser type, wider groups) and any other code run in a request (the model signals: delete,
queryset delete, save, groups added from either side). Wagtail's admin API has no privacy
action; moving or copying a live page is refused outside review already (guards.py).

For whoever administers the page (an organisation's 管理员, a superuser): refused without a
reason (the restriction kept), allowed with one (logged, the organisation's reviewers told);
everyone else is refused, the site-wide 管理员 group included (test_page_authority.py); adding or
tightening stays free."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import PageLogEntry, PageViewRestriction

from disclosure.moderation.organisations.placement import ensure_organisation_roles
from disclosure.moderation.publishing.view_restrictions import LOG_ACTION
from gongkai.accounts.roles import Role

from .helpers import as_user
from .offices import OFFICE_PER_MODULE, make_user

pytestmark = OFFICE_PER_MODULE

REASON = "该栏目内容经评估不再涉密，按规定向社会公开。"


@pytest.fixture
def office(small_office):
    township = small_office["root"].organisation
    groups = ensure_organisation_roles(township)
    small_office["users"]["orgadmin"] = make_user("orgadmin", groups[Role.ADMINISTRATORS])
    small_office["groups"] = groups
    return small_office


@pytest.fixture
def page(office):
    return office["columns"][0]


def restrict(page, restriction_type=PageViewRestriction.LOGIN, groups=(), password=""):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=restriction_type, password=password
    )
    restriction.groups.set(groups)
    return restriction


def readers(page):
    restriction = PageViewRestriction.objects.filter(page=page).first()
    if restriction is None:
        return None
    return restriction.restriction_type, set(restriction.groups.values_list("pk", flat=True))


def privacy(client, office, role, page, **data):
    client.force_login(office["users"][role])
    url = reverse("wagtailadmin_pages:set_privacy", args=[page.pk])
    return client.post(url, data)


def answer(response):
    """The privacy dialog's modal answer: its step and HTML."""
    data = response.json()
    return f"{data.get('step')} {data.get('html', '')}"


def lifts(page):
    return list(PageLogEntry.objects.filter(page=page, action=LOG_ACTION))


# The privacy dialog's loosening choices: (restriction before, form data).
def _login_to_none(office, page):
    restrict(page)
    return {"restriction_type": "none"}


def _groups_to_login(office, page):
    restrict(page, PageViewRestriction.GROUPS, [office["groups"][Role.LEADERS]])
    return {"restriction_type": "login"}


def _groups_wider(office, page):
    leaders, editors = office["groups"][Role.LEADERS], office["groups"][Role.EDITORS]
    restrict(page, PageViewRestriction.GROUPS, [leaders])
    return {"restriction_type": "groups", "groups": [leaders.pk, editors.pk]}


def _password_to_login(office, page):
    restrict(page, PageViewRestriction.PASSWORD, password="secret-1")
    return {"restriction_type": "login"}


LOOSENINGS = {
    "login → none": _login_to_none,
    "groups → login": _groups_to_login,
    "groups → wider groups": _groups_wider,
    "password → login": _password_to_login,
}


@pytest.mark.parametrize("loosening", LOOSENINGS)
def test_an_organisation_administrator_without_a_reason_keeps_the_restriction(
    client, office, page, loosening
):
    data = LOOSENINGS[loosening](office, page)
    before = readers(page)
    response = privacy(client, office, "orgadmin", page, **data)
    assert response.status_code == 200
    assert "必须填写理由" in answer(response)
    assert readers(page) == before
    assert lifts(page) == []


@pytest.mark.parametrize("loosening", LOOSENINGS)
def test_an_organisation_administrator_with_a_reason_lifts_it_logged_and_announced(
    client, office, page, loosening, django_capture_on_commit_callbacks
):
    data = LOOSENINGS[loosening](office, page)
    before = readers(page)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = privacy(client, office, "orgadmin", page, reason=REASON, **data)
    assert response.status_code == 200
    assert "set_privacy_done" in answer(response)
    assert readers(page) != before
    [entry] = lifts(page)
    assert entry.user == office["users"]["orgadmin"]
    assert entry.data["reason"] == REASON
    [message] = [m for m in mail.outbox if "访问限制已放宽" in m.subject]
    assert sorted(message.to) == [
        "leader@example.invalid",
        "reviewer@example.invalid",
        "secrecy@example.invalid",
    ]
    assert REASON in message.body


@pytest.mark.parametrize("loosening", LOOSENINGS)
def test_a_superuser_lifts_it_with_a_reason_and_it_is_logged(client, office, page, loosening):
    data = LOOSENINGS[loosening](office, page)
    before = readers(page)
    response = privacy(client, office, "admin", page, **data)
    assert "必须填写理由" in answer(response)
    assert readers(page) == before
    response = privacy(client, office, "admin", page, reason=REASON, **data)
    assert "set_privacy_done" in answer(response)
    assert readers(page) != before
    [entry] = lifts(page)
    assert entry.user == office["users"]["admin"]


@pytest.mark.parametrize("role", ["editor", "reviewer", "secrecy", "leader", "outsider"])
def test_no_one_else_lifts_it_even_with_a_reason(client, office, page, role):
    restrict(page)
    response = privacy(client, office, role, page, restriction_type="none", reason=REASON)
    assert response.status_code in {302, 403, 404}
    assert readers(page) == ("login", set())


def test_an_administrator_of_another_organisation_may_not_lift_it(client, office, page):
    county = office["county_root"].organisation
    office["users"]["countyadmin"] = make_user(
        "county-admin", ensure_organisation_roles(county)[Role.ADMINISTRATORS]
    )
    restrict(page)
    privacy(client, office, "countyadmin", page, restriction_type="none", reason=REASON)
    assert readers(page) == ("login", set())


def test_adding_or_tightening_needs_no_reason(client, office, page):
    leaders = office["groups"][Role.LEADERS]
    response = privacy(client, office, "orgadmin", page, restriction_type="login")
    assert "set_privacy_done" in answer(response)
    assert readers(page) == ("login", set())
    response = privacy(
        client, office, "orgadmin", page, restriction_type="groups", groups=[leaders.pk]
    )
    assert "set_privacy_done" in answer(response)
    assert readers(page) == ("groups", {leaders.pk})
    assert lifts(page) == []


@pytest.mark.parametrize("role", ["orgadmin", "admin"])
def test_the_dialog_asks_whoever_administers_the_page_for_the_reason(client, office, page, role):
    restrict(page)
    client.force_login(office["users"][role])
    html = answer(client.get(reverse("wagtailadmin_pages:set_privacy", args=[page.pk])))
    assert "放宽访问限制的理由" in html


# Any other code run in a request, whatever view it is: the model guard decides.
def _delete(office, page):
    restriction = restrict(page)
    return lambda: restriction.delete()


def _queryset_delete(office, page):
    restrict(page)
    return lambda: PageViewRestriction.objects.filter(page=page).delete()


def _save_looser_type(office, page):
    restriction = restrict(page, PageViewRestriction.GROUPS, [office["groups"][Role.LEADERS]])

    def change():
        restriction.restriction_type = PageViewRestriction.LOGIN
        restriction.save()

    return change


def _add_group(office, page):
    restriction = restrict(page, PageViewRestriction.GROUPS, [office["groups"][Role.LEADERS]])
    return lambda: restriction.groups.add(office["groups"][Role.EDITORS])


def _add_from_the_group(office, page):
    restriction = restrict(page, PageViewRestriction.GROUPS, [office["groups"][Role.LEADERS]])
    editors = Group.objects.get(pk=office["groups"][Role.EDITORS].pk)
    return lambda: editors.pageviewrestriction_set.add(restriction)


MODEL_PATHS = {
    "delete": _delete,
    "queryset delete": _queryset_delete,
    "save a looser type": _save_looser_type,
    "add a group": _add_group,
    "add from the group's side": _add_from_the_group,
}


@pytest.mark.parametrize("path", MODEL_PATHS)
def test_the_model_refuses_an_organisation_administrator_without_a_reason(office, page, path):
    change = MODEL_PATHS[path](office, page)
    before = readers(page)
    with pytest.raises(PermissionDenied):
        as_user(office["users"]["orgadmin"], change)
    assert readers(page) == before


@pytest.mark.parametrize("path", MODEL_PATHS)
def test_the_model_refuses_other_staff_even_with_a_reason(office, page, path):
    change = MODEL_PATHS[path](office, page)
    before = readers(page)
    with pytest.raises(PermissionDenied):
        as_user(office["users"]["leader"], change, reason=REASON)
    assert readers(page) == before


@pytest.mark.parametrize("path", MODEL_PATHS)
def test_the_model_logs_an_organisation_administrators_reason(office, page, path):
    change = MODEL_PATHS[path](office, page)
    before = readers(page)
    as_user(office["users"]["orgadmin"], change, reason=REASON)
    assert readers(page) != before
    [entry] = lifts(page)
    assert entry.data["reason"] == REASON


@pytest.mark.parametrize("path", MODEL_PATHS)
def test_the_model_lets_a_superuser_lift_it_with_a_reason(office, page, path):
    change = MODEL_PATHS[path](office, page)
    before = readers(page)
    with pytest.raises(PermissionDenied):
        as_user(office["users"]["admin"], change)
    assert readers(page) == before
    as_user(office["users"]["admin"], change, reason=REASON)
    assert readers(page) != before


def test_deleting_the_page_takes_its_restriction_with_it(office, page):
    restrict(page)
    as_user(office["users"]["orgadmin"], lambda: page.delete())
    assert not PageViewRestriction.objects.exists()
