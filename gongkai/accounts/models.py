"""Which groups are the site-wide ones, by key (gongkai.accounts.site_wide_groups)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SiteWideGroup(models.Model):
    """The site-wide group a key names: a role's code (gongkai.accounts.roles.Role) or a key an
    app registers (the register's 依申请办理). Code finds the group through this row, never by
    its name, which site administrators may change in the admin; the group cannot be deleted
    while the row names it."""

    key = models.CharField(_("键"), max_length=40, unique=True)
    group = models.OneToOneField(
        "auth.Group", on_delete=models.PROTECT, related_name="site_wide", verbose_name=_("用户组")
    )

    class Meta:
        verbose_name = _("站点级用户组")
        verbose_name_plural = _("站点级用户组")

    def __str__(self):
        return f"{self.key}: {self.group}"
