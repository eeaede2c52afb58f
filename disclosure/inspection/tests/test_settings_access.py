"""The thresholds, column types, column names and misstatements are the platform's
(gongkai.accounts.site_wide.SITE_WIDE_MODELS): a superuser and a member of the site-wide 管理员
group edit them, an organisation's 管理员 and an editor do not, whichever snippet view."""

import pytest
from django.urls import reverse

from disclosure.moderation.organisations.placement import ensure_organisation_roles
from disclosure.moderation.tests.offices import make_user
from gongkai.accounts.administrators import site_administrators_group
from gongkai.accounts.roles import Role

from .helpers import refused

MODELS = ("indicator", "columntype", "columnsetting", "misstatement")


@pytest.fixture
def people(office):
    township_groups = ensure_organisation_roles(office["township"])
    return {
        "superuser": office["users"]["admin"],
        "site administrator": make_user("platform", site_administrators_group()),
        "organisation administrator": make_user(
            "township-admin", township_groups[Role.ADMINISTRATORS]
        ),
        "editor": office["users"]["editor"],
    }


@pytest.mark.parametrize(
    "who, edits",
    [
        ("superuser", True),
        ("site administrator", True),
        ("organisation administrator", False),
        ("editor", False),
    ],
)
@pytest.mark.parametrize("model", MODELS)
def test_who_edits_the_inspection_settings(client, people, who, edits, model):
    client.force_login(people[who])
    for view in ("list", "add"):
        response = client.get(reverse(f"wagtailsnippets_inspection_{model}:{view}"))
        assert (response.status_code == 200) == edits, view
        assert refused(response) != edits, view
