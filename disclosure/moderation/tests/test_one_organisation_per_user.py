"""A staff user's organisation and its role groups name the same organisation, whichever path
changes either: the user–group relation from both sides, `StaffOrganisation` saved or deleted,
the site administrator's user form, the bulk "assign role" (organisations/membership.py).

Before, a site administrator could record a county reviewer as the township's while the user
stayed in the county's role groups: the walls showed it the township's pages and users, the
county's page permissions and review steps stayed its own."""

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import TestCase, override_settings
from django.urls import reverse

from disclosure.applications.roles import ensure_organisation_handlers
from disclosure.catalogue.models import StaffOrganisation
from disclosure.catalogue.staff_roles import organisation_of
from disclosure.moderation.organisations.membership import OrganisationConflict

from .offices import make_user
from .walled_offices import build_walled_office, user_form_data

User = get_user_model()


@override_settings(
    WAGTAILSEARCH_BACKENDS={
        "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}
    }
)
class OneOrganisationPerUser(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.office = build_walled_office()
        cls.users = cls.office["users"]
        cls.county_reviewer = cls.users["county_reviewer"]
        cls.township_reviewers = cls.office["township_groups"]["reviewers"]
        cls.county_reviewers = cls.office["county_groups"]["reviewers"]

    def groups_of(self, user):
        return set(User.objects.get(pk=user.pk).groups.all())

    # --- the relation itself, from both sides ---------------------------------------------

    def test_a_user_cannot_join_another_organisations_role_group(self):
        for join in (
            lambda: self.county_reviewer.groups.add(self.township_reviewers),
            lambda: self.township_reviewers.user_set.add(self.county_reviewer),
            lambda: self.county_reviewer.groups.set([self.township_reviewers]),
        ):
            with (
                pytest.raises(OrganisationConflict, match="属于其他公开主体"),
                transaction.atomic(),
            ):
                join()
        assert self.groups_of(self.county_reviewer) == {self.county_reviewers}

    def test_a_user_without_an_organisation_joins_one_organisations_groups_only(self):
        newcomer = make_user("newcomer")
        with pytest.raises(OrganisationConflict, match="分属多个公开主体"), transaction.atomic():
            newcomer.groups.add(self.township_reviewers, self.county_reviewers)
        newcomer.groups.add(self.county_reviewers)
        assert organisation_of(newcomer) == self.office["county"]
        with pytest.raises(OrganisationConflict), transaction.atomic():
            newcomer.groups.add(self.township_reviewers)

    def test_the_registers_handler_group_belongs_to_its_organisation_too(self):
        """The 依申请办理 group decides whose register (applicants' personal data) a user
        reads: a user of another organisation is refused it, like a role group."""
        handlers = ensure_organisation_handlers(self.office["township"])
        for join in (
            lambda: self.county_reviewer.groups.add(handlers),
            lambda: handlers.user_set.add(self.county_reviewer),
        ):
            with (
                pytest.raises(OrganisationConflict, match="属于其他公开主体"),
                transaction.atomic(),
            ):
                join()
        assert handlers not in self.groups_of(self.county_reviewer)
        # A handler of no organisation yet takes the group's.
        handler = make_user("handler-only")
        handler.groups.add(handlers)
        assert organisation_of(handler) == self.office["township"]
        # Moving a user takes it out of its old organisation's handler group.
        with pytest.raises(OrganisationConflict), transaction.atomic():
            StaffOrganisation.objects.filter(user=handler).update_or_create(
                user=handler, defaults={"organisation": self.office["county"]}
            )

    def test_an_organisations_administrator_appoints_its_registers_handlers(self):
        handlers = ensure_organisation_handlers(self.office["township"])
        county_handlers = ensure_organisation_handlers(self.office["county"])
        self.client.force_login(self.users["township_admin"])
        editor = self.users["editor"]
        response = self.client.get(reverse("wagtailusers_users:edit", args=[editor.pk]))
        offered = set(response.context["form"].fields["groups"].queryset)
        assert handlers in offered and county_handlers not in offered
        groups = [str(pk) for pk in editor.groups.values_list("pk", flat=True)]
        response = self.client.post(
            reverse("wagtailusers_users:edit", args=[editor.pk]),
            user_form_data(editor, groups=[*groups, str(handlers.pk)]),
        )
        assert response.status_code == 302
        assert handlers in self.groups_of(editor)

    def test_site_wide_groups_are_open_to_anyone(self):
        site_group = self.users["site_admin"].groups.get()
        self.county_reviewer.groups.add(site_group)
        assert site_group in self.groups_of(self.county_reviewer)

    # --- the organisation record ----------------------------------------------------------

    def test_the_organisation_cannot_change_under_the_role_groups(self):
        record = StaffOrganisation.objects.get(user=self.county_reviewer)
        record.organisation = self.office["township"]
        with pytest.raises(OrganisationConflict), transaction.atomic():
            record.save()
        with pytest.raises(OrganisationConflict), transaction.atomic():
            StaffOrganisation.objects.update_or_create(
                user=self.county_reviewer, defaults={"organisation": self.office["township"]}
            )
        assert organisation_of(self.county_reviewer) == self.office["county"]

    def test_the_organisation_cannot_be_dropped_while_in_its_role_groups(self):
        for drop in (
            lambda: StaffOrganisation.objects.get(user=self.county_reviewer).delete(),
            lambda: StaffOrganisation.objects.filter(user=self.county_reviewer).delete(),
        ):
            with (
                pytest.raises(OrganisationConflict, match="仍在所属公开主体的角色组中"),
                transaction.atomic(),
            ):
                drop()
        assert organisation_of(self.county_reviewer) == self.office["county"]
        # Leaving the groups first, or deleting the user, is fine.
        self.county_reviewer.groups.clear()
        StaffOrganisation.objects.filter(user=self.county_reviewer).delete()
        assert organisation_of(self.county_reviewer) is None
        self.users["county_leader"].delete()

    # --- the site administrator's user form -------------------------------------------------

    def edit(self, user, **data):
        self.client.force_login(self.users["site_admin"])
        return self.client.post(
            reverse("wagtailusers_users:edit", args=[user.pk]), user_form_data(user, **data)
        )

    def test_moving_a_user_keeping_the_old_role_groups_is_refused_with_a_message(self):
        response = self.edit(self.county_reviewer, organisation=str(self.office["township"].pk))
        assert response.status_code == 200
        error = " ".join(response.context["form"].errors["groups"])
        assert "属于其他公开主体" in error and self.office["township"].name in error
        assert organisation_of(self.county_reviewer) == self.office["county"]
        assert self.groups_of(self.county_reviewer) == {self.county_reviewers}

    def test_moving_a_user_with_the_new_role_groups(self):
        response = self.edit(
            self.county_reviewer,
            organisation=str(self.office["township"].pk),
            groups=[str(self.township_reviewers.pk)],
        )
        assert response.status_code == 302
        assert organisation_of(self.county_reviewer) == self.office["township"]
        assert self.groups_of(self.county_reviewer) == {self.township_reviewers}

    def test_role_groups_of_two_organisations_are_refused_when_the_organisation_is_left_blank(
        self,
    ):
        response = self.edit(
            self.county_reviewer,
            organisation="",
            groups=[str(self.township_reviewers.pk), str(self.county_reviewers.pk)],
        )
        assert "分属多个公开主体" in " ".join(response.context["form"].errors["groups"])
        assert self.groups_of(self.county_reviewer) == {self.county_reviewers}

    # --- the bulk "assign role" -----------------------------------------------------------------

    def test_the_assign_role_form_speaks_chinese(self):
        """Wagtail's field has no label ("Role") and Django's generic refusal of a choice."""
        self.client.force_login(self.users["township_admin"])
        url = reverse("wagtail_bulk_action", args=["auth", "user", "assign_role"])
        url = f"{url}?id={self.users['editor'].pk}"
        form_page = self.client.get(url).content.decode()
        assert "角色组" in form_page and ">Role" not in form_page
        response = self.client.post(url, {"role": str(self.county_reviewers.pk)})
        refusal = response.content.decode()
        assert "只能选择本机构的角色组" in refusal and "选择一个有效的选项" not in refusal
        assert not self.county_reviewers.user_set.filter(pk=self.users["editor"].pk).exists()

    def test_assigning_a_role_group_to_another_organisations_users_is_refused(self):
        self.client.force_login(self.users["site_admin"])
        newcomer = make_user("newcomer")
        url = reverse("wagtail_bulk_action", args=["auth", "user", "assign_role"])
        response = self.client.post(
            f"{url}?id={self.county_reviewer.pk}&id={newcomer.pk}",
            {"role": str(self.township_reviewers.pk)},
        )
        assert response.status_code == 200
        assert self.county_reviewer.username in response.content.decode()
        assert "不能加入这个角色组" in response.content.decode()
        assert not self.township_reviewers.user_set.filter(
            pk__in=[self.county_reviewer.pk, newcomer.pk]
        ).exists()
        # Users of no organisation yet join, and take the group's organisation.
        response = self.client.post(
            f"{url}?id={newcomer.pk}", {"role": str(self.township_reviewers.pk)}
        )
        assert response.status_code == 302
        assert organisation_of(newcomer) == self.office["township"]
