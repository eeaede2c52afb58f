"""The dashboard's summary (页面/文档/图片 counts) names, for screen readers, the organisation
whose pages and files are counted.

Reported (issue #17, try-out): the screen-reader-only name read out another organisation or the
site's generic name: Wagtail names the site of the user's explorable root page."""

import re

import pytest

from disclosure.catalogue.models import StaffOrganisation
from disclosure.moderation.review.dashboard import name_the_summary
from disclosure.moderation.tests.offices import OFFICE_PER_MODULE
from gongkai.accounts.administrators import site_administrators_group
from tests.factories import UserFactory

pytestmark = OFFICE_PER_MODULE


@pytest.fixture
def office(small_office):
    return small_office


def spoken_scopes(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    return re.findall(r'个(?:页面|文档|图片)<span class="w-sr-only">（([^）]*)）</span>', html)


@pytest.mark.parametrize("role", ["editor", "reviewer", "leader"])
def test_the_summary_names_the_users_own_organisation(client, office, role):
    organisation = office["root"].organisation
    scopes = spoken_scopes(client, office["users"][role])
    assert scopes
    assert set(scopes) == {organisation.name}


def test_the_other_organisations_editor_hears_its_own_name(client, office):
    county = office["county_root"].organisation
    scopes = spoken_scopes(client, office["users"]["outsider"])
    assert scopes
    assert set(scopes) == {county.name}


def recorded_site_administrator(office, kind):
    """A site administrator of either kind, recorded with the township."""
    if kind == "superuser":
        user = office["users"]["admin"]
    else:
        group, _ = (site_administrators_group(), False)
        user = UserFactory(username="platform", groups=[group])
    township = office["root"].organisation
    StaffOrganisation.objects.update_or_create(user=user, defaults={"organisation": township})
    return user


def test_a_superuser_recorded_with_an_organisation_hears_the_sites_name(client, office):
    """It counts every organisation's pages and files (sees_every_organisation): naming the
    organisation it is recorded with would misstate the counts."""
    scopes = spoken_scopes(client, recorded_site_administrator(office, "superuser"))
    assert scopes
    assert office["root"].organisation.name not in scopes


class SummaryItem:
    def get_context_data(self, parent_context):
        return {"site_name": "友谊县政府信息公开"}


@pytest.mark.parametrize("kind", ["superuser", "site-wide 管理员"])
def test_no_site_administrator_has_its_summary_renamed(office, kind):
    item = SummaryItem()
    name_the_summary(recorded_site_administrator(office, kind), [item])
    assert item.get_context_data({})["site_name"] == "友谊县政府信息公开"
