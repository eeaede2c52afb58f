"""OrganisationRole now belongs to the catalogue (catalogue 0011): moderation forgets it without
touching its table, and its content type follows it, so any permission granted on it and the
admin's history of its rows stay attached. It runs after the last migration that reads the model
under moderation's label (applications 0004). The content type's move is written out here as in
0009, so that neither migration changes when the other is edited."""

from django.conf import settings
from django.db import migrations

MODEL = "organisationrole"


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
        # Permissions were created under the new label before this one ran (post_migrate of an
        # earlier run): their grants go to the old permissions of the same codename, which
        # then carry the label.
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
    move_content_type(apps, "moderation", "catalogue")


def backwards(apps, schema_editor):
    move_content_type(apps, "catalogue", "moderation")


class Migration(migrations.Migration):

    dependencies = [
        ("moderation", "0009_staff_organisation_moved_to_catalogue"),
        ("catalogue", "0011_organisation_role_from_moderation"),
        ("applications", "0004_organisation_handlers"),
        ("auth", "0012_alter_user_first_name_max_length"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="OrganisationRole")],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
