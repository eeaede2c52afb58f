"""Organisations' groups lose their permissions on the working-day calendar: an organisation's
管理员 held add/change/delete on it (copied from the site-wide 管理员 group when the
organisation's groups were made), so one township could move every organisation's statutory
clocks. The site-wide 管理员 group keeps them. Frozen here, as 0007 is."""

from django.db import migrations


def withdraw_calendar_permissions(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    OrganisationRole = apps.get_model("catalogue", "OrganisationRole")
    permissions = list(
        Permission.objects.filter(
            content_type__app_label="workdays", content_type__model="calendarday"
        )
    )
    for link in OrganisationRole.objects.select_related("group"):
        link.group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0010_organisation_role_moved_to_catalogue"),
        ("catalogue", "0011_organisation_role_from_moderation"),
        ("workdays", "0001_calendar_day_from_applications"),
        ("applications", "0006_calendar_day_moved_to_workdays"),
    ]

    operations = [migrations.RunPython(withdraw_calendar_permissions, migrations.RunPython.noop)]
