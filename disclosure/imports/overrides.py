"""Where the import takes over library code (gongkai/patching.py, Override): checked against
Wagtail 8.0.1 and django-treebeard 5.3.1."""

from gongkai.patching import Override, Patch

PUBLISH = "wagtail.actions.publish_revision.PublishRevisionAction"

OVERRIDES = {
    "disclosure.imports.publishing.publish_created": Override(
        replaces="Wagtail's way of publishing a new page (add_child, save_revision, "
        "PublishRevisionAction, the log entries): the same rows in one insert, one revision and "
        "one narrow save",
        why="Wagtail saves a new page three times, validates it twice and checks every log "
        "entry's foreign keys by query: too slow for an old site's catalogue",
        checked=Patch(
            "wagtail",
            "8.0.1",
            {
                "wagtail.models.pages.AbstractPage.save_revision": "81be8edb676c3534",
                f"{PUBLISH}._publish_revision": "8dba54173a5f2ce7",
                "wagtail.models.audit_log.BaseLogEntryManager.log_action": "638f6bed69ab8e09",
                "wagtail.log_actions.LogActionRegistry.log": "5a0706d49757b03a",
            },
        ),
    ),
    "disclosure.imports.batches.ChildSlots": Override(
        replaces="treebeard's add_child for a batch of new pages under one column: each page's "
        "path is the next step after the column's last child (MP_Node._inc_path, "
        "MP_Node._get_path for the first), and its parent is set in the cache get_parent reads "
        "(_cached_parent_obj)",
        why="add_child reads the last child and updates the parent's numchild once per page; a "
        "batch locks the column once, hands out paths in memory and counts numchild once",
        checked=Patch(
            "django-treebeard",
            "5.3.1",
            {
                "treebeard.mp_tree.MP_Node._inc_path": "eb9917f69be6528f",
                "treebeard.mp_tree.MP_Node._get_path": "1c28286e554edc5c",
                "treebeard.mp_tree.MP_Node.get_parent": "c47098b1cf277ec1",
            },
        ),
    ),
    "disclosure.imports.importer.import_record": Override(
        replaces="Wagtail's lookup of whether a new page is a site's root (Page.is_site_root "
        "reads `_is_site_root` when a queryset annotated it), answered False for a new item",
        why="every save of an item asks, one query each: an old site's catalogue saves "
        "thousands of items that can never be a site's root",
        checked=Patch(
            "wagtail",
            "8.0.1",
            {"wagtail.models.pages.AbstractPage.is_site_root": "e4872b15c53e5a61"},
        ),
    ),
}
