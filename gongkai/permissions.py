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
    """The permissions for a list of (app_label, model, codename), in its order. Read in one
    query, since setting up an organisation asks for dozens; only missing ones are created."""
    specs = list(specs)
    found = {
        (p.content_type.app_label, p.content_type.model, p.codename): p
        for p in Permission.objects.filter(
            codename__in={codename for _, _, codename in specs}
        ).select_related("content_type")
    }
    return [found.get(spec) or found.setdefault(spec, get_permission(*spec)) for spec in specs]
