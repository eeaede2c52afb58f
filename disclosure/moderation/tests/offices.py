"""A small township office built without the demo: what review tests need and nothing more.

The township (友谊镇) gets a disclosure root with two columns, and one user per role in its own
role groups; the county office gets a root and an editor (the "other organisation"). Creating a
disclosure root sets up the organisation's groups, page permissions and workflow (signals.py).
"""

from django.contrib.auth import get_user_model
from wagtail.models import Site

from disclosure.catalogue.models import CategoryPage, DisclosureIndexPage, Organisation
from disclosure.moderation.placement import ensure_organisation_roles
from disclosure.moderation.publication import sanctioned_publication
from home import demo_content

PASSWORD = "matrix-password"
# username → the township role group it joins (None: a superuser, as the demo's admin).
TOWNSHIP_STAFF = {
    "editor": "editors",
    "reviewer": "reviewers",
    "secrecy": "secrecy",
    "leader": "leaders",
    "admin": None,
}


def publish_directly(page, user=None):
    """Fixtures' live pages, published outside review as the demo loader publishes them."""
    with sanctioned_publication("test office"):
        page.save_revision(user=user).publish(user=user)
    return page


def published_child(parent, page, user):
    """The office's roots and columns, published as the demo loader publishes them."""
    parent.add_child(instance=page)
    return publish_directly(page, user)


def make_user(username, group=None, superuser=False):
    user = get_user_model().objects.create_user(
        username,
        email=f"{username}@example.invalid",
        password=PASSWORD,
        is_superuser=superuser,
        is_staff=superuser,
    )
    if group is not None:
        user.groups.add(group)
    return user


def build_office():
    home = Site.objects.get(is_default_site=True).root_page
    township = Organisation.objects.create(**demo_content.TOWNSHIP)
    county = Organisation.objects.create(**demo_content.COUNTY_OFFICE)
    admin = make_user("admin", superuser=True)
    root = published_child(
        home,
        DisclosureIndexPage(title="友谊镇政府信息公开", slug="xxgk", organisation=township),
        admin,
    )
    county_root = published_child(
        home,
        DisclosureIndexPage(
            title="县政府办政府信息公开", slug="county-office", organisation=county
        ),
        admin,
    )
    columns = [
        published_child(root, CategoryPage(title=title, slug=slug), admin)
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
