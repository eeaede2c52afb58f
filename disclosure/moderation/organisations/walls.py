"""The walls between organisations, defined once.

- A staff user belongs to at most one organisation, recorded in the catalogue's
  `StaffOrganisation` (read through
  `disclosure.catalogue.staff_roles.organisation_of`). A user *without an organisation* (无所属机构)
  sees no organisation's work unless a site administrator (`staff_roles.organisations_visible_to`),
  and only site administrators manage such a user.
- A *site administrator* is an active superuser or an active member of the site-wide 管理员
  group (`Role.ADMINISTRATORS` of gongkai.accounts.roles); `is_site_administrator(user)` says so.
  A site administrator stands outside the walls, whether or not recorded with an organisation
  (`staff_roles.sees_every_organisation(user)`, the one answer every reader here asks).
  Only site administrators change what exists once for the whole platform
  (gongkai.accounts.site_wide.SITE_WIDE_MODELS) and manage users without an organisation;
  only superusers manage superusers and the superuser flag.
- Anyone else manages only the users of its own organisation, and puts them only into its own
  organisation's role groups.

The user and group admin (user_admin.py) and the audit export read this module; nothing else
decides who may manage whom.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from disclosure.catalogue.models import StaffOrganisation
from disclosure.catalogue.roots import pages_below_q
from disclosure.catalogue.staff_roles import (
    has_organisation,
    organisation_group_ids,
    organisation_id_of_user,
    organisations_of_groups,
    organisations_visible_to,
    sees_every_organisation,
    staff_of,
)
from gongkai.accounts.administrators import site_administrators_q


def site_level_users():
    """Users only site administrators manage: superusers and site-wide administrators."""
    return get_user_model().objects.filter(site_administrators_q())


def manageable_users(actor):
    """The users `actor` may see and change in the user admin."""
    User = get_user_model()
    if sees_every_organisation(actor):
        # Superusers are managed by superusers only (the flag is theirs, user_admin.py).
        return User.objects.all() if actor.is_superuser else User.objects.filter(is_superuser=False)
    organisation_id = organisation_id_of_user(actor)
    if organisation_id is None or not actor.is_active:
        return User.objects.none()
    return staff_of(organisation_id).exclude(pk__in=site_level_users().values("pk"))


def can_manage_user(actor, target):
    return manageable_users(actor).filter(pk=target.pk).exists()


def assignable_groups(actor):
    """The groups `actor` may put users into: its own organisation's groups (its role groups
    and its register's 依申请办理 group); every group for whoever sees every organisation."""
    if sees_every_organisation(actor):
        return Group.objects.all()
    organisation_id = organisation_id_of_user(actor)
    if organisation_id is None:
        return Group.objects.none()
    return Group.objects.filter(pk__in=organisation_group_ids(organisation_id))


def record_organisation_from_groups(users):
    """Give each user that has no organisation yet the one whose groups (role groups, the
    register's 依申请办理 group) it belongs to, when that is exactly one. Superusers stay
    site-wide."""
    for user in users:
        if user.is_superuser or has_organisation(user):
            continue
        organisations = set(
            organisations_of_groups(user.groups.values_list("pk", flat=True)).values()
        )
        if len(organisations) == 1:
            StaffOrganisation.objects.create(user=user, organisation_id=organisations.pop())


def organisation_roots_of_user(user):
    """The disclosure roots (every language) of the organisation `user` works for: what the
    dashboard lists for it: every root for whoever sees every organisation (a site
    administrator, recorded with an organisation or not); none for anyone else without one."""
    from disclosure.catalogue.models import DisclosureIndexPage

    return DisclosureIndexPage.objects.filter(organisation__in=organisations_visible_to(user))


def within_organisation(user, prefix=""):
    """A Q over pages (or over `<prefix>path`) matching the pages of `user`'s organisation."""
    return pages_below_q(
        organisation_roots_of_user(user).values_list("path", flat=True), field=f"{prefix}path"
    )
