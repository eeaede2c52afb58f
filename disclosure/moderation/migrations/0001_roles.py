"""The site-wide role groups with their model permissions and their permissions on the root
collection, as the first release defined them. Frozen here (names, permissions and the function
as they were), so later edits of roles.py cannot change what this migration did: 0007 gave the
site-wide 管理员 the site-wide objects, 0008 withdrew every grant on the root collection."""

from django.db import migrations

GROUP_NAMES = {
    "editors": "信息员",
    "reviewers": "初审",
    "secrecy": "保密审查",
    "leaders": "分管领导",
    "administrators": "管理员",
}

ADMIN_ACCESS = ("wagtailadmin", "admin", "access_admin")

MODEL_PERMISSIONS = {
    "editors": [ADMIN_ACCESS],
    "reviewers": [ADMIN_ACCESS],
    "secrecy": [ADMIN_ACCESS],
    "leaders": [ADMIN_ACCESS],
    "administrators": [
        ADMIN_ACCESS,
        ("catalogue", "organisation", "add_organisation"),
        ("catalogue", "organisation", "change_organisation"),
        ("home", "sitefootersettings", "change_sitefootersettings"),
        ("auth", "user", "add_user"),
        ("auth", "user", "change_user"),
        ("wagtailcore", "workflow", "add_workflow"),
        ("wagtailcore", "workflow", "change_workflow"),
        ("wagtailcore", "task", "add_task"),
        ("wagtailcore", "task", "change_task"),
    ],
}

DOCUMENT_AUTHORING = [
    ("wagtaildocs", "document", "add_document"),
    ("wagtaildocs", "document", "change_document"),
    ("wagtaildocs", "document", "choose_document"),
    ("wagtailimages", "image", "add_image"),
    ("wagtailimages", "image", "change_image"),
    ("wagtailimages", "image", "choose_image"),
]
DOCUMENT_READING = [
    ("wagtaildocs", "document", "choose_document"),
    ("wagtailimages", "image", "choose_image"),
]
COLLECTION_PERMISSIONS = {
    "editors": DOCUMENT_AUTHORING,
    "reviewers": DOCUMENT_READING,
    "secrecy": DOCUMENT_READING,
    "leaders": DOCUMENT_READING,
    "administrators": [
        *DOCUMENT_AUTHORING,
        ("wagtaildocs", "document", "delete_document"),
        ("wagtailimages", "image", "delete_image"),
    ],
}


def create_roles(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    def permission(app_label, model, codename):
        # Django's post_migrate signal creates permissions only after every migration has run.
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        perm, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": codename.replace("_", " ").capitalize()},
        )
        return perm

    root_collection = Collection.objects.filter(depth=1).first()
    for key, name in GROUP_NAMES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*(permission(*p) for p in MODEL_PERMISSIONS[key]))
        if root_collection is None:
            continue
        for spec in COLLECTION_PERMISSIONS[key]:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission(*spec)
            )


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=GROUP_NAMES.values()).delete()


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
