"""Model permissions by (app_label, model, codename), created if missing (as Django's
post_migrate signal would name them), so a grant never depends on that signal having run.
The data migrations that grant permissions carry their own frozen copy of this."""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType


def get_permission(app_label, model, codename):
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return permission


def get_permissions(specs):
    """The permissions for a list of (app_label, model, codename)."""
    return [get_permission(*spec) for spec in specs]
