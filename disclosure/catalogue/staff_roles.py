"""An organisation's staff, read in one place: the organisation a staff user works for
(`StaffOrganisation`), who holds which role in it (`OrganisationRole`), and which groups belong
to one organisation (its role groups and the groups other apps give it, ORGANISATION_GROUPS_HOOK).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Q
from wagtail import hooks

from gongkai.accounts.administrators import is_site_administrator

from .models import Organisation, OrganisationRole, StaffOrganisation


def organisation_id_of_user(user):
    """The pk of the organisation `user` belongs to, or None for a user without one
    (who sees no organisation's work unless a site administrator: organisations_visible_to)."""
    return organisation_id_of_user_id(None if user is None else user.pk)


def organisation_id_of_user_id(user_id):
    """As organisation_id_of_user, by the user's id (the membership checks of a user–group
    change hold only ids)."""
    if user_id is None:
        return None
    return (
        StaffOrganisation.objects.filter(user_id=user_id)
        .values_list("organisation_id", flat=True)
        .first()
    )


def has_organisation(user):
    """Whether `user` is recorded as working for an organisation (not site-wide)."""
    return organisation_id_of_user(user) is not None


def staff_of(organisation_id):
    """The users recorded as working for `organisation_id` (StaffOrganisation), active or not."""
    return get_user_model().objects.filter(staff_organisation__organisation_id=organisation_id)


def sees_every_organisation(user):
    """Whether `user` stands outside the walls between organisations: sees and manages every
    organisation's pages, files, staff, audit log, reports and inspection results. A site
    administrator (gongkai.accounts.administrators) does, whether or not recorded with an
    organisation: a county office's administrator who also runs the platform is not narrowed
    to the county office by that record. Every reader that scopes by organisation asks this
    (moderation's walls, the user admin, the audit export, organisations_visible_to, the
    inspection); gongkai/tests/test_organisation_scope.py fails on another answer written in
    place."""
    return is_site_administrator(user)


def organisations_visible_to(user):
    """The organisations whose work `user` sees in the admin (dashboards, inspection reports,
    the county overview of annual reports): every one when it sees every organisation; else
    its own; none for anyone else (a user recorded with no organisation is not thereby
    site-wide)."""
    if sees_every_organisation(user):
        return Organisation.objects.all()
    organisation_id = organisation_id_of_user(user)
    if organisation_id is None:
        return Organisation.objects.none()
    return Organisation.objects.filter(pk=organisation_id)


def organisation_of(user):
    organisation_id = organisation_id_of_user(user)
    return None if organisation_id is None else Organisation.objects.get(pk=organisation_id)


# Who holds which role, asked in one place. Each answer reads the organisations' own role groups
# (`某镇·初审`…: OrganisationRole) and never the site-wide groups of gongkai.accounts.roles
# (`初审`…): those hold model permissions for the whole platform, not a review step in one
# organisation's subtree. A superuser holds no role here either: callers that let site
# administrators through say so themselves (gongkai.accounts.administrators).


def role_members_q(roles, organisation_id=None):
    """A filter on users for the members of the role groups holding any of `roles`: those of
    `organisation_id`, or of every organisation when None. Registered on accounts'
    ROLE_HOLDERS_HOOK, so that the two-factor rule counts them (alongside the site-wide groups
    accounts reads itself) without reading the catalogue's relations."""
    q = Q(groups__organisation_role__role__in=list(roles))
    if organisation_id is not None:
        q &= Q(groups__organisation_role__organisation_id=organisation_id)
    return q


def role_members(organisation_id, roles):
    """The active users holding any of `roles` in `organisation_id`'s role groups: who is told
    of, and may take, that organisation's review steps."""
    return (
        get_user_model()
        .objects.filter(role_members_q(roles, organisation_id), is_active=True)
        .distinct()
    )


def holds_role(user, organisation_id, role):
    """Whether `user` may act in `role` for `organisation_id`: an active, signed-in member of
    that organisation's group for it. Anonymous and deactivated users hold nothing."""
    if organisation_id is None or not user.is_authenticated or not user.is_active:
        return False
    return OrganisationRole.objects.filter(
        organisation_id=organisation_id, role=role, group__user=user
    ).exists()


def _role_groups_of(user):
    return _role_groups_of_user_id(None if user is None else user.pk)


def _role_groups_of_user_id(user_id):
    if user_id is None:
        return OrganisationRole.objects.none()
    return OrganisationRole.objects.filter(group__user=user_id)


def roles_held(user, organisation_id=None):
    """The roles (gongkai.accounts.roles.Role codes) whose organisation groups `user` belongs
    to, in `organisation_id` or anywhere. What the groups record, active or not: whether the
    user may act on them is the caller's question (holds_role answers it for one role)."""
    groups = _role_groups_of(user)
    if organisation_id is not None:
        groups = groups.filter(organisation_id=organisation_id)
    return set(groups.values_list("role", flat=True))


def organisation_ids_where(user, role=None):
    """The ids of the organisations in whose `role` group (any role group when None) `user`
    is, active or not (as roles_held)."""
    groups = _role_groups_of(user)
    if role is not None:
        groups = groups.filter(role=role)
    return set(groups.values_list("organisation_id", flat=True))


# Groups that belong to one organisation besides its role groups (the register's 依申请办理
# group): an app registers a function returning a queryset of its (group_id, organisation_id)
# pairs, so that "one organisation per user" (disclosure.moderation.organisations.membership)
# counts them without the catalogue reading the app.
ORGANISATION_GROUPS_HOOK = "organisation_groups"


def _organisation_group_links():
    yield OrganisationRole.objects.values_list("group_id", "organisation_id")
    for links in hooks.get_hooks(ORGANISATION_GROUPS_HOOK):
        yield links()


def organisations_of_groups(group_ids):
    """{group id: organisation id} of the groups among `group_ids` that belong to one
    organisation."""
    group_ids = list(group_ids)
    found = {}
    for links in _organisation_group_links():
        found.update(links.filter(group_id__in=group_ids))
    return found


def organisation_group_ids_of_user_id(user_id):
    """The ids of the groups belonging to one organisation that the user with `user_id` is in,
    active or not."""
    found = set()
    for links in _organisation_group_links():
        found |= {group_id for group_id, _ in links.filter(group__user=user_id)}
    return found


def organisation_group_ids(organisation_id):
    """The ids of the groups belonging to `organisation_id`."""
    found = set()
    for links in _organisation_group_links():
        found |= {group_id for group_id, _ in links.filter(organisation_id=organisation_id)}
    return found


def role_groups(organisation_id):
    """The groups holding a role for `organisation_id` (Group queryset)."""
    return Group.objects.filter(organisation_role__organisation_id=organisation_id)


def role_group(organisation_id, role):
    """The group holding `role` for `organisation_id`, or None before placement creates it."""
    link = (
        OrganisationRole.objects.filter(organisation_id=organisation_id, role=role)
        .select_related("group")
        .first()
    )
    return None if link is None else link.group
