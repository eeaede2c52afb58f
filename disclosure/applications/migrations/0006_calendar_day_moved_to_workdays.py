"""CalendarDay now belongs to the workdays app (workdays 0001): the register forgets it without
touching its table, and its content type follows it, so the permissions groups were granted on
it and the admin's history of its rows stay attached."""

from django.conf import settings
from django.db import migrations

MODEL = "calendarday"


def move_content_type(apps, from_label, to_label):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    GroupPermissions = apps.get_model("auth", "Group").permissions.through
    UserPermissions = apps.get_model(settings.AUTH_USER_MODEL).user_permissions.through
    old = ContentType.objects.filter(app_label=from_label, model=MODEL).first()
    if old is None:
        return
    new = ContentType.objects.filter(app_label=to_label, model=MODEL).first()
    if new is not None:
        # A data migration granted permissions under the new label before this one ran: its
        # grants go to the old permissions of the same codename, which then carry the label.
        for permission in Permission.objects.filter(content_type=new):
            kept, _ = Permission.objects.get_or_create(
                content_type=old, codename=permission.codename, defaults={"name": permission.name}
            )
            for link in GroupPermissions.objects.filter(permission=permission):
                GroupPermissions.objects.get_or_create(group_id=link.group_id, permission=kept)
            for link in UserPermissions.objects.filter(permission=permission):
                UserPermissions.objects.get_or_create(user_id=link.user_id, permission=kept)
        new.delete()
    old.app_label = to_label
    old.save(update_fields=["app_label"])


def forwards(apps, schema_editor):
    move_content_type(apps, "applications", "workdays")


def backwards(apps, schema_editor):
    move_content_type(apps, "workdays", "applications")


class Migration(migrations.Migration):

    dependencies = [
        ("applications", "0005_reply_letter_issue"),
        ("workdays", "0001_calendar_day_from_applications"),
        ("auth", "0012_alter_user_first_name_max_length"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="CalendarDay")],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
