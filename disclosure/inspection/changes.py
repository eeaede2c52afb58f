"""What changes an organisation's inspection results, as the framework signals it, and what
follows: the stored results are marked changed at once (the pages say 过期 until a refresh has
read the change, snapshots.Snapshot.stale) and the refresh is queued after
GONGKAI_INSPECTION_REFRESH_DELAY_SECONDS, so a burst of changes costs one run.

- a page published or unpublished (Wagtail's page_published / page_unpublished, which Wagtail
  also sends for the aliases it updates): its organisation;
- a page moved (post_page_move): the organisations it left and joined;
- a page deleted (pre_delete, while its ancestors still exist; a deleted subtree sends one per
  page): its organisation;
- a document replaced, edited or deleted (post_save / post_delete): the organisations whose
  pages reference it (Wagtail's reference index);
- the inspection's own data, every snippet of this app (thresholds, column types, a column's
  type, the misstatement list; post_save / post_delete): every organisation.

- a live page created without a publication: an alias (Wagtail's create_alias sends no
  page_published), or a page a script adds live (post_save, created): its organisation;
- a view restriction (PageViewRestriction, post_save / post_delete): at or above a disclosure
  root, the root the public cannot open fails 首页不更新; inside a root, the restricted
  columns and items (and aliases of them elsewhere) no longer count;
- a site changed (Site): a root outside every site fails 首页不更新.

A disclosure root published, moved or deleted may change which organisation owns what: every
organisation. PAGE_ACTIONS says, for every page action Wagtail registers, which signal covers it
(a test holds it to Wagtail's action registry). Anything else (a script's queryset update)
waits for the hourly beat refresh and shows as 过期 after GONGKAI_INSPECTION_MAX_AGE_SECONDS."""

from django.conf import settings
from django.utils import timezone
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models

from disclosure.catalogue.models import DisclosureIndexPage
from disclosure.catalogue.roots import disclosure_roots_of, pages_below_q
from gongkai.content_references import page_ids_referring_to
from gongkai.deferred_receivers import DeferredReceiver

from .models import OrganisationInspection
from .snapshots import request_refresh

EVERY_ORGANISATION = None
# Every page action of Wagtail's action registry (wagtail.actions.action_registry), and what
# tells of it when it changes what the inspection reads (live pages in the default locale).
PAGE_ACTIONS = {
    "create": "a draft: nothing live; its publication sends page_published",
    "edit": "a draft: nothing live; its publication sends page_published",
    "delete": "pre_delete",
    "publish": "page_published (also for the aliases Wagtail updates)",
    "unpublish": "page_unpublished",
    "revert": "a draft: nothing live; its publication sends page_published",
    "copy": "page_published when the copy is kept live; otherwise a draft",
    "move": "post_page_move",
    # The admin's “copy as alias” and the admin API refuse a live disclosure page
    # (moderation/publishing/guards.py copy_refusal); code (a script, an import) may still create
    # one.
    "create_alias": "post_save, created live (no page_published)",
    # A live alias in a disclosure tree does not become a page of its own: moderation refuses
    # it (moderation/publishing/publication.py), but for a translation alias, in another
    # locale than the default one the inspection reads; outside the trees nothing the
    # inspection reads changes.
    "convert_alias": "refused for a live alias in a disclosure tree but a translation's",
    "copy_for_translation": "another locale's draft, or an alias (create_alias)",
}
# What Wagtail records of a file when it is first served: not a change.
_FILE_METADATA = {"file_size", "file_hash"}


def results_changed(organisation_ids):
    """Mark the stored results of `organisation_ids` (EVERY_ORGANISATION: all) changed now and
    queue their refresh (one for all, or one per organisation)."""
    rows = OrganisationInspection.objects.all()
    if organisation_ids is not EVERY_ORGANISATION:
        organisation_ids = sorted(set(organisation_ids) - {None})
        if not organisation_ids:
            return
        rows = rows.filter(organisation_id__in=organisation_ids)
    rows.update(changed_at=timezone.now())
    if not settings.GONGKAI_INSPECTION_REFRESH_ON_PUBLISH:
        return
    delay = settings.GONGKAI_INSPECTION_REFRESH_DELAY_SECONDS
    for organisation_id in [None] if organisation_ids is EVERY_ORGANISATION else organisation_ids:
        request_refresh(organisation_id, delay=delay)


def organisations_of_pages(changed, places=()):
    """The organisations whose disclosure roots hold the `changed` pages or the `places` (a
    moved page's old and new parents); EVERY_ORGANISATION when a changed page is a root: its
    organisation, or which pages it holds, may have changed."""
    if any(page.specific_class is DisclosureIndexPage for page in changed):
        return EVERY_ORGANISATION
    return {
        root.organisation_id
        for root in disclosure_roots_of([*changed, *places])
        if root is not None
    }


def _pages_changed(pages):
    results_changed(organisations_of_pages(pages))


# Many pages changed at once (an import's batch): their organisations found in one pass.
_many_changed = DeferredReceiver(_pages_changed)


def page_changed(sender, instance, **kwargs):
    """page_published / page_unpublished / pre_delete of a page."""
    if not _many_changed.defer(instance):
        _pages_changed([instance])


def page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    places = [parent_page_before, parent_page_after]
    results_changed(organisations_of_pages([instance], places))


def page_created(instance):
    """A live page that appeared without a publication (an alias, a script's page):
    page_published does not tell of it."""
    if instance.live:
        results_changed(organisations_of_pages([instance]))


def restriction_changed(sender, instance, **kwargs):
    """A view restriction hides what is at or below its page from the public: roots below it
    (首页不更新), the root above it (its columns and items no longer count), and the
    organisations showing an alias of a page below it. Deleted with its page: pre_delete told."""
    page = Page.objects.filter(pk=instance.page_id).only("path", "content_type").first()
    if page is None:
        return
    aliases = Page.objects.filter(pages_below_q([page.path], field="alias_of__path")).only(
        "path", "content_type"
    )
    # Which organisation owns what did not change: the roots holding them, not every one.
    holding = {root.organisation_id for root in disclosure_roots_of([page, *aliases]) if root}
    below = DisclosureIndexPage.objects.filter(pages_below_q([page.path]))
    results_changed(holding | set(below.values_list("organisation_id", flat=True)))


def site_changed(sender, **kwargs):
    """A root outside every site has no address: which roots the public can open changed."""
    results_changed(EVERY_ORGANISATION)


def document_changed(sender, instance, update_fields=None, **kwargs):
    if update_fields and set(update_fields) <= _FILE_METADATA:
        return
    pages = Page.objects.filter(pk__in=page_ids_referring_to(instance)).only("path", "content_type")
    results_changed(organisations_of_pages(list(pages)))


def inspection_data_models():
    """Every model of this app a site administrator edits: Wagtail's snippet registry."""
    return [model for model in get_snippet_models() if model._meta.app_label == "inspection"]


def model_saved_or_deleted(sender, instance=None, created=False, raw=False, **kwargs):
    """post_save / post_delete of every model: the snippets are read from the registry when a
    model changes, so one registered later is covered too; a page saved is the specific
    model's signal, never Page's."""
    if raw:
        return
    if created and isinstance(instance, Page):
        page_created(instance)
    elif sender._meta.app_label == "inspection" and sender in inspection_data_models():
        results_changed(EVERY_ORGANISATION)
