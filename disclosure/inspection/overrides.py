"""Where the inspection app takes over library code (gongkai/patching.py, Override): checked
against Wagtail 8.0.1."""

from gongkai.patching import Override, Patch

POLICY = "wagtail.permission_policies.base.BasePermissionPolicy"

OVERRIDES = {
    "disclosure.inspection.access.SiteAdministratorsOnly": Override(
        replaces="Wagtail's BasePermissionPolicy.user_has_permission, user_has_any_permission "
        "and users_with_permission",
        why="the inspection reports are for site administrators, a role of ours, not a model "
        "permission Wagtail's policies could look up",
        checked=Patch(
            "wagtail",
            "8.0.1",
            {
                f"{POLICY}.user_has_permission": "83041d0a55799a26",
                f"{POLICY}.user_has_any_permission": "34fde7f25acdb99e",
                f"{POLICY}.users_with_permission": "6e7806ec4bde2216",
            },
        ),
    ),
}
