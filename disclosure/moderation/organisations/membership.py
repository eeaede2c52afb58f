"""A staff user's organisation, said once by two records that must agree.

`StaffOrganisation` is what the walls read (whose pages, users and files a user sees); the
organisation role groups a user belongs to are what page permissions and review steps read (the
groups hold the permissions on their organisation's subtree). If they named different
organisations, a user the walls count as one office's would edit and review in another's
subtree. So every role group a user belongs to is one of its organisation's, and a user without
an organisation belongs to the role groups of one organisation at most (joining them records it:
walls.record_organisation_from_groups).

Every path that joins a user to a group (the user forms, the bulk "assign role", the demo, a
script, the shell) goes through the user–group relation, and every change of organisation
through `StaffOrganisation`: signals.py checks both here, where the change happens; the forms
check first, to answer with the message instead of an error page.
"""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from disclosure.catalogue.models import Organisation, StaffOrganisation
from disclosure.catalogue.staff_roles import (
    organisation_group_ids,
    organisation_group_ids_of_user_id,
    organisation_id_of_user_id,
    organisations_of_groups,
)


class OrganisationConflict(ValidationError):
    """A change that would put a user into the role groups of an organisation not its own."""


def role_group_organisations(group_ids):
    """{organisation id: [group names]} of the groups among `group_ids` that belong to one
    organisation (its role groups, the register's 依申请办理 group)."""
    owners = organisations_of_groups(group_ids)
    found = {}
    for group_id, name in Group.objects.filter(pk__in=owners).values_list("pk", "name"):
        found.setdefault(owners[group_id], []).append(name)
    return found


def conflict(organisation_id, group_ids):
    """Why a user of `organisation_id` (None: no organisation yet) may not hold `group_ids`, or
    None when it may."""
    by_organisation = role_group_organisations(group_ids)
    if organisation_id is None:
        if len(by_organisation) <= 1:
            return None
        names = Organisation.objects.filter(pk__in=by_organisation).values_list("name", flat=True)
        return _("所选角色组分属多个公开主体（%(names)s）：一个用户只能属于一个公开主体。") % {
            "names": "、".join(sorted(names))
        }
    foreign = sorted(
        name
        for owner, names in by_organisation.items()
        if owner != organisation_id
        for name in names
    )
    if not foreign:
        return None
    organisation = Organisation.objects.filter(pk=organisation_id).first()
    return _(
        "角色组%(groups)s属于其他公开主体：用户只能加入所属公开主体（%(organisation)s）的角色组。"
    ) % {
        "groups": "、".join(f"“{name}”" for name in foreign),
        "organisation": organisation.name if organisation else organisation_id,
    }


def refuse_joining(user_id, group_ids):
    """Before a user joins `group_ids`: refused unless every role group among them and among
    those it holds is its organisation's."""
    message = conflict(
        organisation_id_of_user_id(user_id),
        organisation_group_ids_of_user_id(user_id) | set(group_ids),
    )
    if message:
        raise OrganisationConflict(message)


def refuse_organisation_change(staff_organisation):
    """Before a user's organisation is recorded or changed: refused while it holds another
    organisation's role groups."""
    message = conflict(
        staff_organisation.organisation_id,
        organisation_group_ids_of_user_id(staff_organisation.user_id),
    )
    if message:
        raise OrganisationConflict(message)


def refuse_leaving(staff_organisation, origin):
    """Before a user's organisation record is deleted on its own (not with the user or the
    organisation): refused while the user holds that organisation's role groups, which would
    leave it site-wide with an office's permissions."""
    if getattr(origin, "model", type(origin)) is not StaffOrganisation:
        return
    if organisation_group_ids_of_user_id(staff_organisation.user_id):
        raise OrganisationConflict(
            _("该用户仍在所属公开主体的角色组中：请先将其移出这些角色组，再取消所属公开主体。")
        )


def move_user(user, organisation_id):
    """Put `user` in `organisation_id` (None: site-wide), leaving first the role groups of any
    other organisation, so that each step keeps the two records in agreement."""
    keep = set() if organisation_id is None else organisation_group_ids(organisation_id)
    user.groups.remove(*(organisation_group_ids_of_user_id(user.pk) - keep))
    if organisation_id is None:
        StaffOrganisation.objects.filter(user=user).delete()
    else:
        StaffOrganisation.objects.update_or_create(
            user=user, defaults={"organisation_id": organisation_id}
        )
