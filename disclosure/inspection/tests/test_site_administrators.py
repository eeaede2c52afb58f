"""A site administrator recorded with an organisation still sees the platform overview and
every organisation's report (staff_roles.sees_every_organisation), as the walls let it see
every organisation's pages."""

import pytest
from django.urls import reverse

from disclosure.catalogue.models import StaffOrganisation
from disclosure.inspection import snapshots
from gongkai.accounts.administrators import site_administrators_group
from tests.factories import UserFactory


@pytest.fixture(params=("superuser", "administrators_group"))
def township_site_administrator(request, office):
    if request.param == "superuser":
        user = UserFactory(username="platform-root", is_superuser=True, is_staff=True)
    else:
        group, _ = (site_administrators_group(), False)
        user = UserFactory(username="platform-admin", groups=[group])
    StaffOrganisation.objects.create(user=user, organisation=office["township"])
    return user


def test_it_opens_the_overview_and_the_other_organisations_report(
    client, office, township_site_administrator
):
    snapshots.refresh_inspections()
    client.force_login(township_site_administrator)
    assert client.get(reverse("inspection:overview")).status_code == 200
    county = office["county"]
    assert client.get(reverse("inspection:organisation", args=[county.pk])).status_code == 200
    assert client.get(reverse("inspection:overview_xlsx")).status_code == 200


def test_it_refreshes_every_organisation(client, township_site_administrator):
    client.force_login(township_site_administrator)
    response = client.post(reverse("inspection:refresh_all"))
    assert response.status_code == 302 and response["Location"] == reverse("inspection:overview")
