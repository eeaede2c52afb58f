"""The roles of a disclosure office, defined once: each role's code, its label and the name of
its group. Every app reads them from here (accounts for two-factor sign-in and site
administrators, moderation for the review steps and the organisations' groups, applications,
the demo loader).

Code refers to a role by its code (`Role.REVIEWERS`, stored in `OrganisationRole.role` and
`RoleApprovalTask.role`); people see its label. Each role has a site-wide group named by its
label as written here (信息员, 初审, …), and each organisation a copy of it named
`<机构>·<label>` (disclosure.catalogue.organisation_groups.organisation_group_name, renamed with the
organisation). Group names are stored in the database: a renamed label needs a data migration
that renames the groups.

What each role may do is disclosure.moderation.organisations.role_permissions; the data
migrations that created the groups carry the names as they were then.
"""

from django.db import models
from django.db.models import Q
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

    members = Q(groups__name__in=[Role(role).group_name for role in roles])
    for members_of in hooks.get_hooks(ROLE_HOLDERS_HOOK):
        members |= members_of(roles)
    return members


# Not an office role (no review step, no OrganisationRole): the group that handles applications
# (依申请公开), site-wide and per organisation (`<机构>·依申请办理`, disclosure.applications.roles).
APPLICATION_HANDLERS_GROUP = "依申请办理"
