"""The site-wide 依申请办理 group, and the handler and calendar permissions of the site-wide
管理员 group. Names and permissions frozen here as roles.py had them when this migration was
written, so later edits of it cannot change what this migration did."""

from django.db import migrations

APPLICATION_HANDLERS = "依申请办理"
ADMINISTRATORS = "管理员"
HANDLER_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("applications", "application", "add_application"),
    ("applications", "application", "change_application"),
    ("applications", "application", "view_application"),
    ("applications", "reviewcase", "add_reviewcase"),
    ("applications", "reviewcase", "change_reviewcase"),
    ("applications", "reviewcase", "view_reviewcase"),
]
CALENDAR_PERMISSIONS = [
    ("applications", "calendarday", "add_calendarday"),
    ("applications", "calendarday", "change_calendarday"),
    ("applications", "calendarday", "delete_calendarday"),
    ("applications", "calendarday", "view_calendarday"),
]


def create_group(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")

    def permission(app_label, model, codename):
        # Django's post_migrate signal creates permissions only after every migration has run.
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        perm, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": codename.replace("_", " ").capitalize()},
        )
        return perm

    handlers, _ = Group.objects.get_or_create(name=APPLICATION_HANDLERS)
    handlers.permissions.add(*(permission(*p) for p in HANDLER_PERMISSIONS))
    administrators, _ = Group.objects.get_or_create(name=ADMINISTRATORS)
    administrators.permissions.add(
        *(permission(*p) for p in HANDLER_PERMISSIONS + CALENDAR_PERMISSIONS)
    )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=APPLICATION_HANDLERS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0002_register"),
        ("moderation", "0001_roles"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
