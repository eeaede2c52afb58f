"""The register's handlers (依申请办理) read applicants' names, ID numbers, addresses and phones:
with two-factor sign-in required, as in production, they enrol before they reach the admin."""

import pytest
from django.contrib.auth.models import Group
from django.core.checks import run_checks
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django.urls import reverse

from disclosure.applications.roles import APPLICATION_HANDLERS_GROUP
from gongkai.accounts.two_factor import must_use_two_factor, required_without_authenticator
from tests.factories import UserFactory

ADMIN_HOME = "/admin/"
REQUIRED = override_settings(GONGKAI_TWO_FACTOR_REQUIRED=True)

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_wide_handler(db):
    return UserFactory(
        username="county-handler", groups=[Group.objects.get(name=APPLICATION_HANDLERS_GROUP)]
    )


def test_the_handlers_are_among_the_roles_that_require_it_by_default(settings):
    # production.py leaves the list as base.py sets it (accounts' test_two_factor reads it there).
    assert "application_handlers" in settings.GONGKAI_TWO_FACTOR_ROLES


@REQUIRED
@pytest.mark.parametrize("who", ["handler", "site_wide_handler"])
def test_a_handler_who_has_not_enrolled_is_sent_to_enrolment(client, request, who):
    user = request.getfixturevalue(who)
    client.force_login(user)
    response = client.get(ADMIN_HOME)
    assert (response.status_code, response.url) == (302, reverse("accounts_two_factor"))
    assert client.get("/admin/api/main/pages/").status_code == 403
    assert user in required_without_authenticator()


# These tests change the settings through pytest-django's fixture alone: an override_settings
# decorator would be undone before the fixture's change and leave its own value behind.
def test_leaving_the_handlers_out_of_the_setting_leaves_them_optional(client, handler, settings):
    settings.GONGKAI_TWO_FACTOR_REQUIRED = True
    settings.GONGKAI_TWO_FACTOR_ROLES = ["reviewers", "secrecy", "leaders", "administrators"]
    client.force_login(handler)
    assert client.get(ADMIN_HOME).status_code == 200


def test_an_unknown_name_in_the_setting_is_a_configuration_error(handler, settings):
    settings.GONGKAI_TWO_FACTOR_REQUIRED = True
    settings.GONGKAI_TWO_FACTOR_ROLES = ["reviewers", "handlers"]
    errors = [e for e in run_checks() if e.id == "accounts.E001"]
    assert len(errors) == 1 and "handlers" in errors[0].msg
    # Should the check be skipped, nobody is let through without the second factor unasked.
    with pytest.raises(ImproperlyConfigured, match="handlers"):
        must_use_two_factor(handler)


def test_the_known_names_pass_the_check(settings):
    assert [e for e in run_checks() if e.id == "accounts.E001"] == []
