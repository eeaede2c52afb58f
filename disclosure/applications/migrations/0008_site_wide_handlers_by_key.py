"""The site-wide 依申请办理 group recorded by key: found here once by the name 0003_handler_group
created it with, then by this row whatever site administrators rename it to. Key and name
frozen as they were when this migration was written."""

from django.db import migrations

KEY = "application_handlers"
NAME = "依申请办理"


def record_by_key(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=NAME).first()
    # One renamed already is not guessed at: `manage.py check` names it as missing.
    if group is not None:
        apps.get_model("accounts", "SiteWideGroup").objects.get_or_create(
            key=KEY, defaults={"group": group}
        )


def forget_key(apps, schema_editor):
    apps.get_model("accounts", "SiteWideGroup").objects.filter(key=KEY).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_site_wide_groups"),
        ("applications", "0007_postcode_message"),
    ]

    operations = [migrations.RunPython(record_by_key, forget_key)]
