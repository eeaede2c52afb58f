"""Demo accounts join the township's own role groups (placeful: they act only in its subtree)."""

from gongkai.accounts.roles import Role

from .organisations.placement import ensure_organisation_roles


def join_organisation_roles(organisation, users):
    """Put each demo user into the organisation's copy of the site-wide roles they hold."""
    groups = ensure_organisation_roles(organisation)
    for user in users.values():
        for key in user.groups.values_list("site_wide__key", flat=True):
            if key in Role.values:
                user.groups.add(groups[Role(key)])


def join_organisation_administrators(organisation, user):
    """Make ``user`` the organisation's own 管理员 (`<机构>·管理员`): it manages the organisation's
    users and pages behind the walls, unlike a member of the site-wide 管理员 group, who is a
    site administrator."""
    user.groups.add(ensure_organisation_roles(organisation)[Role.ADMINISTRATORS])
