"""Who is a site administrator: one definition for the whole platform (account security,
the walls between organisations, attachments in use)."""

from django.db.models import Q

from .roles import Role


def site_administrators_group_name():
    """The site-wide 管理员 group; an organisation's own copy (`<组织>·管理员`) is not it."""
    return Role.ADMINISTRATORS.group_name


def site_administrators_q():
    """A filter on users for the site administrators, active or not: superusers and members of
    the site-wide 管理员 group (is_site_administrator asks it of one user, active ones only)."""
    return Q(is_superuser=True) | Q(groups__name=site_administrators_group_name())


def is_site_administrator(user):
    """An active superuser, or an active member of the site-wide 管理员 group."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_gongkai_site_administrator", None)
    if cached is None:
        cached = user.groups.filter(name=site_administrators_group_name()).exists()
        user._gongkai_site_administrator = cached
    return cached
