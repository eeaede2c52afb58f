"""Who may see and handle applications.

The site-wide group 依申请办理 (and 管理员) hold the model permissions; an organisation's register
is visible only to the members of its own copy of the group, `<机构>·依申请办理`, created with the
organisation, and of its administrators' group `<机构>·管理员` (see disclosure.moderation).

The site-wide groups hold what the tables below say: the data migrations that created them carry
the tables as they were then, and disclosure.moderation's tests/test_roles.py checks that a
migrated database holds what this module says.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from disclosure.catalogue.organisation_groups import new_organisation_group, organisation_group_name
from disclosure.catalogue.staff_roles import organisation_ids_where, role_group
from gongkai.accounts.roles import Role
from gongkai.accounts.site_wide_groups import members_q
from gongkai.permissions import get_permissions

from .models import OrganisationHandlers

# Not an office role (no review step, no OrganisationRole): the group that handles applications
# (依申请公开). Its site-wide group is found by key (SITE_WIDE_KEY, whatever site administrators
# rename it to); the name is what each organisation's own copy is called after,
# `<机构>·依申请办理`.
APPLICATION_HANDLERS_GROUP = "依申请办理"
SITE_WIDE_KEY = "application_handlers"

# What the site-wide 依申请办理 group and each organisation's copy hold; the site-wide 管理员
# holds these too, and the working-day calendar as a site-wide model
# (gongkai.accounts.site_wide).
HANDLER_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("applications", "application", "add_application"),
    ("applications", "application", "change_application"),
    ("applications", "application", "view_application"),
    ("applications", "reviewcase", "add_reviewcase"),
    ("applications", "reviewcase", "change_reviewcase"),
    ("applications", "reviewcase", "view_reviewcase"),
]


# The handlers' name in GONGKAI_TWO_FACTOR_ROLES (gongkai.accounts.two_factor).
TWO_FACTOR_NAME = "application_handlers"


def handlers_q():
    """A filter on users for the members of the site-wide 依申请办理 group and of every
    organisation's own, inactive users included (for the two-factor rule, as
    gongkai.accounts.roles.role_holders_q)."""
    return members_q([SITE_WIDE_KEY]) | Q(groups__handled_organisation__isnull=False)


def organisation_handlers_name(organisation):
    return organisation_group_name(organisation, APPLICATION_HANDLERS_GROUP)


def ensure_organisation_handlers(organisation):
    """The organisation's own 依申请办理 group (created once), with the handler permissions;
    its administrators' group, if it exists already, gets them too. A group bearing the name but
    not recorded as the organisation's is never adopted (catalogue.organisation_groups)."""
    link = OrganisationHandlers.objects.filter(organisation_id=organisation.pk).first()
    if link is not None:
        return link.group
    permissions = get_permissions(HANDLER_PERMISSIONS)
    group = new_organisation_group(organisation_handlers_name(organisation))
    group.permissions.add(*permissions)
    OrganisationHandlers.objects.create(organisation_id=organisation.pk, group=group)
    administrators = role_group(organisation.pk, Role.ADMINISTRATORS)
    if administrators is not None:
        administrators.permissions.add(*permissions)
    return group


def create_handlers_of_new_organisation(sender, instance, created, raw=False, **kwargs):
    """`post_save` of `Organisation` (connected in apps.py): a new organisation has its own
    依申请办理 group from the start. Not on a raw save (loaddata), which writes a fixture's rows
    as they are and nothing else."""
    if created and not raw:
        ensure_organisation_handlers(instance)


def organisation_handlers(organisation):
    """The active members of `organisation`'s own 依申请办理 group (not its administrators,
    not the site-wide group's members): who the register's reminders are for."""
    return (
        get_user_model()
        .objects.filter(groups__handled_organisation__organisation=organisation, is_active=True)
        .distinct()
    )


def handled_organisation_ids(user):
    """Primary keys of the organisations whose register `user` may see; None means all."""
    if not user.is_active:
        return set()
    if user.is_superuser:
        return None
    handled = set(
        OrganisationHandlers.objects.filter(group__user=user).values_list(
            "organisation_id", flat=True
        )
    )
    return handled | organisation_ids_where(user, Role.ADMINISTRATORS)
