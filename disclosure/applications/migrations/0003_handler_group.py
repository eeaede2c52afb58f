from django.conf import settings
from django.db import migrations

from disclosure.applications.roles import (
    ADMINISTRATORS_KEY,
    APPLICATION_HANDLERS,
    ensure_handler_group,
)


def create_group(apps, schema_editor):
    ensure_handler_group(apps, settings.GONGKAI_GROUPS[ADMINISTRATORS_KEY])


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=APPLICATION_HANDLERS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0002_register"),
        ("moderation", "0001_roles"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
