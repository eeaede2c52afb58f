"""Load the demo site once: organisations, pages, footer settings, roles and accounts."""

import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page, Site

from disclosure.applications.demo import load_demo_register, load_open_applications
from disclosure.applications.roles import SITE_WIDE_KEY, ensure_organisation_handlers
from disclosure.catalogue.demo import load_catalogue_demo
from disclosure.catalogue.models import (
    CategoryPage,
    DisclosureIndexPage,
    Organisation,
    StaffOrganisation,
)
from disclosure.moderation.demo import join_organisation_administrators, join_organisation_roles
from disclosure.moderation.publishing.publication import sanctioned_publication
from disclosure.reports.demo import load_reports_demo
from gongkai.accounts.site_wide_groups import site_wide_group
from home import demo_content as content
from home.demo_translation import load_english_demo
from home.models import HomePage, SiteFooterSettings

DEFAULT_DEMO_PASSWORD = "gongkai-demo"


def demo_password():
    return os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD


def is_loaded():
    return Organisation.objects.filter(name=content.TOWNSHIP["name"]).exists()


def publish(page, user):
    page.save_revision(user=user, log_action=True).publish(user=user)
    return page


def add_published_child(parent, page, user):
    parent.add_child(instance=page)
    return publish(page, user)


def create_accounts(password):
    User = get_user_model()
    users = {}
    for username, last_name, first_name, _duty, roles in content.ACCOUNTS:
        user, _ = User.objects.get_or_create(username=username)
        user.last_name, user.first_name = last_name, first_name
        user.email = f"{username}@example.invalid"
        user.is_staff = username == "admin"
        user.is_superuser = username == "admin"
        user.set_password(password)
        user.save()
        user.groups.set(Group.objects.filter(site_wide__key__in=roles))
        users[username] = user
    return users


def build_disclosure_root(home, organisation, title, slug, intro, categories, user):
    root = add_published_child(
        home,
        DisclosureIndexPage(title=title, slug=slug, organisation=organisation, intro=intro),
        user,
    )
    for cat_title, cat_slug, cat_intro in categories:
        column = CategoryPage(
            title=cat_title,
            slug=cat_slug,
            intro=cat_intro,
            item_type=content.COLUMN_ITEM_TYPES.get(cat_slug, ""),
        )
        add_published_child(root, column, user)
    return root


@transaction.atomic
@sanctioned_publication("demo")  # the demo's pages are published as loaded, without review
def load_demo(password=None, english=False):
    """Create the demo once; return False (and change nothing) when it is already there.
    `english` adds the English versions (demo_translation.py); tests that count pages leave
    it off."""
    if is_loaded():
        return False
    loading_since = timezone.now()
    users = create_accounts(password or demo_password())
    admin = users["admin"]

    township = Organisation.objects.create(**content.TOWNSHIP)
    county = Organisation.objects.create(**content.COUNTY_OFFICE)

    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    if not isinstance(home, HomePage):  # a site whose root was replaced by hand
        home = HomePage.objects.first()
    home.title = content.HOME_TITLE
    home.organisation = township
    home.intro = content.HOME_INTRO
    publish(home, admin)
    site.site_name = content.TOWNSHIP["name"]
    site.save()

    township_root = build_disclosure_root(
        home,
        township,
        content.DISCLOSURE_ROOT_TITLE,
        "xxgk",
        content.DISCLOSURE_ROOT_INTRO,
        content.CATEGORIES,
        admin,
    )
    build_disclosure_root(
        home,
        county,
        "友谊县人民政府办公室政府信息公开",
        "county-office",
        "<p>友谊县人民政府办公室的政府信息公开目录。</p>",
        content.COUNTY_CATEGORIES,
        admin,
    )

    footer = SiteFooterSettings.for_site(site)
    footer.sponsor = content.TOWNSHIP["name"]
    footer.organiser = content.OFFICE_NAME
    footer.organiser_en = content.OFFICE_NAME_EN
    footer.address = content.TOWNSHIP["address"]
    footer.address_en = content.TOWNSHIP["address_en"]
    footer.postcode = content.TOWNSHIP["postcode"]
    footer.phone = content.TOWNSHIP["phone"]
    footer.icp_number, footer.public_security_number, footer.site_id_code = (
        content.SAMPLE_IDENTIFIERS
    )
    footer.conac_id = content.SAMPLE_CONAC_ID
    footer.identifiers_are_samples = True
    footer.save()
    load_catalogue_demo(township, county, township_root, admin)
    load_demo_register(township, admin)
    load_open_applications(township, admin)
    load_reports_demo(township_root, admin)
    join_organisation_roles(township, users)
    join_handlers(township, users["handler"])
    join_organisation_administrators(township, users["manager"])
    if english:
        load_english_demo(home, township_root, admin)
    backdate_last_publication(loading_since)
    return True


def backdate_last_publication(loading_since):
    """The demo's backdated pages (items, reports) were published on the township's old site
    and not changed since: their last publication (the sitemap's lastmod) is their first, not
    the moment the demo was loaded, as for their English versions (demo_translation.py)."""
    Page.objects.filter(
        first_published_at__lt=loading_since, last_published_at__gte=loading_since
    ).update(last_published_at=F("first_published_at"))


def accounts_summary(password=None):
    password = password or demo_password()
    lines = [
        f"  {username:<9} {last_name}{first_name}（{duty}）"
        for username, last_name, first_name, duty, _roles in content.ACCOUNTS
    ]
    return "演示账号 (demo accounts), 密码 (password): " + password + "\n" + "\n".join(lines)


def join_handlers(organisation, user):
    """Make ``user`` one of the organisation's 依申请办理: the site-wide group carries the
    permissions, the organisation's own group opens its register (roles.py); the user belongs
    to the organisation, so its administrators manage the account
    (moderation.organisations.walls)."""
    user.groups.add(
        site_wide_group(SITE_WIDE_KEY),
        ensure_organisation_handlers(organisation),
    )
    StaffOrganisation.objects.get_or_create(user=user, defaults={"organisation": organisation})
