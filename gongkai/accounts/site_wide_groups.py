"""The site-wide groups, found by key: each role's (its code, gongkai.accounts.roles.Role) and
the ones apps register on SITE_WIDE_GROUPS_HOOK (the register's 依申请办理). A group's name is
what site administrators call it and may change in the admin; code never looks a site-wide
group up by name (accounts.SiteWideGroup records which group each key is)."""

from django.contrib.auth.models import Group
from django.db.models import Q

from .models import SiteWideGroup

# Apps above accounts register on this Wagtail hook a function returning the keys of the
# site-wide groups they created (their data migrations record them), so that `manage.py check`
# reports one that is missing.
SITE_WIDE_GROUPS_HOOK = "site_wide_groups"


def site_wide_group(key):
    """The site-wide group recorded under `key` (a Role or another app's key), or None."""
    return Group.objects.filter(site_wide__key=key).first()


def members_q(keys):
    """A filter (Q) on users for the members of the site-wide groups recorded under `keys`."""
    return Q(groups__site_wide__key__in=[str(key) for key in keys])


def is_site_wide(group):
    """Whether `group` is one of the site-wide groups (which the admin refuses to delete)."""
    return SiteWideGroup.objects.filter(group=group).exists()


def recorded_keys():
    return set(SiteWideGroup.objects.values_list("key", flat=True))
