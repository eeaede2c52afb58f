"""A new group for one organisation, never one found by its name.

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
