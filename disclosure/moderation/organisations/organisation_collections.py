"""Each organisation's own collection for its documents and images.

The organisation's role groups hold their document and image permissions on this collection
only (roles.COLLECTION_PERMISSIONS); nobody below site administrator holds anything on the root
collection, so one organisation's staff neither see nor choose nor change another's files.
The data migration 0008_organisation_collections set up the organisations that existed then.
"""

from django.db.models import Q
from wagtail.models import Collection, GroupCollectionPermission

from gongkai.permissions import get_permissions

from ..models import OrganisationCollection
from .role_permissions import COLLECTION_PERMISSIONS


def root_collection():
    return Collection.objects.filter(depth=1).first()


def organisation_collection(organisation):
    """The organisation's collection, created under the root collection if missing. Only the
    collection OrganisationCollection records is reused: one that merely bears the
    organisation's name (its files, other groups' permissions on it) is never adopted."""
    link = OrganisationCollection.objects.filter(organisation_id=organisation.pk).first()
    if link is not None:
        return Collection.objects.get(pk=link.collection_id)
    collection = root_collection().add_child(instance=Collection(name=organisation.name))
    OrganisationCollection.objects.create(organisation_id=organisation.pk, collection=collection)
    return collection


def rename_organisation_collection(organisation):
    Collection.objects.filter(
        pk__in=OrganisationCollection.objects.filter(organisation_id=organisation.pk).values(
            "collection_id"
        )
    ).update(name=organisation.name)


def ensure_organisation_collection(organisation, groups):
    """The organisation's collection, with each of its role groups' document and image
    permissions on it. `groups` is {role: group}."""
    collection = organisation_collection(organisation)
    specs = [
        (group, spec) for role, group in groups.items() for spec in COLLECTION_PERMISSIONS[role]
    ]
    permissions = get_permissions(spec for _, spec in specs)
    wanted = {
        (group.pk, permission.pk) for (group, _), permission in zip(specs, permissions, strict=True)
    }
    held = set(
        GroupCollectionPermission.objects.filter(
            collection_id=collection.pk, group_id__in=[group.pk for group in groups.values()]
        ).values_list("group_id", "permission_id")
    )
    GroupCollectionPermission.objects.bulk_create(
        [
            GroupCollectionPermission(
                group_id=group_id, collection_id=collection.pk, permission_id=permission_id
            )
            for group_id, permission_id in sorted(wanted - held)
        ],
        ignore_conflicts=True,
    )
    return collection


def own_collections(model, user):
    """The collections whose documents or images (`model`) are `user`'s organisation's: its
    organisation's collection and those below, and any collection `user`'s groups hold a
    permission on for `model` (an 依申请 handler holds none and still sees its own)."""
    from wagtail.permission_policies.collections import CollectionPermissionPolicy

    from disclosure.catalogue.staff_roles import organisation_id_of_user

    permitted = CollectionPermissionPolicy(model).collections_user_has_any_permission_for(
        user, ["add", "change", "choose"]
    )
    below = Q(pk__in=permitted.values("pk"))
    links = OrganisationCollection.objects.filter(organisation_id=organisation_id_of_user(user))
    for collection in Collection.objects.filter(pk__in=links.values("collection_id")):
        below |= Q(path__startswith=collection.path)
    return Collection.objects.filter(below)
