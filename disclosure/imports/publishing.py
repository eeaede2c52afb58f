"""How an imported record goes live: the framework's way one record at a time, or the bulk way
for a new record inside a batch, both through `sanctioned_publication`, ending in the same rows.

Wagtail publishes a new page in three saves (add_child, save_revision, publish), validates it
twice, reads its revision back as a second object, and validates every log entry's foreign keys
with a query each (profile: docs/catalogue.md). The bulk way writes the same rows with less:
the page is validated once as a live page, inserted as the draft add_child would make, its
revision made from it, and its live state, live revision and index number set in one narrow
save; `page_published` is sent as Wagtail sends it; the log entries Wagtail would write one by
one (wagtail.create, wagtail.publish, catalogue.import) are inserted together once the batch's
records are done.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.log_actions import get_active_log_context
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import COMMENTS_RELATION_NAME, PageLogEntry, Revision
from wagtail.signals import page_published

from disclosure.catalogue.index_numbers import number_at_first_publication
from disclosure.moderation.publishing.publication import sanctioned_publication

# The log action of a record published by the import (disclosure/imports/wagtail_hooks.py
# registers it). Stored on log entries: the value keeps the catalogue's name it was first given.
IMPORT_ACTION = "catalogue.import"

# What going live changes on the page row: the rest was written by the insert.
LIVE_STATE_FIELDS = [
    "live",
    "has_unpublished_changes",
    "expired",
    "first_published_at",
    "last_published_at",
    "live_revision",
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
]
NUMBER_FIELDS = ["index_number", "published_on"]
BY_CONSTRUCTION = ["path", "translation_key"]


def publish_or_save(page, live, context):
    """The framework's way, for updates, drafts and today's path: a revision, then Wagtail's
    publish action. Validated already: by add_child's save for a new page, by full_clean for an
    update. A new page's creation is logged already; an update logs its edit."""
    revision = page.save_revision(log_action=page.live, clean=False)
    if live:
        # Records the old site already published: logged as imported, not reviewed again.
        with sanctioned_publication(IMPORT_ACTION):
            revision.publish(user=None)
        import_log_entry(page, revision, context).save()
    return revision


def import_log_entry(page, revision, context):
    """The catalogue.import entry naming the file, line and old address of a publication."""
    return log_entry(page, IMPORT_ACTION, revision=revision, data=context)


def log_entry(page, action, *, revision=None, data=None, content_changed=False, timestamp=None):
    """The entry Wagtail's log() would save, unsaved: the checks PageLogEntry.full_clean makes
    by query (its foreign keys) hold by construction here, the action is checked as it does."""
    if not log_action_registry.action_exists(action):
        raise ValueError(f"The log action {action!r} has not been registered.")
    active = get_active_log_context()
    return PageLogEntry(
        content_type=ContentType.objects.get_for_model(page, for_concrete_model=False),
        label=PageLogEntry.objects.get_instance_title(page),
        action=action,
        timestamp=timestamp or timezone.now(),
        data=data or {},
        user=active.user,
        uuid=active.uuid,
        page=page,
        revision=revision,
        content_changed=content_changed,
    )


class LogBatch:
    """Log entries of a batch's records, inserted together before the batch commits. A record's
    entries join the batch only when its savepoint is released (keep), so a record rolled back
    leaves none."""

    def __init__(self):
        self.pending = []
        self.kept = []

    def add(self, entry):
        self.pending.append(entry)

    def keep(self):
        self.kept.extend(self.pending)
        self.pending.clear()

    def discard(self):
        self.pending.clear()

    def write(self):
        PageLogEntry.objects.bulk_create(self.kept)
        self.kept.clear()


def publish_created(page, column, slots, logs, context):
    """Create `page` live below `column` (a new record of an old site's published catalogue):
    the rows, signal and log entries of add_child + save_revision + publish + catalogue.import,
    in one insert, one revision and one narrow save."""
    slots.place(column, page)
    # Wagtail validates a page it publishes as a live page: the same validation, once. Two
    # unique checks hold by construction and would cost a query each: the path is the column's
    # next, handed out under its lock (ChildSlots), the translation key a new random one.
    page.live = True
    page.full_clean(exclude=BY_CONSTRUCTION)
    page.live = False
    # The draft row add_child would insert (not live: the publication below is the one save
    # that puts it live, and passes the revision check like any other).
    page.save(clean=False, log_action=None)
    created_at = timezone.now()
    # A new page has no comments: say so, instead of a query each time it is serialised.
    setattr(page, COMMENTS_RELATION_NAME, [])
    revision = Revision(
        content_object=page,
        base_content_type=page.get_base_content_type(),
        user=None,
        content=page.serializable_data(),
        object_str=str(page),
    )
    revision.save()

    now = timezone.now()
    page.latest_revision = revision
    page.latest_revision_created_at = revision.created_at
    page.draft_title = page.title
    page.live = True
    page.has_unpublished_changes = False
    page.expired = False
    page.live_revision = revision
    page.last_published_at = now
    if page.first_published_at is None:
        page.first_published_at = now
    update_fields = list(LIVE_STATE_FIELDS)
    organisation = getattr(page, "organisation", None)
    if organisation is not None and hasattr(page, "index_number") and not page.index_number:
        # What the page_published receiver would store by a second update (index_numbers.py).
        # The page was made here, with a translation key of its own: no other language's
        # version can carry a number to keep.
        page.index_number, page.published_on = number_at_first_publication(
            page, organisation, translated=False
        )
        update_fields += NUMBER_FIELDS
    with sanctioned_publication(IMPORT_ACTION):
        page.save(clean=False, update_fields=update_fields)
        page_published.send(sender=type(page), instance=page, revision=revision)

    logs.add(log_entry(page, "wagtail.create", content_changed=True, timestamp=created_at))
    logs.add(log_entry(page, "wagtail.publish", revision=revision, content_changed=True))
    logs.add(import_log_entry(page, revision, context))
    return revision
