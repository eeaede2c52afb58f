from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import Collection, GroupCollectionPermission

from disclosure.catalogue.models import Organisation
from disclosure.moderation.models import OrganisationCollection
from disclosure.moderation.placement import ensure_organisation_roles


def test_every_role_exists_on_a_fresh_database(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert {"信息员", "初审", "保密审查", "分管领导", "管理员"} <= names
    assert set(settings.GONGKAI_GROUPS.values()) <= names


def test_every_role_can_reach_the_admin(db):
    for name in settings.GONGKAI_GROUPS.values():
        group = Group.objects.get(name=name)
        assert group.permissions.filter(codename="access_admin").exists(), name


def test_only_editors_and_administrators_upload_attachments(db):
    """Into their organisation's own collection; nobody holds anything on the root collection."""
    organisation = Organisation.objects.create(name="测试镇人民政府")
    groups = ensure_organisation_roles(organisation)
    collection = OrganisationCollection.objects.get(organisation=organisation).collection

    def can_add_documents(role):
        return (
            groups[role]
            .collection_permissions.filter(
                collection=collection, permission__codename="add_document"
            )
            .exists()
        )

    assert can_add_documents("editors")
    assert can_add_documents("administrators")
    assert not can_add_documents("reviewers")
    assert not can_add_documents("leaders")
    root = Collection.get_first_root_node()
    assert not GroupCollectionPermission.objects.filter(collection=root).exists()
