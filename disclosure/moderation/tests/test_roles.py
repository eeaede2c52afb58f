from django.contrib.auth.models import Group
from django.utils import translation
from wagtail.models import Collection, GroupCollectionPermission

from disclosure.applications.roles import APPLICATION_HANDLERS_GROUP, HANDLER_PERMISSIONS
from disclosure.catalogue.models import Organisation, OrganisationRole
from disclosure.moderation.models import OrganisationCollection
from disclosure.moderation.organisations.placement import ensure_organisation_roles
from disclosure.moderation.organisations.role_permissions import (
    MODEL_PERMISSIONS,
    SITE_ADMINISTRATION,
)
from gongkai.accounts.roles import Role


def test_every_role_exists_on_a_fresh_database(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert {"信息员", "初审", "保密审查", "分管领导", "管理员"} <= names
    assert {role.group_name for role in Role} <= names


def test_every_role_can_reach_the_admin(db):
    for role in Role:
        group = Group.objects.get(name=role.group_name)
        assert group.permissions.filter(codename="access_admin").exists(), role


def held(group):
    return {
        (p.content_type.app_label, p.content_type.model, p.codename)
        for p in group.permissions.select_related("content_type")
    }


def test_the_migrated_site_wide_groups_hold_what_the_tables_say(db):
    """The data migrations carry the tables as they were when each was written; together they
    must still give what role_permissions.py says today, or a change of the tables lacks its
    migration."""
    for role in Role:
        expected = set(MODEL_PERMISSIONS[role])
        if role == Role.ADMINISTRATORS:
            expected |= {*SITE_ADMINISTRATION, *HANDLER_PERMISSIONS}
        assert held(Group.objects.get(name=role.group_name)) == expected, role
    assert held(Group.objects.get(name=APPLICATION_HANDLERS_GROUP)) == set(HANDLER_PERMISSIONS)


def test_group_names_do_not_follow_the_language(db):
    """A group is one row whatever language its members read: its name is the untranslated
    label, while the label a form shows is translated."""
    organisation = Organisation.objects.create(name="测试镇人民政府")
    with translation.override("en"):
        assert str(Role.REVIEWERS.label) == "First review"
        assert Role.REVIEWERS.group_name == "初审"
        groups = ensure_organisation_roles(organisation)
    assert groups[Role.REVIEWERS].name == "测试镇人民政府·初审"
    assert set(
        OrganisationRole.objects.filter(organisation=organisation).values_list("role", flat=True)
    ) == set(Role.values)


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

    assert can_add_documents(Role.EDITORS)
    assert can_add_documents(Role.ADMINISTRATORS)
    assert not can_add_documents(Role.REVIEWERS)
    assert not can_add_documents(Role.LEADERS)
    root = Collection.get_first_root_node()
    assert not GroupCollectionPermission.objects.filter(collection=root).exists()
