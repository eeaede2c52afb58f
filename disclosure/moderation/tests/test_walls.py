"""The walls between organisations in Wagtail's user and group admin, tried over HTTP as the
attacker of issue 14 did: an organisation's 管理员 opening another organisation's users and the
superuser, setting their passwords, raising flags and joining other organisations' groups.

The views are enumerated from the user viewset's own URL patterns and the bulk actions from
Wagtail's registry, so a view or action added by a Wagtail upgrade is tried too.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import TestCase, override_settings
from django.urls import reverse
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.models import PageLogEntry

from disclosure.catalogue.models import StaffOrganisation
from disclosure.catalogue.staff_roles import organisation_group_ids, organisation_of
from disclosure.moderation.organisations.walls import manageable_users
from disclosure.moderation.people.user_admin import UserViewSet
from gongkai.accounts.administrators import is_site_administrator
from gongkai.accounts.roles import Role
from gongkai.accounts.site_wide import site_wide_permissions_q
from tests.migrations import run_data_migration

from .offices import PASSWORD
from .walled_offices import build_walled_office, user_form_data

User = get_user_model()
NEW_PASSWORD = "taken-over-password-1"


def refused(response):
    """Wagtail's admin answers a PermissionDenied with a redirect to the dashboard."""
    if response.status_code == 302:
        return response["Location"] == reverse("wagtailadmin_home")
    return response.status_code in (403, 404)


def fresh(user):
    return User.objects.get(pk=user.pk)


@override_settings(
    WAGTAILSEARCH_BACKENDS={
        "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}
    }
)
class OrganisationAdministratorWalls(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.office = build_walled_office()
        cls.users = cls.office["users"]

    def login(self, key):
        self.client.force_login(self.users[key])

    # --- who belongs where ------------------------------------------------------------------

    def test_every_staff_user_records_its_organisation(self):
        assert organisation_of(self.users["leader"]) == self.office["township"]
        assert organisation_of(self.users["county_admin"]) == self.office["county"]
        assert organisation_of(self.users["admin"]) is None
        assert organisation_of(self.users["site_admin"]) is None

    def test_site_administrators_are_the_superuser_and_the_site_wide_group(self):
        assert is_site_administrator(self.users["admin"])
        assert is_site_administrator(self.users["site_admin"])
        assert not is_site_administrator(self.users["county_admin"])
        assert not is_site_administrator(self.users["township_admin"])

    def test_the_data_migration_derives_the_organisation_from_group_membership(self):
        # The table as it was before the migration (the model refuses to drop a record while
        # its user is in the organisation's role groups).
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {StaffOrganisation._meta.db_table}")
        # The models as that migration saw them (StaffOrganisation was moderation's then).
        run_data_migration("moderation", "0006_staff_organisation", "record_organisations")
        assert organisation_of(self.users["county_reviewer"]) == self.office["county"]
        assert organisation_of(self.users["editor"]) == self.office["township"]
        assert organisation_of(self.users["admin"]) is None

    def test_no_organisation_group_holds_a_permission_on_site_wide_objects(self):
        held = Permission.objects.filter(
            site_wide_permissions_q(), group__organisation_role__isnull=False
        )
        assert not held.exists(), list(held.values_list("codename", flat=True))
        site_wide = Group.objects.get(name=Role.ADMINISTRATORS.group_name)
        assert site_wide.permissions.filter(site_wide_permissions_q()).count() >= 20

    def test_an_organisations_administrator_cannot_change_the_holiday_calendar(self):
        """The working-day calendar counts every organisation's statutory clocks."""
        for office in ("township", "county"):
            group = self.office[f"{office}_groups"]["administrators"]
            held = group.permissions.filter(content_type__app_label="workdays")
            assert not held.exists(), list(held.values_list("codename", flat=True))
        site_wide = Group.objects.get(name=Role.ADMINISTRATORS.group_name)
        assert site_wide.permissions.filter(codename="change_calendarday").exists()

    def test_the_calendar_migration_withdraws_it_from_organisation_administrators(self):
        group = self.office["county_groups"]["administrators"]
        group.permissions.add(Permission.objects.get(codename="change_calendarday"))
        run_data_migration(
            "moderation",
            "0011_calendar_for_site_administrators_only",
            "withdraw_calendar_permissions",
        )
        assert not group.permissions.filter(codename="change_calendarday").exists()

    def test_the_data_migration_withdraws_site_wide_permissions_from_organisation_groups(self):
        group = self.office["county_groups"]["administrators"]
        group.permissions.add(Permission.objects.get(codename="change_workflow"))
        # The models as that migration saw them (OrganisationRole was moderation's then).
        run_data_migration(
            "moderation",
            "0007_site_wide_objects_for_site_administrators",
            "withdraw_site_wide_permissions",
        )
        assert not group.permissions.filter(codename="change_workflow").exists()
        site_wide = Group.objects.get(name=Role.ADMINISTRATORS.group_name)
        assert site_wide.permissions.filter(codename="change_workflow").exists()

    # --- item 2: account takeover -----------------------------------------------------------

    def test_an_organisation_admin_cannot_open_another_organisations_user_or_the_superuser(self):
        self.login("county_admin")
        for target in ("leader", "admin", "site_admin"):
            url = reverse("wagtailusers_users:edit", args=[self.users[target].pk])
            assert refused(self.client.get(url)), target

    def test_an_organisation_admin_cannot_set_another_organisations_password(self):
        self.login("county_admin")
        for target in ("leader", "admin"):
            user = self.users[target]
            self.client.post(
                reverse("wagtailusers_users:edit", args=[user.pk]),
                user_form_data(user, password1=NEW_PASSWORD, password2=NEW_PASSWORD),
            )
            assert fresh(user).check_password(PASSWORD), target
            assert not self.client.login(username=user.username, password=NEW_PASSWORD)

    def test_an_organisation_admin_manages_its_own_users(self):
        self.login("county_admin")
        user = self.users["county_reviewer"]
        response = self.client.post(
            reverse("wagtailusers_users:edit", args=[user.pk]),
            user_form_data(
                user, first_name="新名字", password1=NEW_PASSWORD, password2=NEW_PASSWORD
            ),
        )
        assert response.status_code == 302
        assert fresh(user).first_name == "新名字"
        assert fresh(user).check_password(NEW_PASSWORD)

    def test_the_listing_shows_only_the_organisations_own_users(self):
        self.login("county_admin")
        response = self.client.get(reverse("wagtailusers_users:index"))
        listed = set(response.context["object_list"].values_list("username", flat=True))
        assert {"county-reviewer", "county-leader", "county-editor"} <= listed
        assert not listed & {"leader", "editor", "admin", "site-admin", "township-admin"}

    def test_no_flag_can_be_raised_by_an_organisation_admin(self):
        self.login("county_admin")
        user = self.users["county_reviewer"]
        self.client.post(
            reverse("wagtailusers_users:edit", args=[user.pk]),
            user_form_data(user, is_superuser="on", is_staff="on"),
        )
        assert not fresh(user).is_superuser and not fresh(user).is_staff

    def test_nobody_joins_another_organisations_or_a_site_wide_group(self):
        self.login("county_admin")
        foreign = [
            self.office["township_groups"]["administrators"],
            Group.objects.get(name=Role.ADMINISTRATORS.group_name),
        ]
        for key in ("county_reviewer", "county_admin"):  # itself included
            user = self.users[key]
            before = set(user.groups.values_list("pk", flat=True))
            data = user_form_data(user)
            data["groups"] += [str(group.pk) for group in foreign]
            self.client.post(reverse("wagtailusers_users:edit", args=[user.pk]), data)
            assert set(fresh(user).groups.values_list("pk", flat=True)) == before, key

    def test_memberships_outside_the_walls_are_kept_when_an_organisation_admin_saves(self):
        user = self.users["county_reviewer"]
        site_wide_reviewers = Group.objects.get(name=Role.REVIEWERS.group_name)
        user.groups.add(site_wide_reviewers)
        self.login("county_admin")
        data = user_form_data(user)
        data["groups"] = [str(self.office["county_groups"]["leaders"].pk)]
        self.client.post(reverse("wagtailusers_users:edit", args=[user.pk]), data)
        groups = set(fresh(user).groups.all())
        assert groups == {site_wide_reviewers, self.office["county_groups"]["leaders"]}

    def test_a_user_created_by_an_organisation_admin_belongs_to_its_organisation(self):
        self.login("county_admin")
        data = {
            "username": "new-county-editor",
            "email": "new@example.invalid",
            "first_name": "新",
            "last_name": "人",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "is_superuser": "on",
            "groups": [
                str(self.office["county_groups"]["editors"].pk),
                str(self.office["township_groups"]["administrators"].pk),
            ],
        }
        self.client.post(reverse("wagtailusers_users:add"), data)
        assert not User.objects.filter(username="new-county-editor").exists()
        data["groups"] = data["groups"][:1]
        assert self.client.post(reverse("wagtailusers_users:add"), data).status_code == 302
        created = User.objects.get(username="new-county-editor")
        assert not created.is_superuser
        assert organisation_of(created) == self.office["county"]

    def test_a_site_administrator_sets_a_users_organisation(self):
        self.login("site_admin")
        user = self.users["county_reviewer"]
        response = self.client.get(reverse("wagtailusers_users:edit", args=[user.pk]))
        assert "organisation" in response.context["form"].fields
        # Moved with the new organisation's role groups (test_one_organisation_per_user.py)…
        self.client.post(
            reverse("wagtailusers_users:edit", args=[user.pk]),
            user_form_data(
                user,
                organisation=str(self.office["township"].pk),
                groups=[str(self.office["township_groups"]["reviewers"].pk)],
            ),
        )
        assert organisation_of(user) == self.office["township"]
        # …left blank, it follows the organisation role groups the user is in…
        self.client.post(
            reverse("wagtailusers_users:edit", args=[user.pk]),
            user_form_data(
                user, organisation="", groups=[str(self.office["county_groups"]["reviewers"].pk)]
            ),
        )
        assert organisation_of(user) == self.office["county"]
        # …and a user in no organisation's groups is site-wide.
        self.client.post(
            reverse("wagtailusers_users:edit", args=[user.pk]),
            user_form_data(user, organisation="", groups=[]),
        )
        assert organisation_of(user) is None

    def test_every_user_view_refuses_a_user_outside_the_walls(self):
        """Enumerated from the viewset's URL patterns: every view taking a user answers 403 or
        404 to GET and POST, and the user is left as it was."""
        viewset = UserViewSet("wagtailusers_users", url_prefix="users")
        with_pk = [p for p in viewset.get_urlpatterns() if "<int:pk>" in str(p.pattern)]
        assert {p.name for p in with_pk} >= {"edit", "delete", "history", "usage"}
        self.login("county_admin")
        for target in ("leader", "admin"):
            user = self.users[target]
            for pattern in with_pk:
                url = reverse(f"wagtailusers_users:{pattern.name}", args=[user.pk])
                for method in (self.client.get, self.client.post):
                    response = method(url)
                    assert refused(response), f"{method.__name__} {pattern.name}: {response}"
            assert User.objects.filter(pk=user.pk, is_active=True).exists()

    def test_every_user_bulk_action_leaves_users_outside_the_walls_alone(self):
        """Enumerated from Wagtail's bulk-action registry for the user model."""
        actions = {
            a.action_type for a in bulk_action_registry.get_bulk_actions_for_model("auth", "user")
        }
        assert actions >= {"assign_role", "delete", "set_active_state"}
        leader, superuser = self.users["leader"], self.users["admin"]
        foreign_group = self.office["township_groups"]["administrators"]
        data = {
            "assign_role": {"role": str(foreign_group.pk)},
            "delete": {},
            "set_active_state": {"mark_as_active": "False"},
        }
        self.login("county_admin")
        for action in actions:
            url = (
                reverse("wagtail_bulk_action", args=["auth", "user", action])
                + f"?id={leader.pk}&id={superuser.pk}&id={self.users['county_reviewer'].pk}"
            )
            self.client.post(url, data.get(action, {}))
        for user in (leader, superuser):
            assert User.objects.filter(pk=user.pk, is_active=True).exists()
        assert not foreign_group.user_set.exclude(pk=self.users["township_admin"].pk).exists()

    def test_no_user_bulk_action_names_users_outside_the_walls(self):
        """Enumerated from Wagtail's bulk-action registry: the confirmation says how many of
        the chosen users were left out, never who they are."""
        actions = {
            a.action_type for a in bulk_action_registry.get_bulk_actions_for_model("auth", "user")
        }
        outsiders = [self.users["admin"], self.users["county_reviewer"]]
        for user in outsiders:
            user.first_name, user.last_name = "不应", f"列出者{user.pk}号"
            user.save()
        own = self.users["leader"]
        self.login("township_admin")
        for action in actions:
            url = (
                reverse("wagtail_bulk_action", args=["auth", "user", action])
                + "?"
                + "&".join(f"id={user.pk}" for user in [own, *outsiders])
            )
            page = self.client.get(url, follow=True).content.decode()
            for user in outsiders:
                assert f"列出者{user.pk}号" not in page, action
            assert "另有 2 个用户不在您的管理范围内，未列出。" in page, action

    def test_group_administration_is_for_site_administrators(self):
        group = self.office["county_groups"]["administrators"]
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="auth", codename__endswith="_group")
        )
        self.login("county_admin")
        assert refused(self.client.get(reverse("wagtailusers_groups:edit", args=[group.pk])))
        listed = self.client.get(reverse("wagtailusers_groups:index")).context["object_list"]
        # Its own organisation's groups: the role groups and the register's 依申请办理 group.
        assert {group.pk for group in listed} <= organisation_group_ids(self.office["county"].pk)
        self.login("site_admin")
        assert (
            self.client.get(reverse("wagtailusers_groups:edit", args=[group.pk])).status_code == 200
        )

    # --- item 15: the audit export ----------------------------------------------------------

    def test_the_audit_export_offers_an_organisation_admin_only_its_own_users(self):
        self.login("county_admin")
        response = self.client.get(reverse("moderation:audit_export"))
        offered = set(
            response.context["form"].fields["user"].queryset.values_list("username", flat=True)
        )
        assert "county-reviewer" in offered
        assert not offered & {"leader", "editor", "admin", "site-admin"}
        township_leader = self.users["leader"]
        response = self.client.get(
            reverse("moderation:audit_export"), {"user": township_leader.pk, "format": "csv"}
        )
        assert response.status_code == 200 and "csv" not in response.get("Content-Type", "")
        refusal = response.content.decode()
        assert "只能选择本机构的用户作为操作人" in refusal and "选择一个有效的选项" not in refusal

    def test_the_audit_export_carries_only_the_organisations_own_entries(self):
        PageLogEntry.objects.log_action(
            self.office["root"], "wagtail.edit", user=self.users["editor"]
        )
        PageLogEntry.objects.log_action(
            self.office["county_root"], "wagtail.edit", user=self.users["outsider"]
        )
        self.login("county_admin")
        response = self.client.get(reverse("moderation:audit_export"), {"format": "csv"})
        text = response.content.decode()
        assert "县政府办政府信息公开" in text and "友谊镇政府信息公开" not in text

    def test_manageable_users_never_include_site_level_users(self):
        for key in ("county_admin", "township_admin"):
            users = manageable_users(self.users[key])
            assert not users.filter(is_superuser=True).exists()
            assert not users.filter(pk=self.users["site_admin"].pk).exists()
