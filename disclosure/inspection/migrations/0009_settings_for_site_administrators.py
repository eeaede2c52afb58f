"""The site-wide 管理员 group holds the model permissions on the inspection's thresholds, column
types, column names and misstatements (gongkai.accounts.site_wide registers them): site
administrators edited them before through a permission policy of the inspection's own, which
Wagtail's model permission policy now replaces. Organisations' groups hold none. Frozen here, as
moderation's 0007 is."""

from django.db import migrations

MODELS = ("indicator", "columntype", "columnsetting", "misstatement")
ACTIONS = ("add", "change", "delete", "view")
SITE_ADMINISTRATORS_GROUP = "管理员"


def permission(apps, model, action):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="inspection", model=model)
    found, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_{model}",
        defaults={"name": f"Can {action} {model}"},
    )
    return found


def grant_site_administrators(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    site_administrators = Group.objects.filter(name=SITE_ADMINISTRATORS_GROUP).first()
    if site_administrators is not None:
        site_administrators.permissions.add(
            *(permission(apps, model, action) for model in MODELS for action in ACTIONS)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("inspection", "0008_threshold_at_most_1000"),
        ("moderation", "0011_calendar_for_site_administrators_only"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant_site_administrators, migrations.RunPython.noop)]
