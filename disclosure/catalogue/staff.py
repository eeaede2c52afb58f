"""The organisation a staff user works for, read from `StaffOrganisation`."""

from django.db.models import Q

from .models import Organisation, StaffOrganisation


def organisation_id_of_user(user):
    """The pk of the organisation `user` belongs to, or None for a site-wide user."""
    if user is None or user.pk is None:
        return None
    return (
        StaffOrganisation.objects.filter(user_id=user.pk)
        .values_list("organisation_id", flat=True)
        .first()
    )


def organisation_of(user):
    organisation_id = organisation_id_of_user(user)
    return None if organisation_id is None else Organisation.objects.get(pk=organisation_id)


def organisation_role_members(roles):
    """A filter on users for the members of every organisation's groups holding any of `roles`
    (`某镇·初审`…: OrganisationRole). Registered on accounts' ROLE_MEMBERS_HOOK, so that the
    two-factor rule counts them without reading the catalogue's relations itself."""
    return Q(groups__organisation_role__role__in=roles)
