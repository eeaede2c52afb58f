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
