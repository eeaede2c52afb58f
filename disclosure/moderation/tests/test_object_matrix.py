"""The permission matrix over objects: every role of both organisations (and a site
administrator, and the superuser) × the user-administration actions and the site-wide objects,
from ONE table, each cell one test that tries the action over HTTP.

A cell is "allowed" when the request had its effect and "refused" when it did not; both are
asserted, so granting a permission or removing a wall makes a cell fail. Forms are posted as a
browser would: their fields are read from the edit page the superuser sees, then changed.

Speed: the office is built once (setUpTestData); every cell runs in its own rolled-back
transaction.
"""

from html.parser import HTMLParser

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client, TestCase, override_settings
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Site, Workflow

from disclosure.catalogue.models import Domain, Organisation
from disclosure.moderation.models import RoleApprovalTask, SensitiveWord
from disclosure.moderation.organisations.placement import default_workflow
from home.models import SiteFooterSettings
from search.models import Synonym

from .walled_offices import build_walled_office

User = get_user_model()

TOWNSHIP = ["editor", "reviewer", "secrecy", "leader", "township_admin"]
COUNTY = ["outsider", "county_reviewer", "county_secrecy", "county_leader", "county_admin"]
ROLES = [*TOWNSHIP, *COUNTY, "site_admin", "admin"]
SITE_ADMINISTRATORS = {"site_admin", "admin"}

# THE table: action → roles allowed. "township user" is the township's 初审 (reviewer).
ALLOWED = {
    # user administration
    "list_township_users": {"township_admin", *SITE_ADMINISTRATORS},
    "edit_township_user": {"township_admin", *SITE_ADMINISTRATORS},
    "edit_county_user": {"county_admin", *SITE_ADMINISTRATORS},
    "edit_superuser": {"admin"},
    "set_township_user_password": {"township_admin", *SITE_ADMINISTRATORS},
    "make_township_user_superuser": {"admin"},
    # Nobody: a user's role groups are its own organisation's; a site administrator moves a user
    # with the new organisation's groups instead (test_one_organisation_per_user.py).
    "put_township_user_into_county_group": set(),
    "put_township_user_into_site_wide_group": SITE_ADMINISTRATORS,
    "deactivate_township_user_in_bulk": {"township_admin", *SITE_ADMINISTRATORS},
    "delete_township_user": {"admin"},
    "create_user": {"township_admin", "county_admin", *SITE_ADMINISTRATORS},
    "edit_group": SITE_ADMINISTRATORS,
    # site-wide objects
    "edit_workflow": SITE_ADMINISTRATORS,
    "edit_task": SITE_ADMINISTRATORS,
    "edit_organisation": SITE_ADMINISTRATORS,
    "edit_site_settings": SITE_ADMINISTRATORS,
    "add_search_promotion": SITE_ADMINISTRATORS,
    "add_synonym": SITE_ADMINISTRATORS,
    "add_domain": SITE_ADMINISTRATORS,
    "add_sensitive_word": SITE_ADMINISTRATORS,
}


class _FormFields(HTMLParser):
    """The fields of the POST forms of an admin page, as a browser would send them."""

    def __init__(self):
        super().__init__()
        self.data = {}
        self.in_post_form = False
        self.select = self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.in_post_form = (attrs.get("method") or "").lower() == "post"
        if not self.in_post_form or ("name" not in attrs and tag != "option"):
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self.data.setdefault(attrs["name"], []).append(attrs.get("value", "on"))
            elif kind not in {"submit", "button", "file"}:
                self.data[attrs["name"]] = [attrs.get("value", "")]
        elif tag == "select":
            self.select = attrs["name"]
            self.data.setdefault(self.select, [])
        elif tag == "option" and self.select and "selected" in attrs:
            self.data[self.select].append(attrs.get("value", ""))
        elif tag == "textarea":
            self.textarea = attrs["name"]
            self.data[self.textarea] = [""]

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea] = [self.data[self.textarea][0] + data]

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_post_form = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None


def form_as_superuser(office, url):
    """The fields of the form at `url` as the superuser sees it (what a browser would post)."""
    client = Client()
    client.force_login(office["users"]["admin"])
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    parser = _FormFields()
    parser.feed(response.content.decode())
    return parser.data


def post_form(client, office, url, **changes):
    data = form_as_superuser(office, url)
    data.pop("csrfmiddlewaretoken", None)
    # Empty-form templates of formsets are not fields a browser sends.
    data = {name: value for name, value in data.items() if "__prefix__" not in name}
    data.update(
        {name: value if isinstance(value, list) else [value] for name, value in changes.items()}
    )
    return client.post(url, data)


def fresh_user(office, key):
    return User.objects.get(pk=office["users"][key].pk)


def user_edit_url(office, key):
    return reverse("wagtailusers_users:edit", args=[office["users"][key].pk])


def edit_township_user(client, office, **changes):
    return post_form(client, office, user_edit_url(office, "reviewer"), **changes)


# --- attempts: each returns whether the action had its effect ------------------------------


def try_list_township_users(client, office):
    response = client.get(reverse("wagtailusers_users:index"))
    return (
        response.status_code == 200
        and office["users"]["reviewer"] in response.context["object_list"]
    )


def try_edit_township_user(client, office):
    edit_township_user(client, office, first_name="矩阵改名")
    return fresh_user(office, "reviewer").first_name == "矩阵改名"


def try_edit_county_user(client, office):
    post_form(client, office, user_edit_url(office, "county_reviewer"), first_name="矩阵改名")
    return fresh_user(office, "county_reviewer").first_name == "矩阵改名"


def try_edit_superuser(client, office):
    post_form(client, office, user_edit_url(office, "admin"), first_name="矩阵改名")
    return fresh_user(office, "admin").first_name == "矩阵改名"


def try_set_township_user_password(client, office):
    edit_township_user(client, office, password1="Quartz-harbour-91", password2="Quartz-harbour-91")
    return fresh_user(office, "reviewer").check_password("Quartz-harbour-91")


def try_make_township_user_superuser(client, office):
    edit_township_user(client, office, is_superuser="on")
    return fresh_user(office, "reviewer").is_superuser


def _add_group(client, office, group):
    user = office["users"]["reviewer"]
    groups = [str(pk) for pk in user.groups.values_list("pk", flat=True)]
    edit_township_user(client, office, groups=[*groups, str(group.pk)])
    return fresh_user(office, "reviewer").groups.filter(pk=group.pk).exists()


def try_put_township_user_into_county_group(client, office):
    return _add_group(client, office, office["county_groups"]["administrators"])


def try_put_township_user_into_site_wide_group(client, office):
    return _add_group(client, office, Group.objects.get(name="管理员"))


def try_deactivate_township_user_in_bulk(client, office):
    url = reverse("wagtail_bulk_action", args=["auth", "user", "set_active_state"])
    client.post(f"{url}?id={office['users']['reviewer'].pk}", {"mark_as_active": "False"})
    return not fresh_user(office, "reviewer").is_active


def try_delete_township_user(client, office):
    client.post(reverse("wagtailusers_users:delete", args=[office["users"]["reviewer"].pk]))
    return not User.objects.filter(pk=office["users"]["reviewer"].pk).exists()


def try_create_user(client, office):
    url = reverse("wagtailusers_users:add")
    post_form(
        client,
        office,
        url,
        username="juzhen-staff",
        email="matrix@example.invalid",
        first_name="矩",
        last_name="阵",
        password1="Quartz-harbour-91",
        password2="Quartz-harbour-91",
    )
    return User.objects.filter(username="juzhen-staff").exists()


def try_edit_group(client, office):
    group = office["township_groups"]["editors"]
    post_form(client, office, reverse("wagtailusers_groups:edit", args=[group.pk]), name="矩阵组")
    return Group.objects.filter(pk=group.pk, name="矩阵组").exists()


def try_edit_workflow(client, office):
    workflow = default_workflow()
    post_form(
        client, office, reverse("wagtailadmin_workflows:edit", args=[workflow.pk]), name="矩阵流程"
    )
    return Workflow.objects.filter(pk=workflow.pk, name="矩阵流程").exists()


def try_edit_task(client, office):
    """Hand the final step (终审) to the reviewers: a task's name is read-only, its role is not."""
    task = RoleApprovalTask.objects.get(name="终审")
    url = reverse("wagtailadmin_workflows:edit_task", args=[task.pk])
    post_form(client, office, url, role="reviewers")
    return RoleApprovalTask.objects.get(pk=task.pk).role == "reviewers"


def try_edit_organisation(client, office):
    township = office["township"]
    url = reverse("wagtailsnippets_catalogue_organisation:edit", args=[township.pk])
    post_form(client, office, url, name="矩阵镇", index_pattern="{code}-{year}-{serial:05d}")
    return Organisation.objects.filter(pk=township.pk, name="矩阵镇").exists()


def try_edit_site_settings(client, office):
    site = Site.objects.get(is_default_site=True)
    SiteFooterSettings.for_site(site)
    url = reverse("wagtailsettings:edit", args=["home", "sitefootersettings", site.pk])
    post_form(client, office, url, icp_number="诈ICP备00000000号")
    return SiteFooterSettings.for_site(site).icp_number == "诈ICP备00000000号"


def try_add_search_promotion(client, office):
    post_form(
        client,
        office,
        reverse("wagtailsearchpromotions:add"),
        query_string="矩阵推广",
        **{
            "editors_picks-TOTAL_FORMS": "1",
            "editors_picks-0-page": str(office["root"].pk),
            "editors_picks-0-ORDER": "1",
            "editors_picks-0-description": "矩阵",
        },
    )
    return Query.objects.filter(query_string="矩阵推广", editors_picks__isnull=False).exists()


def try_add_synonym(client, office):
    url = reverse("wagtailsnippets_search_synonym:add")
    post_form(client, office, url, words="矩阵 方阵")
    return Synonym.objects.filter(words__contains="矩阵").exists()


def try_add_domain(client, office):
    url = reverse("wagtailsnippets_catalogue_domain:add")
    post_form(client, office, url, name="矩阵领域", sort_order="99")
    return Domain.objects.filter(name="矩阵领域").exists()


def try_add_sensitive_word(client, office):
    url = reverse("wagtailsnippets_moderation_sensitiveword:add")
    post_form(client, office, url, pattern="矩阵敏感词", category="测试", level="warning")
    return SensitiveWord.objects.filter(pattern="矩阵敏感词").exists()


ATTEMPTS = {name: globals()[f"try_{name}"] for name in ALLOWED}


@override_settings(
    WAGTAILSEARCH_BACKENDS={
        "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}
    }
)
class ObjectMatrix(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.office = build_walled_office()

    def try_cell(self, role, action):
        self.client.force_login(self.office["users"][role])
        happened = ATTEMPTS[action](self.client, self.office)
        allowed = role in ALLOWED[action]
        self.assertEqual(
            happened, allowed, f"{role} {action}: expected {'allowed' if allowed else 'refused'}"
        )


def _cell_test(role, action):
    def test(self):
        self.try_cell(role, action)

    return test


for _role in ROLES:
    for _action in ALLOWED:
        setattr(ObjectMatrix, f"test_{_role}_{_action}", _cell_test(_role, _action))


def test_the_table_covers_every_role_and_action():
    cells = [name for name in dir(ObjectMatrix) if name.startswith("test_")]
    assert len(cells) == len(ROLES) * len(ALLOWED)
    assert all(roles <= set(ROLES) for roles in ALLOWED.values())
