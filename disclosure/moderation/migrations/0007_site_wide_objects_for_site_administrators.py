"""Organisations' 管理员 groups lose their model permissions on site-wide objects (workflows and
tasks, the footer settings, organisations, domains, sensitive words, synonyms, search
promotions, sites, locales, groups): one organisation's 管理员 could edit the workflow every
organisation shares. The site-wide 管理员 group (site administrators) holds them. The lists are
frozen here, so later edits of roles.py and walls.py cannot change what this migration did."""

from django.db import migrations
from django.db.models import Q

SITE_WIDE_MODELS = [
    ("wagtailcore", "workflow"),
    ("wagtailcore", "task"),
    ("moderation", "roleapprovaltask"),
    ("moderation", "secrecyreviewtask"),
    ("moderation", "sensitiveword"),
    ("home", "sitefootersettings"),
    ("catalogue", "organisation"),
    ("catalogue", "domain"),
    ("search", "synonym"),
    ("wagtailsearchpromotions", "query"),
    ("wagtailsearchpromotions", "searchpromotion"),
    ("wagtailcore", "site"),
    ("wagtailcore", "locale"),
    ("auth", "group"),
]


SITE_ADMINISTRATION = [
    ("catalogue", "organisation", "add_organisation"),
    ("catalogue", "organisation", "change_organisation"),
    ("home", "sitefootersettings", "change_sitefootersettings"),
    *(
        (app_label, model, f"{action}_{model}")
        for app_label, model in [
            ("wagtailcore", "workflow"),
            ("wagtailcore", "task"),
            ("catalogue", "domain"),
            ("moderation", "sensitiveword"),
            ("search", "synonym"),
            ("wagtailsearchpromotions", "searchpromotion"),
            ("auth", "group"),
        ]
        for action in ("add", "change", "delete")
    ),
]
SITE_ADMINISTRATORS_GROUP = "管理员"


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    found, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return found


def withdraw_site_wide_permissions(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    OrganisationRole = apps.get_model("moderation", "OrganisationRole")
    site_wide = Q(pk__in=[])
    for app_label, model in SITE_WIDE_MODELS:
        site_wide |= Q(content_type__app_label=app_label, content_type__model=model)
    permissions = list(Permission.objects.filter(site_wide))
    for link in OrganisationRole.objects.select_related("group"):
        link.group.permissions.remove(*permissions)
    Group = apps.get_model("auth", "Group")
    site_administrators = Group.objects.filter(name=SITE_ADMINISTRATORS_GROUP).first()
    if site_administrators is not None:
        site_administrators.permissions.add(
            *(permission(apps, *spec) for spec in SITE_ADMINISTRATION)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0006_staff_organisation"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(withdraw_site_wide_permissions, migrations.RunPython.noop)]
