"""An organisation's staff: which organisation each staff user works for, and the group that
holds each role for an organisation. Facts of the catalogue, read by the walls between
organisations and the review workflow (disclosure.moderation), the register's scoping
(disclosure.applications.roles), the dashboards and the reports' overview."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.accounts.roles import Role


class StaffOrganisation(models.Model):
    """The organisation a staff user belongs to. A user without one is site-wide: only site
    administrators manage it (disclosure.moderation.organisations.walls)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("用户"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="staff_organisation",
    )
    # Deleting an organisation leaves its staff site-wide (managed by site administrators only),
    # never in another organisation's hands.
    organisation = models.ForeignKey(
        "catalogue.Organisation",
        verbose_name=_("所属公开主体"),
        on_delete=models.CASCADE,
        related_name="staff",
    )

    class Meta:
        verbose_name = _("工作人员所属机构")
        verbose_name_plural = _("工作人员所属机构")
        # Moved here from moderation (catalogue 0010, moderation 0009) with its rows.
        db_table = "moderation_stafforganisation"

    def __str__(self):
        return f"{self.user} · {self.organisation}"


class OrganisationRole(models.Model):
    """The group that holds one role for one organisation; its page permissions sit on the
    organisation's disclosure roots, so its members act only inside that subtree
    (disclosure.moderation.organisations.placement creates them)."""

    organisation = models.ForeignKey(
        "catalogue.Organisation",
        verbose_name=_("公开主体"),
        on_delete=models.CASCADE,
        related_name="role_groups",
    )
    role = models.CharField(_("角色"), max_length=20, choices=Role)
    group = models.OneToOneField(
        Group, verbose_name=_("用户组"), on_delete=models.CASCADE, related_name="organisation_role"
    )

    class Meta:
        verbose_name = _("机构角色组")
        verbose_name_plural = _("机构角色组")
        # Moved here from moderation (catalogue 0011, moderation 0010) with its rows.
        db_table = "moderation_organisationrole"
        constraints = [
            models.UniqueConstraint(fields=["organisation", "role"], name="one_group_per_role")
        ]

    def __str__(self):
        return self.group.name
