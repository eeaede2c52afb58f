"""An organisation's own groups: their names, and a new group, never one found by its name.

Names: `某镇·初审`, `某镇·依申请办理` (organisation_group_name), kept when the organisation is
renamed (rename_groups_of_renamed, a post_save receiver of Organisation connected in the
catalogue's apps.py). Which groups are the organisation's, and who is in them, is staff_roles'.

Creation:

An organisation's groups (its role groups `某镇·初审`…, moderation's placement; the register's
`某镇·依申请办理`, applications/roles.py) are named after it, but a name proves nothing: a site
administrator may have made a group of that name, or someone planted one before the
organisation existed, with members of another office or permissions no office holds. Adopting
it would hand them the office's subtree and put those members in two organisations (see
moderation's organisations/membership.py). So a group is the organisation's only once it is
recorded as such (OrganisationRole, OrganisationHandlers), and the group recorded is always
created here, empty, under the name or, when that is taken, a numbered variant of it.
"""

import logging
import re

from django.contrib.auth.models import Group

from .staff_roles import organisation_group_ids

logger = logging.getLogger(__name__)


def _names(name):
    yield name
    number = 2
    while True:
        yield f"{name}（{number}）"
        number += 1


NUMBERED = re.compile(r"（\d+）$")


def free_group_name(name, excluding=None):
    """`name`, or `name（2）`, `name（3）`… when a group other than `excluding` (a pk) holds it."""
    name = NUMBERED.sub("", name)
    taken = set(
        Group.objects.filter(name__startswith=name)
        .exclude(pk=excluding)
        .values_list("name", flat=True)
    )
    return next(candidate for candidate in _names(name) if candidate not in taken)


def new_organisation_group(name):
    """A group created now for an organisation, named `name`, or `name（2）`, `name（3）`…
    when a group of that name exists already (which is left as it is)."""
    free = free_group_name(name)
    if free != name:
        logger.warning(
            "A group named %r exists and is not recorded as an organisation's: "
            "the organisation's group is created as %r instead.",
            name,
            free,
        )
    return Group.objects.create(name=free)


# The separator organisation_group_name puts between the organisation and the site-wide group.
GROUP_NAME_SEPARATOR = "·"


def organisation_group_name(organisation, group_name):
    """The name of an organisation's own copy of a site-wide group: `某镇·初审`,
    `某镇·依申请办理`. Moderation's placement names the role groups with it, the register its
    handlers' group; rename_organisation_groups keeps it when the organisation is renamed."""
    return f"{organisation.name}{GROUP_NAME_SEPARATOR}{group_name}"


def rename_organisation_groups(organisation):
    """Name each group belonging to `organisation` after its (new) name, keeping the site-wide
    group's name after the separator: a renamed organisation's groups would otherwise keep the
    old name, which a new organisation of that name would then be given."""
    groups = Group.objects.filter(pk__in=organisation_group_ids(organisation.pk))
    for group in groups:
        _old, separator, site_wide_name = group.name.rpartition(GROUP_NAME_SEPARATOR)
        # A name another group holds (a deleted organisation's leftover, a planted one) is
        # never taken over: Group.name is unique, and the clash gets a number.
        renamed = free_group_name(
            organisation_group_name(organisation, site_wide_name), excluding=group.pk
        )
        if separator and group.name != renamed:
            group.name = renamed
            group.save(update_fields=["name"])


def rename_groups_of_renamed(sender, instance, created, raw=False, **kwargs):
    """post_save of Organisation (connected in apps.py): a group keeping an old name would be
    taken for a new organisation of that name."""
    if not created and not raw:
        rename_organisation_groups(instance)
