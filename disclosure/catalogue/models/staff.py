"""Which organisation each staff user works for: a fact of the catalogue, read by the walls
between organisations (disclosure.moderation.walls), the dashboards and the reports' overview."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StaffOrganisation(models.Model):
    """The organisation a staff user belongs to. A user without one is site-wide: only site
    administrators manage it (disclosure.moderation.walls)."""

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
        # Moved here from moderation (catalogue 0009, moderation 0009) with its rows.
        db_table = "moderation_stafforganisation"

    def __str__(self):
        return f"{self.user} · {self.organisation}"
