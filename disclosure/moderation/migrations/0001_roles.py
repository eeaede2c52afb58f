from django.conf import settings
from django.db import migrations

from disclosure.moderation.roles import ensure_roles


def create_roles(apps, schema_editor):
    ensure_roles(apps, settings.GONGKAI_GROUPS)


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=settings.GONGKAI_GROUPS.values()).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("catalogue", "0001_initial"),
        ("home", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
