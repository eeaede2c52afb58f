"""What each role of a disclosure office may do, defined once (the roles themselves are
gongkai.accounts.roles.Role).

The site-wide role groups hold MODEL_PERMISSIONS (and the site-wide 管理员 SITE_ADMINISTRATION):
the data migrations that created them carry these tables as they were then, and tests/test_roles.py
checks that a migrated database holds what this module says, so a change here comes with a data
migration. Each organisation's copy of a role holds its collection and page permissions
(placement.py, organisation_collections.py).
"""

from gongkai.accounts.roles import Role
from gongkai.accounts.site_wide import site_administration_permissions

# Role → (app_label, model, codename) model permissions.
ADMIN_ACCESS = ("wagtailadmin", "admin", "access_admin")

MODEL_PERMISSIONS = {
    Role.EDITORS: [ADMIN_ACCESS],
    Role.REVIEWERS: [ADMIN_ACCESS],
    Role.SECRECY: [ADMIN_ACCESS],
    Role.LEADERS: [ADMIN_ACCESS],
    # An organisation's 管理员 manages its own organisation's users (walls.py scopes them).
    Role.ADMINISTRATORS: [
        ADMIN_ACCESS,
        ("auth", "user", "add_user"),
        ("auth", "user", "change_user"),
    ],
}

# What exists once for the whole platform (gongkai.accounts.site_wide.SITE_WIDE_MODELS): held by
# the site-wide 管理员 group only, never copied to an organisation's 管理员
# (placement.ensure_organisation_roles).
SITE_ADMINISTRATION = site_administration_permissions()

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
    Role.EDITORS: DOCUMENT_AUTHORING,
    Role.REVIEWERS: DOCUMENT_READING,
    Role.SECRECY: DOCUMENT_READING,
    Role.LEADERS: DOCUMENT_READING,
    Role.ADMINISTRATORS: [
        *DOCUMENT_AUTHORING,
        ("wagtaildocs", "document", "delete_document"),
        ("wagtailimages", "image", "delete_image"),
    ],
}


# Page permissions each role holds on its organisation's disclosure roots (placeful: granted to
# the organisation's own copy of the role group, never to the site-wide role group).
# Nobody but administrators holds publish_page: publishing is the workflow's finish action.
ROOT_PAGE_PERMISSIONS = {
    Role.EDITORS: ["add_page", "change_page"],
    Role.REVIEWERS: ["change_page"],
    Role.SECRECY: ["change_page"],
    Role.LEADERS: ["change_page"],
    Role.ADMINISTRATORS: ["add_page", "change_page", "publish_page", "bulk_delete_page"],
}
