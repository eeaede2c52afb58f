"""Which organisations a user sees in the admin, answered once (staff_roles): its own, every one
for a site administrator without an organisation, none for anyone else."""

import pytest
from django.contrib.auth import get_user_model

from disclosure.catalogue.models import Organisation, StaffOrganisation
from disclosure.catalogue.staff_roles import organisations_visible_to
from gongkai.accounts.administrators import site_administrators_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisations():
    return [Organisation.objects.create(name=name) for name in ("某县东湖镇", "某县西湖镇")]


def user(name, **extra):
    return get_user_model().objects.create_user(name, password="x", **extra)


def test_staff_see_their_own_organisation(organisations):
    staff = user("dongxu")
    StaffOrganisation.objects.create(user=staff, organisation=organisations[0])
    assert list(organisations_visible_to(staff)) == [organisations[0]]


def test_a_site_administrator_without_organisation_sees_every_one(organisations):
    administrator = user("siteadmin")
    administrator.groups.add(site_administrators_group())
    assert set(organisations_visible_to(administrator)) == set(organisations)
    assert set(organisations_visible_to(user("root", is_superuser=True))) == set(organisations)


def test_a_user_without_organisation_who_is_not_a_site_administrator_sees_none(organisations):
    assert not organisations_visible_to(user("nobody", is_staff=True)).exists()


def test_a_site_administrator_recorded_with_an_organisation_sees_every_one(organisations):
    """Being recorded with an organisation narrows nothing for a site administrator: it sees
    every organisation, as the walls, the user admin and the audit export let it."""
    administrator = user("countyadmin")
    administrator.groups.add(site_administrators_group())
    root = user("countyroot", is_superuser=True)
    for someone in (administrator, root):
        StaffOrganisation.objects.create(user=someone, organisation=organisations[0])
        assert set(organisations_visible_to(someone)) == set(organisations)
