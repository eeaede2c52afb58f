"""The roles of a disclosure office, defined once: each role's code, its label and the name of
its group. Every app reads them from here (accounts for two-factor sign-in and site
administrators, moderation for the review steps and the organisations' groups, applications,
the demo loader).

Code refers to a role by its code (`Role.REVIEWERS`, stored in `OrganisationRole.role`,
`RoleApprovalTask.role` and `SiteWideGroup.key`); people see its label. Each role has a
site-wide group, created with its label as name (信息员, 初审, …) and found by its code
(gongkai.accounts.site_wide_groups) whatever site administrators rename it to, and each
organisation a copy of it named `<机构>·<label>` (disclosure.catalogue.organisation_groups.
organisation_group_name, renamed with the organisation).

What each role may do is disclosure.moderation.organisations.role_permissions; the data
migrations that created the groups carry the names as they were then.
"""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    EDITORS = "editors", _("信息员")
    REVIEWERS = "reviewers", _("初审")
    SECRECY = "secrecy", _("保密审查")
    LEADERS = "leaders", _("分管领导")
    ADMINISTRATORS = "administrators", _("管理员")

    @property
    def group_name(self):
        """The site-wide group's name: the label untranslated, whatever language is active
        (a group is one row, whichever language its members read)."""
        with translation.override(None):
            return str(self.label)


# The apps that give a role to groups of their own (the catalogue's organisation groups,
# `某镇·初审`) sit above accounts: each registers on this Wagtail hook a function taking role
# codes and returning a filter (Q) on users for the members of its groups holding them.
ROLE_HOLDERS_HOOK = "role_holders"


def role_holders_q(roles):
    """A filter (Q) on users for everyone in a group holding any of `roles`, inactive users
    included: the site-wide groups, and what each app registered on ROLE_HOLDERS_HOOK adds
    (every organisation's groups). Not `staff_roles.role_members`: the active users of one
    organisation."""
    from wagtail import hooks

    from .site_wide_groups import members_q

    members = members_q(roles)
    for members_of in hooks.get_hooks(ROLE_HOLDERS_HOOK):
        members |= members_of(roles)
    return members
