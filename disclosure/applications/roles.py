"""The 依申请办理 group: who may see and handle applications (administrators may too)."""

APPLICATION_HANDLERS = "依申请办理"
ADMINISTRATORS_KEY = "administrators"

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


def ensure_handler_group(apps, administrators_name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")

    def permission(app_label, model, codename):
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        perm, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": codename.replace("_", " ").capitalize()},
        )
        return perm

    handlers, _ = Group.objects.get_or_create(name=APPLICATION_HANDLERS)
    handlers.permissions.add(*(permission(*p) for p in HANDLER_PERMISSIONS))
    administrators, _ = Group.objects.get_or_create(name=administrators_name)
    administrators.permissions.add(
        *(permission(*p) for p in HANDLER_PERMISSIONS + CALENDAR_PERMISSIONS)
    )
