"""OrganisationRole moved from moderation to the catalogue without moving its rows: the table,
the content type and the permissions granted on it carry over (migrations catalogue 0011 and
moderation 0010)."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from disclosure.applications.roles import handled_organisation_ids
from disclosure.catalogue.models import Organisation, OrganisationRole
from gongkai.accounts.roles import Role
from tests.migrations import granted_under_the_old_label, migrated_back_to

BEFORE = [
    ("moderation", "0009_staff_organisation_moved_to_catalogue"),
    ("catalogue", "0010_staff_organisation_from_moderation"),
]


@pytest.mark.django_db
def test_the_rows_stay_in_moderations_table():
    organisation = Organisation.objects.create(name="测试镇人民政府")
    group = Group.objects.create(name="测试镇人民政府·管理员")
    OrganisationRole.objects.create(
        organisation=organisation, role=Role.ADMINISTRATORS, group=group
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT organisation_id, role FROM moderation_organisationrole WHERE group_id = %s",
            [group.pk],
        )
        assert cursor.fetchall() == [(organisation.pk, "administrators")]


@pytest.mark.django_db
def test_a_new_database_knows_the_model_under_its_new_label():
    content_type = ContentType.objects.get(model="organisationrole")
    assert content_type.app_label == "catalogue"
    assert content_type.model_class() is OrganisationRole


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_existing_database_keeps_its_rows_grants_and_history(django_user_model):
    with migrated_back_to(BEFORE) as old_apps:
        # As moderation left it: its content type, a permission granted to a group, a row.
        old, viewing, group = granted_under_the_old_label(
            "organisationrole", "moderation", "catalogue", "view_organisationrole", "机构角色组查看"
        )
        # The model of that state: today's has fields added since (no column yet).
        organisation = old_apps.get_model("catalogue", "Organisation").objects.create(
            name="迁移测试镇人民政府"
        )
        administrators = Group.objects.create(name="迁移测试镇人民政府·管理员")
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO moderation_organisationrole (organisation_id, role, group_id)"
                " VALUES (%s, %s, %s)",
                [organisation.pk, "administrators", administrators.pk],
            )

    role = OrganisationRole.objects.get(group=administrators)
    assert (role.organisation_id, role.role) == (organisation.pk, Role.ADMINISTRATORS)
    # The register reads the role groups through the catalogue's relation.
    user = django_user_model.objects.create_user("township-admin")
    user.groups.add(administrators)
    assert handled_organisation_ids(user) == {organisation.pk}
    moved = ContentType.objects.get(pk=old.pk)
    assert moved.app_label == "catalogue" and moved.model_class() is OrganisationRole
    assert group.permissions.get().pk == viewing.pk
