"""Where the import takes over library code (gongkai/patching.py, Override): checked against
Wagtail 8.0.1."""

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
}
