"""Each organisation's own collection for its documents and images.

The organisation's role groups hold their document and image permissions on this collection
only (roles.COLLECTION_PERMISSIONS); nobody below site administrator holds anything on the root
collection, so one organisation's staff neither see nor choose nor change another's files.
The data migration 0008_organisation_collections set up the organisations that existed then.
"""

from django.apps import apps

from disclosure.catalogue.models import DisclosureIndexPage, Organisation
from gongkai.permissions import get_permission

from .roles import COLLECTION_PERMISSIONS


def root_collection():
    return apps.get_model("wagtailcore", "Collection").objects.filter(depth=1).first()


def organisation_collection(organisation):
    """The organisation's collection, created under the root collection if missing."""
    Collection = apps.get_model("wagtailcore", "Collection")
    OrganisationCollection = apps.get_model("moderation", "OrganisationCollection")
    link = OrganisationCollection.objects.filter(organisation_id=organisation.pk).first()
    if link is not None:
        return Collection.objects.get(pk=link.collection_id)
    root = root_collection()
    collection = Collection.objects.filter(
        name=organisation.name, depth=root.depth + 1, path__startswith=root.path
    ).first() or root.add_child(instance=Collection(name=organisation.name))
    OrganisationCollection.objects.create(organisation_id=organisation.pk, collection=collection)
    return collection


def rename_organisation_collection(organisation):
    Collection = apps.get_model("wagtailcore", "Collection")
    OrganisationCollection = apps.get_model("moderation", "OrganisationCollection")
    Collection.objects.filter(
        pk__in=OrganisationCollection.objects.filter(organisation_id=organisation.pk).values(
            "collection_id"
        )
    ).update(name=organisation.name)


def ensure_organisation_collection(organisation, groups):
    """The organisation's collection, with each of its role groups' document and image
    permissions on it. `groups` is {role: group}."""
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    collection = organisation_collection(organisation)
    for role, group in groups.items():
        for spec in COLLECTION_PERMISSIONS[role]:
            GroupCollectionPermission.objects.get_or_create(
                group_id=group.pk,
                collection_id=collection.pk,
                permission=get_permission(apps, *spec),
            )
    return collection


def revoke_root_collection_permissions():
    """Nobody below site administrator (a superuser, who needs no grant) holds anything on the
    root collection: neither our role groups nor Wagtail's default Editors and Moderators."""
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = root_collection()
    if root is not None:
        GroupCollectionPermission.objects.filter(collection_id=root.pk).delete()


ATTACHMENT_MODELS = [("wagtaildocs", "document"), ("wagtailimages", "image")]


def _organisation_of_pages(page_ids):
    """{page id: organisation id} for the pages inside a disclosure root."""
    Page = apps.get_model("wagtailcore", "Page")
    roots = sorted(
        DisclosureIndexPage.objects.values_list("path", "organisation_id"),
        key=lambda root: -len(root[0]),
    )
    owners = {}
    for pk, path in Page.objects.filter(pk__in=page_ids).values_list("pk", "path"):
        owner = next((org for root_path, org in roots if path.startswith(root_path)), None)
        if owner is not None:
            owners[pk] = owner
    return owners


def move_attachments_to_organisations():
    """Put each document and image of the root collection into the collection of the one
    organisation whose pages use it; files used by several organisations' pages, or by none,
    stay in the root collection, which only site administrators manage."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    root = root_collection()
    if root is None:
        return
    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    for app_label, model_name in ATTACHMENT_MODELS:
        model = apps.get_model(app_label, model_name)
        attachment_type, _ = ContentType.objects.get_or_create(
            app_label=app_label, model=model_name
        )
        references = list(
            ReferenceIndex.objects.filter(
                base_content_type=page_type, to_content_type=attachment_type
            ).values_list("object_id", "to_object_id")
        )
        owners = _organisation_of_pages({int(page) for page, _ in references})
        users = {}
        for page, attachment in references:
            users.setdefault(attachment, set()).add(owners.get(int(page)))
        for attachment, organisations in users.items():
            if len(organisations) != 1 or None in organisations:
                continue
            organisation = Organisation.objects.get(pk=organisations.pop())
            collection = organisation_collection(organisation)
            model.objects.filter(pk=attachment, collection_id=root.pk).update(
                collection_id=collection.pk
            )
