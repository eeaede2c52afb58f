"""The reports' overview is offered in the admin menu to whoever sees an organisation, as the
inspection's is, and its years are the years the statutory tables cover."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from disclosure.catalogue.models import Organisation, StaffOrganisation

pytestmark = pytest.mark.django_db
FIRST_YEAR = 2019  # the revised Regulation's tables (formats 2019 and 2021)


@pytest.fixture
def staff_user(django_user_model):
    user = django_user_model.objects.create_user("menu-reader", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def menu_of(client, user):
    client.force_login(user)
    return client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_user_who_sees_no_organisation_is_not_offered_the_overview(client, staff_user):
    home = menu_of(client, staff_user)
    assert reverse("reports:overview") not in home
    assert reverse("inspection:overview") not in home


def test_an_organisations_staff_are_offered_the_overview(client, staff_user):
    organisation = Organisation.objects.create(name="菜单测试镇人民政府")
    StaffOrganisation.objects.create(user=staff_user, organisation=organisation)
    home = menu_of(client, staff_user)
    assert reverse("reports:overview") in home
    assert reverse("inspection:overview") in home


def test_the_years_offered_are_the_years_a_year_asked_for_is_kept_within(admin_client):
    html = admin_client.get(reverse("reports:overview"), {"year": 2010}).content.decode()
    offered = [int(y) for y in re.findall(r'<option value="(\d+)"', html)]
    selected = int(re.search(r'<option value="(\d+)" selected', html).group(1))
    assert min(offered) == FIRST_YEAR == selected
    assert max(offered) == timezone.localdate().year
