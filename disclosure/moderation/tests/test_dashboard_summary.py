"""The dashboard's summary (页面/文档/图片 counts) names, for screen readers, the organisation
whose pages and files are counted.

Reported (issue #17, try-out): the screen-reader-only name read out another organisation or the
site's generic name: Wagtail names the site of the user's explorable root page."""

import re

import pytest


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
