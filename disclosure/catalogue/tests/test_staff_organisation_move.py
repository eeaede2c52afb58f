"""StaffOrganisation moved from moderation to the catalogue without moving its rows: the
table, the content type and the permissions granted on it carry over (migrations
catalogue 0009 and moderation 0009)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from disclosure.catalogue.models import Organisation, StaffOrganisation
from disclosure.catalogue.staff_roles import organisation_of
from tests.migrations import granted_under_the_old_label, migrated_back_to

BEFORE = [("moderation", "0008_organisation_collections"), ("catalogue", "0008_organisation_level")]


@pytest.mark.django_db
def test_the_rows_stay_in_moderations_table():
    user = get_user_model().objects.create_user("clerk")
    organisation = Organisation.objects.create(name="测试镇人民政府")
    StaffOrganisation.objects.create(user=user, organisation=organisation)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT organisation_id FROM moderation_stafforganisation WHERE user_id = %s",
            [user.pk],
        )
        assert cursor.fetchall() == [(organisation.pk,)]


@pytest.mark.django_db
def test_a_new_database_knows_the_model_under_its_new_label():
    assert list(
        ContentType.objects.filter(model="stafforganisation").values_list("app_label", flat=True)
    ) == ["catalogue"]
    assert ContentType.objects.get(model="stafforganisation").model_class() is StaffOrganisation


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_existing_database_keeps_its_rows_grants_and_history():
    with migrated_back_to(BEFORE) as old_apps:
        # As moderation left it: its content type, a permission granted to a group, a row.
        old, viewing, group = granted_under_the_old_label(
            "stafforganisation", "moderation", "catalogue", "view_stafforganisation", "人员机构查看"
        )
        user = get_user_model().objects.create_user("township-clerk")
        # The model of that state: today's has fields added since (no column yet).
        organisation = old_apps.get_model("catalogue", "Organisation").objects.create(
            name="迁移测试镇人民政府"
        )
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO moderation_stafforganisation (user_id, organisation_id)"
                " VALUES (%s, %s)",
                [user.pk, organisation.pk],
            )

    assert organisation_of(user).pk == organisation.pk
    assert StaffOrganisation.objects.get(user=user).organisation_id == organisation.pk
    moved = ContentType.objects.get(pk=old.pk)
    assert moved.app_label == "catalogue" and moved.model_class() is StaffOrganisation
    assert group.permissions.get().pk == viewing.pk
