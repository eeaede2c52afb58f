"""The roles of a disclosure office and what each may do, defined once.

Data migrations and the demo loader both read this table, so a fresh database and the
demo agree; placeful page permissions (per organisation subtree) are granted elsewhere.
"""

from gongkai.permissions import get_permission

# Keys of settings.GONGKAI_GROUPS → (app_label, model, codename) model permissions.
ADMIN_ACCESS = ("wagtailadmin", "admin", "access_admin")

MODEL_PERMISSIONS = {
    "editors": [ADMIN_ACCESS],
    "reviewers": [ADMIN_ACCESS],
    "secrecy": [ADMIN_ACCESS],
    "leaders": [ADMIN_ACCESS],
    # An organisation's 管理员 manages its own organisation's users (walls.py scopes them).
    "administrators": [
        ADMIN_ACCESS,
        ("auth", "user", "add_user"),
        ("auth", "user", "change_user"),
    ],
}

# What exists once for the whole platform (walls.SITE_WIDE_MODELS): held by the site-wide 管理员
# group only, never copied to an organisation's 管理员 (placement.ensure_organisation_roles).
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

# Permissions each role holds on its organisation's own collection (documents and images:
# attachments of disclosures), never on the root collection (organisation_collections.py).
# Changing or deleting a file that a live page uses is refused below site administrator
# whatever these say (attachment_lock.py).
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


def ensure_roles(apps, group_names):
    """Create the site-wide groups with their model permissions; safe to run again. `apps`
    may be historical. They hold nothing on collections: each organisation's copy holds its
    collection permissions on the organisation's own collection."""
    Group = apps.get_model("auth", "Group")
    for key, name in group_names.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*(get_permission(apps, *p) for p in MODEL_PERMISSIONS[key]))
        if key == "administrators":
            group.permissions.add(*(get_permission(apps, *p) for p in SITE_ADMINISTRATION))


# Page permissions each role holds on its organisation's disclosure roots (placeful: granted to
# the organisation's own copy of the role group, never to the site-wide role group).
# Nobody but administrators holds publish_page: publishing is the workflow's finish action.
ROOT_PAGE_PERMISSIONS = {
    "editors": ["add_page", "change_page"],
    "reviewers": ["change_page"],
    "secrecy": ["change_page"],
    "leaders": ["change_page"],
    "administrators": ["add_page", "change_page", "publish_page", "bulk_delete_page"],
}
