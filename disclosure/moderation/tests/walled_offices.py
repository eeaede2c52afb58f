"""The test office (offices.py) with every role in both organisations and a site administrator:
what the tests of the walls between organisations need.

Users (by key): the township's editor, reviewer, secrecy, leader and its own 管理员
("township_admin"); the county office's editor ("outsider"), reviewer, secrecy, leader and
管理员 ("county_admin"); "site_admin", a member of the site-wide 管理员 group (not a superuser);
"admin", the superuser.
"""

from django.contrib.auth.models import Group

from disclosure.catalogue.models import DisclosureIndexPage
from disclosure.moderation.organisations.placement import ensure_organisation_roles
from gongkai.accounts.roles import Role

from .offices import build_office, make_user

COUNTY_STAFF = {
    "county_reviewer": "reviewers",
    "county_secrecy": "secrecy",
    "county_leader": "leaders",
    "county_admin": "administrators",
}


def build_walled_office():
    office = build_office()
    users = office["users"]
    township = DisclosureIndexPage.objects.get(pk=office["root"].pk).organisation
    county = DisclosureIndexPage.objects.get(pk=office["county_root"].pk).organisation
    township_groups = ensure_organisation_roles(township)
    county_groups = ensure_organisation_roles(county)
    users["township_admin"] = make_user("township-admin", township_groups["administrators"])
    for key, role in COUNTY_STAFF.items():
        users[key] = make_user(key.replace("_", "-"), county_groups[role])
    users["site_admin"] = make_user(
        "site-admin", Group.objects.get(name=Role.ADMINISTRATORS.group_name)
    )
    # Wagtail's user form requires both names.
    for user in users.values():
        user.first_name, user.last_name = "某", user.username
        user.save(update_fields=["first_name", "last_name"])
    office.update(
        township=township,
        county=county,
        township_groups=township_groups,
        county_groups=county_groups,
    )
    return office


def user_form_data(user, **overrides):
    """What Wagtail's user edit form posts for `user` as it is, with `overrides`."""
    data = {
        "username": user.username,
        "email": user.email or f"{user.username}@example.invalid",
        "first_name": user.first_name or "某",
        "last_name": user.last_name or "人",
        "is_active": "on",
        "groups": [str(pk) for pk in user.groups.values_list("pk", flat=True)],
        "password1": "",
        "password2": "",
    }
    data.update(overrides)
    return data


# Titles of the pages WalledPages plants: the county's draft and live columns, the township's
# own draft (what the admin walls must hide, show, and show to their own office).
DRAFT = "县里未审草稿栏目"
LIVE = "县里已公开栏目"
OWN_DRAFT = "镇里自己的草稿栏目"


class WalledPages:
    """Test data for a TestCase: the walled office, a draft and a live column of the county
    office and a draft of the township, all in the search index."""

    @classmethod
    def setUpTestData(cls):
        from wagtail.search.backends import get_search_backend

        from disclosure.catalogue.tests.factories import CategoryPageFactory

        cls.office = build_walled_office()
        cls.users = cls.office["users"]
        county_root = cls.office["county_root"]
        cls.draft = CategoryPageFactory(parent=county_root, title=DRAFT, slug="draft", live=False)
        cls.live = CategoryPageFactory(parent=county_root, title=LIVE, slug="live")
        cls.own_draft = CategoryPageFactory(
            parent=cls.office["root"], title=OWN_DRAFT, slug="own-draft", live=False
        )
        backend = get_search_backend()
        for page in (cls.draft, cls.live, cls.own_draft):
            backend.add(page)
