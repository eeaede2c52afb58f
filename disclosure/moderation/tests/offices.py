"""A small township office built without the demo: what review tests need and nothing more.

The township (友谊镇) gets a disclosure root with two columns, and one user per role in its own
role groups; the county office gets a root and an editor (the "other organisation"). Creating a
disclosure root sets up the organisation's groups, page permissions and workflow (signals.py).
"""

import pytest

from disclosure.catalogue.tests.factories import (
    CategoryPageFactory,
    DisclosureIndexPageFactory,
    OrganisationFactory,
)
from disclosure.moderation.organisations.placement import ensure_organisation_roles
from home import demo_content
from tests.factories import UserFactory

PASSWORD = "matrix-password"
# A module whose every test works in the office builds it once: `pytestmark = OFFICE_PER_MODULE`.
OFFICE_PER_MODULE = [pytest.mark.django_db, pytest.mark.usefixtures("small_office_for_the_module")]
# username → the township role group it joins (None: a superuser, as the demo's admin).
TOWNSHIP_STAFF = {
    "editor": "editors",
    "reviewer": "reviewers",
    "secrecy": "secrecy",
    "leader": "leaders",
    "admin": None,
}


def make_user(username, group=None, superuser=False):
    return UserFactory(
        username=username,
        email=f"{username}@example.invalid",
        password=PASSWORD,
        is_superuser=superuser,
        is_staff=superuser,
        groups=[group] if group is not None else [],
    )


def build_office():
    township = OrganisationFactory(**demo_content.TOWNSHIP)
    county = OrganisationFactory(**demo_content.COUNTY_OFFICE)
    admin = make_user("admin", superuser=True)
    root = DisclosureIndexPageFactory(
        title="友谊镇政府信息公开", slug="xxgk", organisation=township, revised_by=admin
    )
    county_root = DisclosureIndexPageFactory(
        title="县政府办政府信息公开", slug="county-office", organisation=county, revised_by=admin
    )
    columns = [
        CategoryPageFactory(parent=root, title=title, slug=slug, revised_by=admin)
        for title, slug in [("办事指南", "guides"), ("通知公告", "notices")]
    ]
    groups = ensure_organisation_roles(township)
    users = {
        name: make_user(name, groups[role]) if role else admin
        for name, role in TOWNSHIP_STAFF.items()
    }
    users["outsider"] = make_user("county-editor", ensure_organisation_roles(county)["editors"])
    return {
        "users": users,
        "root": root,
        "county_root": county_root,
        "columns": columns,
        "password": PASSWORD,
    }
