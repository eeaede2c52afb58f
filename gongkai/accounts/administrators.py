"""Who is a site administrator: one definition for the whole platform (account security,
the walls between organisations, attachments in use)."""

from django.db.models import Q

from .roles import Role
from .site_wide_groups import members_q, site_wide_group


def site_administrators_q():
    """A filter on users for the site administrators, active or not: superusers and members of
    the site-wide 管理员 group, found by key whatever it is called (an organisation's own copy,
    `<组织>·管理员`, is not it; is_site_administrator asks it of one user, active ones only)."""
    return Q(is_superuser=True) | members_q([Role.ADMINISTRATORS])


def is_site_administrator(user):
    """An active superuser, or an active member of the site-wide 管理员 group."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_gongkai_site_administrator", None)
    if cached is None:
        cached = user.groups.filter(site_wide__key=Role.ADMINISTRATORS).exists()
        user._gongkai_site_administrator = cached
    return cached


def site_administrators_group():
    """The site-wide 管理员 group, by key (None before the migrations recorded it)."""
    return site_wide_group(Role.ADMINISTRATORS)
