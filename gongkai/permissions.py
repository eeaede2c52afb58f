"""Model permissions by (app_label, model, codename), created if missing (as Django's
post_migrate signal would name them), so a grant never depends on that signal having run."""


def get_permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return permission


def get_permissions(apps, specs):
    """The permissions for a list of (app_label, model, codename)."""
    return [get_permission(apps, *spec) for spec in specs]
